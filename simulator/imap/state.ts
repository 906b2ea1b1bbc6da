/**
 * The IMAP connection states and every transition between them, in one table on simulator/fsm.ts
 * (RFC 9051 §3, "State and Flow Diagram"), plus the states in which the next octets mean something
 * other than a command: a literal's octets, a SASL response, DONE, a TLS handshake, or nothing
 * yet (a long response is still being written). The UI draws the state diagram from IMAP_TABLE.
 */
import { edges, rfc, stateTable, type Transition } from '../fsm.ts';

/**
 * @rfc 9051#3 the four states of an IMAP connection, and the sub-states of each in which a line
 * is not a command. A sub-state that returns to where it came from is named for that state
 * (`idle-authenticated`, `literal-selected`), so the table alone says where it goes back to.
 */
export type ImapState =
  | 'not-authenticated'
  | 'authenticated'
  | 'selected'
  | 'logout'
  /** RFC 9051 §6.2.2: `+ ` sent; the next line is the base64 SASL response (or `*`). */
  | 'sasl'
  /** RFC 9051 §6.2.1: STARTTLS answered OK; nothing is read until the TLS handshake ends. */
  | 'tls-handshake'
  /** RFC 9051 §6.3.13: IDLE answered `+ idling`; the next line must be DONE. */
  | 'idle-authenticated'
  | 'idle-selected'
  /** RFC 9051 §4.3, §7.6: a literal was announced; the next octets are its data, not a command. */
  | 'literal-not-authenticated'
  | 'literal-authenticated'
  | 'literal-selected'
  /** RFC 9051 §5.5: a long FETCH response goes out in parts; commands that arrive wait for it. */
  | 'responding';

/** The states in which a line is a command (RFC 9051 §6.1–§6.4 say which). */
export type CommandState = 'not-authenticated' | 'authenticated' | 'selected';

/** The RFC's four states first (the diagram's main row), then the sub-states beside the state each leaves from. */
export const IMAP_STATES: readonly ImapState[] = [
  'not-authenticated',
  'authenticated',
  'selected',
  'logout',
  'sasl',
  'tls-handshake',
  'literal-not-authenticated',
  'idle-authenticated',
  'literal-authenticated',
  'idle-selected',
  'literal-selected',
  'responding',
];

/** What moves a connection from one state to another: a command's outcome, or the server's own decision. */
export type ImapTrigger =
  | 'LOGIN'
  | 'AUTHENTICATE'
  | 'AUTHENTICATE-continue'
  | 'AUTHENTICATE-failed'
  | 'STARTTLS'
  | 'TLS-done'
  | 'SELECT'
  | 'EXAMINE'
  | 'SELECT-failed'
  | 'CLOSE'
  | 'UNSELECT'
  | 'DELETE'
  | 'IDLE'
  | 'DONE'
  | 'literal'
  | 'literal-read'
  | 'FETCH-more'
  | 'FETCH-done'
  | 'LOGOUT'
  | 'bye'
  | 'dropped';

export type ImapTransition = Transition<ImapState, ImapTrigger>;

/** Where a literal or IDLE started from, and the sub-state that stands for it. */
export const LITERAL_STATE = { 'not-authenticated': 'literal-not-authenticated', authenticated: 'literal-authenticated', selected: 'literal-selected' } as const satisfies Record<CommandState, ImapState>;

const LITERAL_STATES: readonly string[] = Object.values(LITERAL_STATE);

/** RFC 9051 §4.3: a literal's octets are being read. */
export function isLiteralState(state: string): boolean {
  return LITERAL_STATES.includes(state);
}

const OPEN: readonly ImapState[] = IMAP_STATES.filter((s) => s !== 'logout');
const COMMAND: readonly CommandState[] = ['not-authenticated', 'authenticated', 'selected'];

