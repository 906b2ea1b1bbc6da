/**
 * What the server reads the next typed line as when it is not a command, for the prompt (kept
 * short: with a host name it still fits a phone's 40 columns, except a chunk's or literal's count): message text, a chunk's or a literal's octets with
 * how many are still wanted (a miscounted BDAT otherwise just waits in silence), a SASL response,
 * or the end of IDLE. Null when the next line is a command.
 */
import type { MailProtocol } from '../../simulator/world/ports.ts';
import { isChunkState } from '../../simulator/smtp/state.ts';
import { isLiteralState } from '../../simulator/imap/state.ts';

export function payloadNote(protocol: MailProtocol, state: string | null, octetsLeft: number): string | null {
  if (state === null) return null;
  const left = `${octetsLeft} ${octetsLeft === 1 ? 'octet' : 'octets'} left`;
  switch (protocol) {
    case 'smtp':
      if (state === 'data') return 'message'; // RFC 5321 §4.1.1.4: until a line of just "."
      if (isChunkState(state)) return `chunk: ${left}`; // RFC 3030 §2
      return state === 'auth' ? 'SASL' : null; // RFC 4954 §4
    case 'pop3':
      return state === 'SASL' ? 'SASL' : null; // RFC 5034 §4
    case 'imap':
      if (isLiteralState(state) && octetsLeft > 0) return `literal: ${left}`; // RFC 9051 §4.3
      if (state === 'sasl') return 'SASL'; // RFC 9051 §6.2.2
      return state === 'idle-authenticated' || state === 'idle-selected' ? 'IDLE' : null; // RFC 9051 §6.3.13: DONE ends it
  }
}
