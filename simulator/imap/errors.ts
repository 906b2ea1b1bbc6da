/**
 * An IMAP client's protocol errors as typed values, and the one place they become tagged BAD or
 * NO lines (go-imap `readCommand`). RFC 9051 §7.1.3: BAD "reports a protocol-level error in the
 * client's command"; §7.1.2: NO is the refusal of a command that was understood. Handlers and
 * the server return `protocolError(e)` effects (effects.ts); the server counts BADs in a row
 * toward the limit that ends the connection.
 */
import { bad, Code, no, type TaggedResult } from './responses.ts';
import { allowedCommands, stateName, type CommandState } from './state.ts';

export type ImapProtocolError =
  /** RFC 9051 §6: the command is not valid in this state. */
  | { kind: 'wrong-state'; command: string; state: CommandState }
  /** The host switched the capability behind the command off. */
  | { kind: 'disabled'; command: string }
  /** The parser knows the command, the registry has no handler for it. */
  | { kind: 'not-implemented'; command: string }
  /** The command line could not be parsed (the reader's message says where and why). */
  | { kind: 'syntax'; message: string }
  /** The line parses, but an argument is not acceptable (a flag, a message number, an option). */
  | { kind: 'argument'; message: string }
  /** RFC 9051 §6.2.2: the client answered a SASL challenge with "*". */
  | { kind: 'sasl-cancelled' }
  /** RFC 9051 §6.2.2: the SASL response is not valid base64. */
  | { kind: 'sasl-not-base64' }
  /** RFC 9051 §6.2.1: STARTTLS on a connection that already runs TLS. */
  | { kind: 'tls-active' }
  /** RFC 2177 §3: during IDLE the only line a client may send is DONE. */
  | { kind: 'idle-not-done'; line: string }
  /** RFC 9051 §6.2.3: a password before TLS while LOGINDISABLED is advertised (RFC 5530 PRIVACYREQUIRED). */
  | { kind: 'privacy-required' }
  /** RFC 7888 §4: a literal larger than the server accepts is refused with NO [TOOBIG]. */
  | { kind: 'too-big'; message: string };

/** The tagged BAD or NO for a protocol error. */
export function errorResult(e: ImapProtocolError): TaggedResult {
  switch (e.kind) {
    case 'wrong-state':
      return bad(`${e.command} is not allowed in the ${stateName(e.state)}; allowed here: ${allowedCommands(e.state).join(' ')}`);
    case 'disabled':
      return bad(`${e.command} is switched off on this server`);
    case 'not-implemented':
      return bad(`${e.command} is not implemented by this server`);
    case 'syntax':
    case 'argument':
      return bad(e.message);
    case 'sasl-cancelled':
      // RFC 9051 §6.2.2 "it MUST reject the AUTHENTICATE command by sending a tagged BAD response".
      return bad('AUTHENTICATE cancelled');
    case 'sasl-not-base64':
      return bad('The response is not valid base64');
    case 'tls-active':
      return bad('TLS is already active on this connection');
    case 'idle-not-done':
      return bad(`Expected DONE to end IDLE, got "${e.line.slice(0, 40)}"`);
    case 'privacy-required':
      return no('Plaintext passwords are refused before TLS: send STARTTLS first, or use port 993', Code.PRIVACYREQUIRED);
    case 'too-big':
      return no(e.message, 'TOOBIG');
  }
}
