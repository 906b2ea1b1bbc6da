/**
 * The SMTP client's states and every transition between them, in one table the UI draws.
 * A state names the reply the client is waiting for (RFC 5321 §4.3.2 command–reply sequences), so
 * entering it is the trigger (simulator/fsm.ts `clientTable`); `note` says what makes the client move.
 */
import { edges, findTransition, rfc, stateTable, type Transition } from '../fsm.ts';

export type SmtpClientState =
  /** Connected, waiting for the 220 greeting (RFC 5321 §3.1). */
  | 'greeting'
  /** EHLO sent (RFC 5321 §4.1.1.1). */
  | 'ehlo'
  /** HELO sent after the server did not recognise EHLO (RFC 5321 §3.2). */
  | 'helo'
  /** STARTTLS sent, waiting for 220 (RFC 3207 §4). */
  | 'starttls'
  /** The transport is running the TLS handshake. */
  | 'tls-handshake'
  /** AUTH PLAIN sent with its initial response (RFC 4954 §4, RFC 4616). */
  | 'auth'
  /** MAIL FROM sent (RFC 5321 §4.1.1.2). */
  | 'mail'
  /** RCPT TO sent, one reply per recipient (RFC 5321 §4.1.1.3). */
  | 'rcpt'
  /** DATA sent, waiting for 354 (RFC 5321 §4.1.1.4). */
  | 'data'
  /** Message and end-of-data sent, waiting for the final reply. */
  | 'message'
  /** QUIT sent, waiting for 221 (RFC 5321 §4.1.1.10). */
  | 'quit'
  /** The session is over; `result` holds what happened. */
  | 'done';

export type ClientTransition = Transition<SmtpClientState, SmtpClientState>;

const move = (from: SmtpClientState, to: SmtpClientState, note: string, ref: ClientTransition['rfc']): ClientTransition => ({ from, on: to, to, rfc: ref, note });

const MOVES: readonly ClientTransition[] = [
  move('greeting', 'ehlo', '220 greeting → EHLO', rfc(5321, '3.1')),
  move('greeting', 'quit', 'greeting refused (554) → QUIT', rfc(5321, '3.1')),
  move('ehlo', 'helo', '500/502 to EHLO → HELO', rfc(5321, '3.2')),
  move('ehlo', 'starttls', 'STARTTLS offered → STARTTLS', rfc(3207, '4')),
  move('ehlo', 'auth', 'credentials configured → AUTH PLAIN', rfc(4954, '4')),
  move('ehlo', 'mail', '250 → MAIL FROM', rfc(5321, '3.3')),
  move('ehlo', 'quit', 'EHLO refused, or TLS required but not offered → QUIT', rfc(3207, '4')),
  move('helo', 'auth', 'credentials configured → AUTH PLAIN', rfc(4954, '4')),
  move('helo', 'mail', '250 → MAIL FROM', rfc(5321, '3.3')),
  move('helo', 'quit', 'HELO refused, or TLS required → QUIT', rfc(5321, '3.2')),
  move('starttls', 'tls-handshake', '220 → TLS handshake', rfc(3207, '4')),
  move('starttls', 'auth', 'STARTTLS refused (opportunistic) → AUTH PLAIN', rfc(3207, '4.1')),
  move('starttls', 'mail', 'STARTTLS refused (opportunistic) → MAIL FROM', rfc(3207, '4.1')),
  move('starttls', 'quit', 'STARTTLS refused (required) → QUIT', rfc(3207, '4.1')),
  move('tls-handshake', 'ehlo', 'handshake done → EHLO again', rfc(3207, '4.2')),
  move('auth', 'mail', '235 → MAIL FROM', rfc(4954, '4')),
  move('auth', 'quit', 'AUTH refused → QUIT', rfc(4954, '6')),
  move('mail', 'rcpt', 'reply to MAIL → RCPT TO', rfc(5321, '4.1.1.3')),
  move('mail', 'quit', 'MAIL refused → QUIT', rfc(5321, '4.1.1.2')),
  move('rcpt', 'rcpt', 'reply to RCPT → next RCPT TO', rfc(5321, '4.1.1.3')),
  move('rcpt', 'data', 'a recipient accepted → DATA', rfc(5321, '4.1.1.4')),
  move('rcpt', 'quit', 'no recipient accepted → QUIT', rfc(5321, '3.3')),
  move('data', 'message', '354 → message, CRLF.CRLF', rfc(5321, '4.1.1.4')),
  move('data', 'quit', 'DATA refused → QUIT', rfc(5321, '4.1.1.4')),
  move('message', 'quit', 'final reply → QUIT', rfc(5321, '4.1.1.10')),
  move('quit', 'done', '221 → close', rfc(5321, '4.1.1.10')),
];

/** Any state but `done` may end abruptly: connection lost, timeout, 421, a garbled reply. */
export const ABORTABLE: readonly SmtpClientState[] = [
  'greeting', 'ehlo', 'helo', 'starttls', 'tls-handshake', 'auth', 'mail', 'rcpt', 'data', 'message', 'quit',
];

/** Every move, plus an abrupt end from each abortable state (RFC 5321 §3.8: 421, or the connection lost). */
export const SMTP_CLIENT_TABLE = stateTable<SmtpClientState, SmtpClientState>({
  name: 'SMTP client',
  states: [...ABORTABLE, 'done'],
  initial: 'greeting',
  transitions: [...MOVES, ...edges(ABORTABLE.filter((s) => !MOVES.some((t) => t.from === s && t.to === 'done')), 'done', 'done', rfc(5321, '3.8'), 'connection lost, timeout, 421 or a garbled reply')],
});

export const SMTP_CLIENT_TRANSITIONS: readonly ClientTransition[] = SMTP_CLIENT_TABLE.transitions;

export function canTransition(from: SmtpClientState, to: SmtpClientState): boolean {
  return findTransition(SMTP_CLIENT_TABLE, from, to) !== undefined;
}

/** RFC 5321 §4.5.3.2: per-command timeouts, in milliseconds, by the reply awaited. */
export const CLIENT_TIMEOUTS: Record<Exclude<SmtpClientState, 'done' | 'tls-handshake'>, number> = {
  greeting: 5 * 60_000, // §4.5.3.2.1 Initial 220 Message: 5 Minutes
  ehlo: 5 * 60_000,
  helo: 5 * 60_000,
  starttls: 5 * 60_000,
  auth: 5 * 60_000,
  mail: 5 * 60_000, // §4.5.3.2.2
  rcpt: 5 * 60_000, // §4.5.3.2.3
  data: 2 * 60_000, // §4.5.3.2.4 DATA Initiation: 2 Minutes
  message: 10 * 60_000, // §4.5.3.2.6 DATA Termination: 10 Minutes
  quit: 5 * 60_000,
};
