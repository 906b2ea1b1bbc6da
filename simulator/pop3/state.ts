/**
 * The POP3 session states of RFC 1939 §3 and every transition between them, in one table the UI
 * draws the state diagram from (python-hyper/h11 `_state.py`).
 */
import { POP3_COMMANDS } from './registry.ts';

/**
 * @rfc 1939#3 "a POP3 session progresses through a number of states during its lifetime":
 * AUTHORIZATION, TRANSACTION, UPDATE. CLOSED is ours: the connection is gone.
 */
export type Pop3State = 'AUTHORIZATION' | 'TRANSACTION' | 'UPDATE' | 'CLOSED';

export const POP3_STATES: readonly Pop3State[] = ['AUTHORIZATION', 'TRANSACTION', 'UPDATE', 'CLOSED'];

/** What moves a session from one state to another. */
export type Pop3Trigger =
  | 'STLS'
  | 'PASS'
  | 'APOP'
  | 'AUTH'
  | 'QUIT'
  | 'update-done'
  | 'too-many-errors'
  | 'autologout'
  | 'dropped';

export interface Pop3Transition {
  from: Pop3State;
  on: Pop3Trigger;
  to: Pop3State;
  rfc: string;
  /** One line for the diagram's edge label. */
  note: string;
}

export const POP3_TRANSITIONS: readonly Pop3Transition[] = [
  { from: 'AUTHORIZATION', on: 'STLS', to: 'AUTHORIZATION', rfc: '2595#4', note: 'TLS starts; the server forgets what the client said before' },
  { from: 'AUTHORIZATION', on: 'PASS', to: 'TRANSACTION', rfc: '1939#7', note: 'USER then PASS: maildrop locked' },
  { from: 'AUTHORIZATION', on: 'APOP', to: 'TRANSACTION', rfc: '1939#7', note: 'MD5 digest of the banner timestamp and the secret' },
  { from: 'AUTHORIZATION', on: 'AUTH', to: 'TRANSACTION', rfc: '5034#4', note: 'SASL exchange succeeded' },
  { from: 'AUTHORIZATION', on: 'QUIT', to: 'CLOSED', rfc: '1939#4', note: 'goodbye before logging in' },
  { from: 'AUTHORIZATION', on: 'too-many-errors', to: 'CLOSED', rfc: '1939#4', note: 'too many failed commands' },
  { from: 'AUTHORIZATION', on: 'autologout', to: 'CLOSED', rfc: '1939#3', note: 'idle for 10 minutes' },
  { from: 'AUTHORIZATION', on: 'dropped', to: 'CLOSED', rfc: '1939#3', note: 'connection lost' },
  { from: 'TRANSACTION', on: 'QUIT', to: 'UPDATE', rfc: '1939#6', note: 'QUIT: deleted messages are removed now' },
  { from: 'TRANSACTION', on: 'too-many-errors', to: 'CLOSED', rfc: '1939#6', note: 'closed without UPDATE: nothing deleted' },
  { from: 'TRANSACTION', on: 'autologout', to: 'CLOSED', rfc: '1939#3', note: 'autologout timer: no UPDATE, nothing deleted' },
  { from: 'TRANSACTION', on: 'dropped', to: 'CLOSED', rfc: '1939#6', note: 'connection lost: no UPDATE, nothing deleted' },
  { from: 'UPDATE', on: 'update-done', to: 'CLOSED', rfc: '1939#6', note: 'lock released, connection closed' },
  { from: 'UPDATE', on: 'dropped', to: 'CLOSED', rfc: '1939#6', note: 'connection lost after the update' },
];

/** The state `on` leads to from `from`; throws on a transition the table lacks (our bug, not the peer's). */
export function nextState(from: Pop3State, on: Pop3Trigger): Pop3State {
  const t = POP3_TRANSITIONS.find((x) => x.from === from && x.on === on);
  if (!t) throw new Error(`POP3: no transition from ${from} on ${on}`);
  return t.to;
}

/** The command verbs valid in `state`, from the command registry. */
export function allowedCommands(state: Pop3State): string[] {
  return POP3_COMMANDS.filter((c) => c.states.includes(state)).map((c) => c.verb);
}
