/**
 * An IMAP client's protocol errors as typed values, and the one place they become tagged BAD
 * lines (go-imap `readCommand`; RFC 9051 §7.1.3: BAD "reports a protocol-level error in the
 * client's command"). The server counts BADs in a row toward the limit that ends the connection.
 */
import { bad, type TaggedResult } from './responses.ts';
import { allowedCommands, stateName, type CommandState } from './state.ts';

export type ImapProtocolError =
  /** RFC 9051 §6: the command is not valid in this state. */
  | { kind: 'wrong-state'; command: string; state: CommandState }
  /** The host switched the capability behind the command off. */
  | { kind: 'disabled'; command: string }
  /** The parser knows the command, the registry has no handler for it. */
  | { kind: 'not-implemented'; command: string }
  /** The command line could not be parsed (the reader's message says where and why). */
  | { kind: 'syntax'; message: string };

/** The tagged BAD for a protocol error. */
export function errorResult(e: ImapProtocolError): TaggedResult {
  switch (e.kind) {
    case 'wrong-state':
      return bad(`${e.command} is not allowed in the ${stateName(e.state)}; allowed here: ${allowedCommands(e.state).join(' ')}`);
    case 'disabled':
      return bad(`${e.command} is switched off on this server`);
    case 'not-implemented':
      return bad(`${e.command} is not implemented by this server`);
    case 'syntax':
      return bad(e.message);
  }
}
