/**
 * The SMTP server's states and every transition between them, in one table (simulator/fsm.ts,
 * python-hyper/h11 `_state.py`). Every state in which a byte means something other than a command
 * (DATA content, a BDAT chunk, a SASL response, a TLS handshake) is a named state here.
 * The UI draws the state diagram from `SMTP_TRANSITIONS`; the engine moves only along its rows.
 */
import { edges, nextState as tableNext, rfc, stateTable, type RfcSection, type Transition } from '../fsm.ts';

export type SmtpState =
  /** The 220 greeting is out; no EHLO/HELO yet (RFC 5321 §4.1.4: MAIL needs EHLO first). */
  | 'connected'
  /** EHLO/HELO accepted, no mail transaction open. */
  | 'ready'
  /** MAIL FROM accepted: the reverse-path is known, no recipient yet (RFC 5321 §3.3). */
  | 'mail'
  /** At least one RCPT TO accepted. */
  | 'rcpt'
  /** After 354: message content until <CRLF>.<CRLF> (RFC 5321 §4.1.1.4). */
  | 'data'
  /** Between BDAT chunks, before BDAT … LAST (RFC 3030 §2). */
  | 'bdat'
  /**
   * RFC 3030 §2: a BDAT command was read; the next chunk-size octets are its chunk, not commands
   * (read and discarded when the command is refused). Named for the state the command came in,
   * so the table alone says where reading the chunk goes back to.
   */
  | ChunkState
  /** A SASL exchange of 334 challenges and client responses (RFC 4954 §4). */
  | 'auth'
  /** 220 to STARTTLS sent; waiting for the TLS handshake (RFC 3207 §4). */
  | 'starttls'
  | 'closed';

export type ChunkState = 'chunk-connected' | 'chunk-ready' | 'chunk-mail' | 'chunk-rcpt' | 'chunk-bdat';

/** What moves the session: a command, the end of a payload, or the connection itself. */
export type SmtpInput =
  | 'EHLO'
  | 'HELO'
  | 'MAIL'
  | 'RCPT'
  | 'DATA'
  | 'end of data'
  | 'chunk announced'
  | 'chunk read'
  | 'BDAT'
  | 'BDAT LAST'
  | 'RSET'
  | 'AUTH'
  | 'AUTH done'
  | 'STARTTLS'
  | 'TLS started'
  | 'QUIT'
  | '421'
  | 'connection lost';

export type SmtpTransition = Transition<SmtpState, SmtpInput>;

/** The states in which the server reads command lines (the others read payload or nothing). */
export type CommandState = 'connected' | 'ready' | 'mail' | 'rcpt' | 'bdat';
export const COMMAND_STATES: readonly CommandState[] = ['connected', 'ready', 'mail', 'rcpt', 'bdat'];

/** Where a BDAT command's chunk is read, for each state the command can arrive in. */
export const CHUNK_STATE = {
  connected: 'chunk-connected',
  ready: 'chunk-ready',
  mail: 'chunk-mail',
  rcpt: 'chunk-rcpt',
  bdat: 'chunk-bdat',
} as const satisfies Record<CommandState, ChunkState>;
const CHUNK_STATES: readonly ChunkState[] = Object.values(CHUNK_STATE);

/** The states in which a client line is payload (message text, a chunk, a SASL response), not a command. */
const PAYLOAD_STATES: readonly SmtpState[] = ['data', ...CHUNK_STATES, 'auth'];

export const SMTP_STATES: readonly SmtpState[] = ['connected', 'ready', 'mail', 'rcpt', 'data', 'bdat', ...CHUNK_STATES, 'auth', 'starttls', 'closed'];

const TRANSACTION_STATES: readonly SmtpState[] = ['mail', 'rcpt', 'bdat'];

const rows = (from: readonly SmtpState[], on: SmtpInput, to: SmtpState, ref: RfcSection): SmtpTransition[] => edges(from, on, to, ref);

