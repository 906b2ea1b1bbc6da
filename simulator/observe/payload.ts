/**
 * Whether a line the client sends in a server state is payload — message text, a BDAT chunk, an
 * IMAP literal's octets, a SASL response — rather than a command. A line of payload is never a
 * refused command nor a STARTTLS request, whatever it spells.
 */
import { isLiteralState } from '../imap/state.ts';
import { isPayloadState as isSmtpPayloadState } from '../smtp/state.ts';
import type { MailProtocol } from '../world/ports.ts';

export function isPayloadLine(protocol: MailProtocol, state: string): boolean {
  switch (protocol) {
    case 'smtp':
      return isSmtpPayloadState(state);
    case 'pop3':
      return state === 'SASL'; // RFC 5034 §4: the next line is the base64 response, or "*"
    case 'imap':
      // RFC 9051 §4.3: a literal's octets; §6.2.2: the base64 response, or "*".
      return isLiteralState(state) || state === 'sasl';
  }
}
