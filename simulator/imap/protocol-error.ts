/**
 * An IMAP client's protocol errors as typed values (RFC 9051 §7.1.3 BAD, §7.1.2 NO). Handlers
 * return them in `protocolError(e)` effects (effects.ts); errors.ts turns them into tagged lines.
 */
import type { CommandState } from './state.ts';

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
