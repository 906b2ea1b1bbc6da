/**
 * A POP3 client's protocol errors as typed values, and the one place they become -ERR lines
 * (go-imap `readCommand`). Each counts toward the error limit that closes the connection.
 */
import { R, type Pop3Reply } from './replies.ts';
import type { Pop3State } from './state.ts';

export type Pop3ProtocolError =
  | { kind: 'line-too-long' }
  | { kind: 'not-utf8' }
  | { kind: 'empty' }
  | { kind: 'unknown-command'; verb: string }
  | { kind: 'wrong-state'; verb: string; state: Pop3State }
  | { kind: 'disabled'; verb: string }
  | { kind: 'syntax'; syntax: string }
  | { kind: 'argument-too-long' };

const WRONG_STATE_HINTS: Record<Pop3State, string> = {
  AUTHORIZATION: 'log in first: USER and PASS, APOP or AUTH',
  SASL: 'an AUTH exchange is running',
  'TLS-HANDSHAKE': 'the TLS handshake is running',
  TRANSACTION: 'you are logged in already',
  UPDATE: 'the session is ending',
  CLOSED: 'the connection is closed',
};

/** @rfc 1939#3 the -ERR reply to a bad command line; RFC 2449 §4 and §3 set the limits. */
export function errorReply(e: Pop3ProtocolError): Pop3Reply {
  switch (e.kind) {
    case 'line-too-long':
      return R.lineTooLong;
    case 'not-utf8':
      return R.notUtf8;
    case 'empty':
      return R.emptyCommand;
    case 'unknown-command':
      return R.unknownCommand(e.verb);
    case 'wrong-state':
      return R.wrongState(e.verb, e.state, WRONG_STATE_HINTS[e.state]);
    case 'disabled':
      return R.disabled(e.verb);
    case 'syntax':
      return R.syntax(e.syntax);
    case 'argument-too-long':
      return R.argumentTooLong;
  }
}