export const IMAP_TABLE = stateTable<ImapState, ImapTrigger>({
  name: 'IMAP server',
  states: IMAP_STATES,
  initial: 'not-authenticated',
  transitions: [
    { from: 'not-authenticated', on: 'LOGIN', to: 'authenticated', rfc: rfc(9051, '6.2.3'), note: 'LOGIN succeeded' },
    { from: 'not-authenticated', on: 'AUTHENTICATE', to: 'authenticated', rfc: rfc(9051, '6.2.2'), note: 'AUTHENTICATE with an initial response succeeded' },
    { from: 'not-authenticated', on: 'AUTHENTICATE-continue', to: 'sasl', rfc: rfc(9051, '6.2.2'), note: '"+ " sent: the next line is the base64 response' },
    { from: 'sasl', on: 'AUTHENTICATE', to: 'authenticated', rfc: rfc(9051, '6.2.2'), note: 'SASL exchange succeeded' },
    { from: 'sasl', on: 'AUTHENTICATE-failed', to: 'not-authenticated', rfc: rfc(9051, '6.2.2'), note: '"*" cancels, or the response was refused' },
    { from: 'not-authenticated', on: 'STARTTLS', to: 'tls-handshake', rfc: rfc(9051, '6.2.1'), note: 'OK sent; nothing is read until the handshake ends' },
    { from: 'tls-handshake', on: 'TLS-done', to: 'not-authenticated', rfc: rfc(9051, '6.2.1'), note: 'TLS runs; what the client sent before it is discarded' },
    { from: 'authenticated', on: 'SELECT', to: 'selected', rfc: rfc(9051, '6.3.2') },
    { from: 'authenticated', on: 'EXAMINE', to: 'selected', rfc: rfc(9051, '6.3.3'), note: 'read-only' },
    { from: 'selected', on: 'SELECT', to: 'selected', rfc: rfc(9051, '6.3.2'), note: 'another mailbox: the first is closed' },
    { from: 'selected', on: 'EXAMINE', to: 'selected', rfc: rfc(9051, '6.3.3'), note: 'another mailbox, read-only' },
    { from: 'selected', on: 'SELECT-failed', to: 'authenticated', rfc: rfc(9051, '6.3.2'), note: 'a failed SELECT or EXAMINE leaves no mailbox selected' },
    { from: 'selected', on: 'CLOSE', to: 'authenticated', rfc: rfc(9051, '6.4.1'), note: '\\Deleted messages removed silently' },
    { from: 'selected', on: 'UNSELECT', to: 'authenticated', rfc: rfc(9051, '6.4.2'), note: 'nothing removed' },
    { from: 'selected', on: 'DELETE', to: 'authenticated', rfc: rfc(9051, '6.3.5'), note: 'DELETE of the selected mailbox closes it first' },
    { from: 'authenticated', on: 'IDLE', to: 'idle-authenticated', rfc: rfc(9051, '6.3.13'), note: '"+ idling": changes are told as they happen' },
    { from: 'selected', on: 'IDLE', to: 'idle-selected', rfc: rfc(9051, '6.3.13'), note: '"+ idling": changes are told as they happen' },
    { from: 'idle-authenticated', on: 'DONE', to: 'authenticated', rfc: rfc(9051, '6.3.13') },
    { from: 'idle-selected', on: 'DONE', to: 'selected', rfc: rfc(9051, '6.3.13') },
    ...COMMAND.map((from): ImapTransition => ({ from, on: 'literal', to: LITERAL_STATE[from], rfc: rfc(9051, '4.3'), note: '{n}: the next n octets are data ("+" first for a synchronizing literal, RFC 9051 §7.6)' })),
    ...COMMAND.map((to): ImapTransition => ({ from: LITERAL_STATE[to], on: 'literal-read', to, rfc: rfc(9051, '4.3'), note: 'all n octets read: back to the command' })),
    { from: 'selected', on: 'FETCH-more', to: 'responding', rfc: rfc(9051, '5.5'), note: 'part of a long FETCH written; the rest follows, later commands wait' },
    { from: 'responding', on: 'FETCH-done', to: 'selected', rfc: rfc(9051, '6.4.5') },
    ...edges(COMMAND, 'LOGOUT', 'logout', rfc(9051, '6.1.3')),
    ...edges(OPEN, 'bye', 'logout', rfc(9051, '7.1.5'), 'the server says BYE and closes (too many errors, autologout, …)'),
    ...edges(OPEN, 'dropped', 'logout', rfc(9051, '3'), 'the connection closed without LOGOUT'),
  ],
});

export const IMAP_TRANSITIONS: readonly ImapTransition[] = IMAP_TABLE.transitions;

/** The state a command arriving now is checked against: a literal's command belongs to the state it started in. */
export function commandState(state: ImapState): CommandState | null {
  switch (state) {
    case 'not-authenticated':
    case 'literal-not-authenticated':
      return 'not-authenticated';
    case 'authenticated':
    case 'literal-authenticated':
      return 'authenticated';
    case 'selected':
    case 'literal-selected':
      return 'selected';
    default:
      return null;
  }
}

/** How a state is named in replies: "not authenticated state". */
export function stateName(state: ImapState): string {
  return `${state.replace(/-/g, ' ')} state`;
}