export const SMTP_TABLE = stateTable<SmtpState, SmtpInput>({
  name: 'SMTP server',
  states: SMTP_STATES,
  initial: 'connected',
  transitions: [
  // RFC 5321 §4.1.4: a later EHLO resets the state "exactly as if a RSET command had been issued".
  ...rows(COMMAND_STATES, 'EHLO', 'ready', rfc(5321, '4.1.1.1')),
  ...rows(COMMAND_STATES, 'HELO', 'ready', rfc(5321, '4.1.1.1')),
  { from: 'ready', on: 'MAIL', to: 'mail', rfc: rfc(5321, '4.1.1.2') },
  { from: 'mail', on: 'RCPT', to: 'rcpt', rfc: rfc(5321, '4.1.1.3') },
  { from: 'rcpt', on: 'RCPT', to: 'rcpt', rfc: rfc(5321, '4.1.1.3') },
  { from: 'rcpt', on: 'DATA', to: 'data', rfc: rfc(5321, '4.1.1.4') },
  { from: 'data', on: 'end of data', to: 'ready', rfc: rfc(5321, '4.1.1.4') },
  // RFC 3030 §2: "the BDAT command is followed immediately by the message data" — whatever the
  // reply will be, the chunk is read first (a refused chunk is read and discarded).
  ...COMMAND_STATES.map((from): SmtpTransition => ({ from, on: 'chunk announced', to: CHUNK_STATE[from], rfc: rfc(3030, '2'), note: 'BDAT n: the next n octets are the chunk, not commands' })),
  ...COMMAND_STATES.map((to): SmtpTransition => ({ from: CHUNK_STATE[to], on: 'chunk read', to, rfc: rfc(3030, '2'), note: 'all n octets read: the BDAT command is answered' })),
  { from: 'rcpt', on: 'BDAT', to: 'bdat', rfc: rfc(3030, '2') },
  { from: 'bdat', on: 'BDAT', to: 'bdat', rfc: rfc(3030, '2') },
  { from: 'rcpt', on: 'BDAT LAST', to: 'ready', rfc: rfc(3030, '2') },
  { from: 'bdat', on: 'BDAT LAST', to: 'ready', rfc: rfc(3030, '2') },
  ...rows(TRANSACTION_STATES, 'RSET', 'ready', rfc(5321, '4.1.1.5')),
  { from: 'ready', on: 'AUTH', to: 'auth', rfc: rfc(4954, '4') },
  { from: 'auth', on: 'AUTH done', to: 'ready', rfc: rfc(4954, '4') },
  ...rows(['connected', 'ready'], 'STARTTLS', 'starttls', rfc(3207, '4')),
  // RFC 3207 §4.2: after the handshake the session is as new, before EHLO.
  { from: 'starttls', on: 'TLS started', to: 'connected', rfc: rfc(3207, '4.2') },
  ...rows(COMMAND_STATES, 'QUIT', 'closed', rfc(5321, '4.1.1.10')),
  // RFC 5321 §3.8: the server may close with 421 (too many errors, timeout).
  ...rows(['connected', 'ready', 'mail', 'rcpt', 'data', 'bdat', ...CHUNK_STATES, 'auth'], '421', 'closed', rfc(5321, '3.8')),
  ...rows(['connected', 'ready', 'mail', 'rcpt', 'data', 'bdat', ...CHUNK_STATES, 'auth', 'starttls'], 'connection lost', 'closed', rfc(5321, '3.8')),
  ],
});

export const SMTP_TRANSITIONS: readonly SmtpTransition[] = SMTP_TABLE.transitions;

/** The state `on` leads to from `from`; throws when the table has no such row (our bug, not the peer's). */
export function nextState(from: SmtpState, on: SmtpInput): SmtpState {
  return tableNext(SMTP_TABLE, from, on);
}

/** The states in which the server reads command lines (a BDAT command arrives in one of these). */
export function isCommandState(state: SmtpState): state is CommandState {
  return (COMMAND_STATES as readonly SmtpState[]).includes(state);
}

/** True when a client line sent in `state` is payload (message text, a BDAT chunk, a SASL response), not a command. */
export function isPayloadState(state: string): boolean {
  return (PAYLOAD_STATES as readonly string[]).includes(state);
}

/** RFC 3030 §2: a BDAT chunk's octets are being read. */
export function isChunkState(state: string): state is ChunkState {
  return (CHUNK_STATES as readonly string[]).includes(state);
}

export function isTransactionState(state: SmtpState): boolean {
  return TRANSACTION_STATES.includes(state);
}
