/**
 * The IMAP connection states and every transition between them, in one table
 * (RFC 9051 §3, "State and Flow Diagram"). The UI draws the state diagram from IMAP_TRANSITIONS.
 */

/** RFC 9051 §3: the four states of an IMAP connection. */
export type ImapState = 'not-authenticated' | 'authenticated' | 'selected' | 'logout';

export const IMAP_STATES: readonly ImapState[] = ['not-authenticated', 'authenticated', 'selected', 'logout'];

export interface ImapTransition {
  from: ImapState;
  to: ImapState;
  /** What causes it: a command and its outcome, or a server decision. */
  on: string;
  rfc: string;
}

/** @rfc 9051#3 — the numbered arrows of the flow diagram, plus the server's own BYE. */
export const IMAP_TRANSITIONS: readonly ImapTransition[] = [
  { from: 'not-authenticated', to: 'authenticated', on: 'LOGIN or AUTHENTICATE succeeds', rfc: '9051#3 (2)' },
  { from: 'not-authenticated', to: 'logout', on: 'LOGOUT, too many errors, or the connection closes', rfc: '9051#3 (7)' },
  { from: 'authenticated', to: 'selected', on: 'SELECT or EXAMINE succeeds', rfc: '9051#3 (3)' },
  { from: 'authenticated', to: 'logout', on: 'LOGOUT, too many errors, or the connection closes', rfc: '9051#3 (7)' },
  { from: 'selected', to: 'selected', on: 'SELECT or EXAMINE of another mailbox succeeds', rfc: '9051#6.3.2' },
  { from: 'selected', to: 'authenticated', on: 'CLOSE, UNSELECT, or a failed SELECT/EXAMINE', rfc: '9051#3 (4)' },
  { from: 'selected', to: 'logout', on: 'LOGOUT, too many errors, or the connection closes', rfc: '9051#3 (7)' },
];

export function canTransition(from: ImapState, to: ImapState): boolean {
  return IMAP_TRANSITIONS.some((t) => t.from === from && t.to === to);
}

const ANY: readonly ImapState[] = ['not-authenticated', 'authenticated', 'selected'];
const NOT_AUTHENTICATED: readonly ImapState[] = ['not-authenticated'];
/** RFC 9051 §6.4: "the authenticated state commands" are also valid in the selected state. */
const AUTHENTICATED: readonly ImapState[] = ['authenticated', 'selected'];
const SELECTED: readonly ImapState[] = ['selected'];

/**
 * Where each command is valid (RFC 9051 §6.1–§6.4). The command registry takes its `states`
 * from here, so this is the one place that says what a state allows.
 */
export const COMMAND_STATES = {
  // §6.1 any state
  CAPABILITY: ANY,
  NOOP: ANY,
  LOGOUT: ANY,
  ID: ANY, // RFC 2971 §3.1 "valid in any state"
  // §6.2 not authenticated
  STARTTLS: NOT_AUTHENTICATED,
  AUTHENTICATE: NOT_AUTHENTICATED,
  LOGIN: NOT_AUTHENTICATED,
  // §6.3 authenticated
  ENABLE: ['authenticated'] as readonly ImapState[], // §6.3.1 "only valid in the authenticated state, before any mailbox is selected"
  SELECT: AUTHENTICATED,
  EXAMINE: AUTHENTICATED,
  CREATE: AUTHENTICATED,
  DELETE: AUTHENTICATED,
  RENAME: AUTHENTICATED,
  SUBSCRIBE: AUTHENTICATED,
  UNSUBSCRIBE: AUTHENTICATED,
  LIST: AUTHENTICATED,
  LSUB: AUTHENTICATED, // RFC 3501 §6.3.9 (deprecated by RFC 9051 Appendix E item 19)
  NAMESPACE: AUTHENTICATED,
  STATUS: AUTHENTICATED,
  APPEND: AUTHENTICATED,
  IDLE: AUTHENTICATED,
  // §6.4 selected
  CHECK: SELECTED, // RFC 3501 §6.4.1 (removed in RFC 9051, kept for rev1 clients)
  CLOSE: SELECTED,
  UNSELECT: SELECTED,
  EXPUNGE: SELECTED,
  SEARCH: SELECTED,
  FETCH: SELECTED,
  STORE: SELECTED,
  COPY: SELECTED,
  MOVE: SELECTED,
  UID: SELECTED,
} as const satisfies Record<string, readonly ImapState[]>;

export type ImapVerb = keyof typeof COMMAND_STATES;

export function isImapVerb(word: string): word is ImapVerb {
  return Object.prototype.hasOwnProperty.call(COMMAND_STATES, word);
}

/** The commands a client may send in `state` (Tab completion and the BAD reason use this). */
export function allowedCommands(state: ImapState): ImapVerb[] {
  return (Object.keys(COMMAND_STATES) as ImapVerb[]).filter((verb) => COMMAND_STATES[verb].includes(state));
}

/** How a state is named in replies: "not authenticated state". */
export function stateName(state: ImapState): string {
  return `${state.replace('-', ' ')} state`;
}
