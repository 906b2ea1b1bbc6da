/**
 * The POP3 session states of RFC 1939 §3, plus the states in which a line means something other
 * than a command (a SASL response, nothing at all while TLS starts), and every transition
 * between them in one table the UI draws the state diagram from (simulator/fsm.ts).
 */
import { edges, rfc, stateTable, type Transition } from '../fsm.ts';

/**
 * @rfc 1939#3 "a POP3 session progresses through a number of states during its lifetime":
 * AUTHORIZATION, TRANSACTION, UPDATE. SASL (RFC 5034 §4: the next line is a base64 response, not
 * a command) and TLS-HANDSHAKE (RFC 2595 §4: input before the handshake is not read) are
 * sub-states of AUTHORIZATION; CLOSED is ours: the connection is gone.
 */
export type Pop3State = 'AUTHORIZATION' | 'SASL' | 'TLS-HANDSHAKE' | 'TRANSACTION' | 'UPDATE' | 'CLOSED';

export const POP3_STATES: readonly Pop3State[] = ['AUTHORIZATION', 'SASL', 'TLS-HANDSHAKE', 'TRANSACTION', 'UPDATE', 'CLOSED'];

/** What moves a session from one state to another. */
export type Pop3Trigger =
  | 'STLS'
  | 'TLS-done'
  | 'PASS'
  | 'APOP'
  | 'AUTH'
  | 'AUTH-challenge'
  | 'AUTH-failed'
  | 'QUIT'
  | 'update-done'
  | 'too-many-errors'
  | 'autologout'
  | 'dropped';

export type Pop3Transition = Transition<Pop3State, Pop3Trigger>;

const OPEN: readonly Pop3State[] = ['AUTHORIZATION', 'SASL', 'TLS-HANDSHAKE', 'TRANSACTION'];

export const POP3_TABLE = stateTable<Pop3State, Pop3Trigger>({
  name: 'POP3 server',
  states: POP3_STATES,
  initial: 'AUTHORIZATION',
  transitions: [
    { from: 'AUTHORIZATION', on: 'STLS', to: 'TLS-HANDSHAKE', rfc: rfc(2595, '4'), note: '+OK sent; nothing is read until the handshake ends' },
    { from: 'TLS-HANDSHAKE', on: 'TLS-done', to: 'AUTHORIZATION', rfc: rfc(2595, '4'), note: 'TLS runs; the server forgets what the client said before' },
    { from: 'AUTHORIZATION', on: 'PASS', to: 'TRANSACTION', rfc: rfc(1939, '7'), note: 'USER then PASS: maildrop locked' },
    { from: 'AUTHORIZATION', on: 'APOP', to: 'TRANSACTION', rfc: rfc(1939, '7'), note: 'MD5 digest of the banner timestamp and the secret' },
    { from: 'AUTHORIZATION', on: 'AUTH', to: 'TRANSACTION', rfc: rfc(5034, '4'), note: 'AUTH with an initial response succeeded' },
    { from: 'AUTHORIZATION', on: 'AUTH-challenge', to: 'SASL', rfc: rfc(5034, '4'), note: '"+ " sent: the next line is the base64 response' },
    { from: 'SASL', on: 'AUTH', to: 'TRANSACTION', rfc: rfc(5034, '4'), note: 'SASL exchange succeeded' },
    { from: 'SASL', on: 'AUTH-failed', to: 'AUTHORIZATION', rfc: rfc(5034, '4'), note: '"*" cancels, or the response was refused' },
    { from: 'AUTHORIZATION', on: 'QUIT', to: 'CLOSED', rfc: rfc(1939, '4'), note: 'goodbye before logging in' },
    { from: 'TRANSACTION', on: 'QUIT', to: 'UPDATE', rfc: rfc(1939, '6'), note: 'QUIT: deleted messages are removed now' },
    { from: 'UPDATE', on: 'update-done', to: 'CLOSED', rfc: rfc(1939, '6'), note: 'lock released, connection closed' },
    { from: 'AUTHORIZATION', on: 'too-many-errors', to: 'CLOSED', rfc: rfc(1939, '4'), note: 'too many failed commands' },
    { from: 'SASL', on: 'too-many-errors', to: 'CLOSED', rfc: rfc(1939, '4'), note: 'too many failed logins' },
    { from: 'TRANSACTION', on: 'too-many-errors', to: 'CLOSED', rfc: rfc(1939, '6'), note: 'closed without UPDATE: nothing deleted' },
    ...edges(OPEN, 'autologout', 'CLOSED', rfc(1939, '3'), 'autologout timer: no UPDATE, nothing deleted'),
    ...edges([...OPEN, 'UPDATE'], 'dropped', 'CLOSED', rfc(1939, '6'), 'connection lost: no UPDATE, nothing deleted'),
  ],
});

export const POP3_TRANSITIONS: readonly Pop3Transition[] = POP3_TABLE.transitions;

