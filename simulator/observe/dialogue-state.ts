/**
 * The server's protocol state as a client can tell it from the dialogue alone, for live servers
 * whose engine the page cannot see. It names states as the engines do (simulator/{smtp,pop3,imap}/state.ts)
 * so the same `allowedCommands(state)` answers Tab. Until the greeting arrives the state is unknown.
 * IMAP's, with its sub-states (SASL, IDLE, literals, the TLS handshake), is in imap-dialogue.ts.
 */
import type { MailProtocol } from '../world/ports.ts';
import { CHUNK_STATE, isCommandState, type SmtpState } from '../smtp/state.ts';
import type { Pop3State } from '../pop3/state.ts';
import { utf8Bytes, utf8Text } from '../wire/bytes.ts';
import { ImapDialogue } from './imap-dialogue.ts';
import { POP3_END, pop3Challenge, pop3MultiLine, pop3StatusLine, smtpReplyLine } from './reply-lines.ts';

export interface DialogueState {
  /** The inferred state, or null while it cannot be told (before the greeting). */
  readonly state: string | null;
  /**
   * Octets the server still reads as data before it reads commands again: the rest of a BDAT
   * chunk (RFC 3030 §2) or of an IMAP literal (RFC 9051 §4.3); 0 otherwise.
   */
  readonly octetsLeft: number;
  client(line: string): void;
  server(line: string): void;
  tlsStarted(): void;
}

/** Which protocol a server speaks, from its greeting (for ports that are not the usual ones). */
export function protocolFromGreeting(line: string): MailProtocol | null {
  if (/^220(?:[ -]|$)/.test(line)) return 'smtp'; // RFC 5321 §4.3.1
  if (/^\+OK\b/.test(line)) return 'pop3'; // RFC 1939 §4
  if (/^\* (?:OK|PREAUTH|BYE)\b/i.test(line)) return 'imap'; // RFC 9051 §7.1
  return null;
}

export function dialogueState(protocol: MailProtocol): DialogueState {
  switch (protocol) {
    case 'smtp': return new SmtpDialogue();
    case 'pop3': return new Pop3Dialogue();
    case 'imap': return new ImapDialogue();
  }
}

const verbOf = (line: string): string => (/^\s*(\S+)/.exec(line)?.[1] ?? '').toUpperCase();

/** RFC 3030 §2: bdat-cmd ::= "BDAT" SP chunk-size [ SP end-marker ]. */
const BDAT_COMMAND = /^BDAT (\d{1,15})( +LAST)?$/i;

/** SMTP: each final reply (code then SP) answers the oldest command still waiting (RFC 5321 §4.2, RFC 2920). */
class SmtpDialogue implements DialogueState {
  /** The state as the replies so far tell it; while a chunk is on its way, its chunk state is shown. */
  #state: SmtpState | null = null;
  readonly #waiting: string[] = [];
  /** Octets of a BDAT chunk still to come: message data, not commands (RFC 3030 §2). */
  #chunkLeft = 0;

  get octetsLeft(): number {
    return this.#chunkLeft;
  }

  get state(): SmtpState | null {
    const home = this.#state;
    if (this.#chunkLeft > 0 && home !== null && isCommandState(home)) return CHUNK_STATE[home];
    return home;
  }

  client(line: string): void {
    if (this.#chunkLeft > 0) {
      const octets = utf8Bytes(line);
      if (this.#chunkLeft >= octets.length + 2) {
        this.#chunkLeft -= octets.length + 2;
        return;
      }
      // The chunk ends inside this line: the rest is the next command.
      const rest = utf8Text(octets.subarray(this.#chunkLeft));
      this.#chunkLeft = 0;
      if (rest) this.client(rest);
      return;
    }
    if (this.#state === 'data') {
      if (line === '.') this.#waiting.push('end of data'); // RFC 5321 §4.1.1.4
      return;
    }
    if (this.#state === 'auth') {
      this.#waiting.push('AUTH response');
      return;
    }
    // RFC 3030 §2: exactly chunk-size octets follow, whatever the server will answer.
    const bdat = BDAT_COMMAND.exec(line);
    if (bdat) this.#chunkLeft = Number(bdat[1]);
    this.#waiting.push(bdat?.[2] ? 'BDAT LAST' : verbOf(line));
  }

  server(line: string): void {
    const reply = smtpReplyLine(line);
    if (!reply?.final) return;
    const code = String(reply.code);
    if (this.#state === null) {
      this.#state = code === '220' ? 'connected' : 'closed';
      return;
    }
    if (code === '421') {
      this.#state = 'closed'; // RFC 5321 §3.8
      return;
    }
    this.#answer(this.#waiting.shift(), code);
  }

  #answer(command: string | undefined, code: string): void {
    const ok = code.startsWith('2');
    switch (command) {
      case 'EHLO': case 'HELO': if (ok) this.#state = 'ready'; return;
      case 'MAIL': if (ok) this.#state = 'mail'; return;
      case 'RCPT': if (ok) this.#state = 'rcpt'; return;
      case 'DATA': if (code === '354') this.#state = 'data'; return;
      case 'BDAT': if (ok) this.#state = 'bdat'; return; // RFC 3030 §2: between chunks
      case 'BDAT LAST': if (ok) this.#state = 'ready'; return;
      case 'end of data': this.#state = 'ready'; return;
      case 'RSET': if (ok && this.#state !== 'connected') this.#state = 'ready'; return;
      case 'AUTH': case 'AUTH response': this.#state = code === '334' ? 'auth' : 'ready'; return; // RFC 4954 §4
      case 'STARTTLS': if (code === '220') this.#state = 'starttls'; return;
      case 'QUIT': if (ok) this.#state = 'closed'; return;
    }
  }

  tlsStarted(): void {
    // RFC 3207 §4.2: the session starts over, before EHLO; the greeting is not repeated.
    this.#state = 'connected';
    this.#waiting.length = 0;
  }
}

/**
 * POP3: one command at a time; +OK to PASS, APOP or AUTH enters TRANSACTION (RFC 1939 §§4–6).
 * The sub-states of POP3_TABLE a client sees: SASL from the server's "+" challenge to AUTH's
 * +OK/-ERR (RFC 5034 §4), TLS-HANDSHAKE from STLS's +OK until TLS is up (RFC 2595 §4).
 */
class Pop3Dialogue implements DialogueState {
  state: Pop3State | null = null;
  /** POP3 has no counted data from the client (RFC 1939). */
  readonly octetsLeft = 0;
  readonly #waiting: Array<{ verb: string; args: string }> = [];
  #inList = false;

  client(line: string): void {
    // A SASL response is not a command; before the handshake nothing counts (RFC 2595 §4).
    if (this.state === 'SASL' || this.state === 'TLS-HANDSHAKE') return;
    const m = /^\s*(\S+)\s*(.*)$/.exec(line);
    this.#waiting.push({ verb: (m?.[1] ?? '').toUpperCase(), args: (m?.[2] ?? '').trim() });
  }

  server(line: string): void {
    if (this.#inList) {
      if (line === POP3_END) this.#inList = false;
      return;
    }
    if (this.state === null) {
      this.state = pop3StatusLine(line)?.ok ? 'AUTHORIZATION' : 'CLOSED';
      return;
    }
    if (pop3Challenge(line)) {
      if (this.#waiting[0]?.verb === 'AUTH' && (this.state === 'AUTHORIZATION' || this.state === 'SASL')) this.state = 'SASL'; // RFC 5034 §4
      return;
    }
    const status = pop3StatusLine(line);
    if (!status) return;
    const command = this.#waiting.shift();
    if (this.state === 'SASL') {
      // RFC 5034 §4: +OK logs in; -ERR (a refused response, or "*") ends the exchange.
      this.state = status.ok ? 'TRANSACTION' : 'AUTHORIZATION';
      return;
    }
    if (!command || !status.ok) return;
    if (pop3MultiLine(command.verb, command.args)) this.#inList = true;
    if (['PASS', 'APOP', 'AUTH'].includes(command.verb) && this.state === 'AUTHORIZATION') this.state = 'TRANSACTION';
    if (command.verb === 'STLS' && this.state === 'AUTHORIZATION') this.state = 'TLS-HANDSHAKE';
    if (command.verb === 'QUIT') this.state = 'CLOSED';
  }

  tlsStarted(): void {
    if (this.state === 'TLS-HANDSHAKE') this.state = 'AUTHORIZATION';
    this.#waiting.length = 0;
  }
}
