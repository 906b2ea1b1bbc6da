/**
 * The SMTP client's states and every transition between them, in one table the UI draws.
 * A state names the reply the client is waiting for (RFC 5321 §4.3.2 command–reply sequences).
 */

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

export interface ClientTransition {
  from: SmtpClientState;
  to: SmtpClientState;
  /** What makes the client move, as the UI labels the arrow. */
  on: string;
  rfc: string;
}

export const SMTP_CLIENT_TRANSITIONS: readonly ClientTransition[] = [
  { from: 'greeting', to: 'ehlo', on: '220 greeting → EHLO', rfc: '5321#3.1' },
  { from: 'greeting', to: 'quit', on: 'greeting refused (554) → QUIT', rfc: '5321#3.1' },
  { from: 'ehlo', to: 'helo', on: '500/502 to EHLO → HELO', rfc: '5321#3.2' },
  { from: 'ehlo', to: 'starttls', on: 'STARTTLS offered → STARTTLS', rfc: '3207#4' },
  { from: 'ehlo', to: 'auth', on: 'credentials configured → AUTH PLAIN', rfc: '4954#4' },
  { from: 'ehlo', to: 'mail', on: '250 → MAIL FROM', rfc: '5321#3.3' },
  { from: 'ehlo', to: 'quit', on: 'EHLO refused, or TLS required but not offered → QUIT', rfc: '3207#4' },
  { from: 'helo', to: 'auth', on: 'credentials configured → AUTH PLAIN', rfc: '4954#4' },
  { from: 'helo', to: 'mail', on: '250 → MAIL FROM', rfc: '5321#3.3' },
  { from: 'helo', to: 'quit', on: 'HELO refused, or TLS required → QUIT', rfc: '5321#3.2' },
  { from: 'starttls', to: 'tls-handshake', on: '220 → TLS handshake', rfc: '3207#4' },
  { from: 'starttls', to: 'auth', on: 'STARTTLS refused (opportunistic) → AUTH PLAIN', rfc: '3207#4.1' },
  { from: 'starttls', to: 'mail', on: 'STARTTLS refused (opportunistic) → MAIL FROM', rfc: '3207#4.1' },
  { from: 'starttls', to: 'quit', on: 'STARTTLS refused (required) → QUIT', rfc: '3207#4.1' },
  { from: 'tls-handshake', to: 'ehlo', on: 'handshake done → EHLO again', rfc: '3207#4.2' },
  { from: 'auth', to: 'mail', on: '235 → MAIL FROM', rfc: '4954#4' },
  { from: 'auth', to: 'quit', on: 'AUTH refused → QUIT', rfc: '4954#6' },
  { from: 'mail', to: 'rcpt', on: 'reply to MAIL → RCPT TO', rfc: '5321#4.1.1.3' },
  { from: 'mail', to: 'quit', on: 'MAIL refused → QUIT', rfc: '5321#4.1.1.2' },
  { from: 'rcpt', to: 'rcpt', on: 'reply to RCPT → next RCPT TO', rfc: '5321#4.1.1.3' },
  { from: 'rcpt', to: 'data', on: 'a recipient accepted → DATA', rfc: '5321#4.1.1.4' },
  { from: 'rcpt', to: 'quit', on: 'no recipient accepted → QUIT', rfc: '5321#3.3' },
  { from: 'data', to: 'message', on: '354 → message, CRLF.CRLF', rfc: '5321#4.1.1.4' },
  { from: 'data', to: 'quit', on: 'DATA refused → QUIT', rfc: '5321#4.1.1.4' },
  { from: 'message', to: 'quit', on: 'final reply → QUIT', rfc: '5321#4.1.1.10' },
  { from: 'quit', to: 'done', on: '221 → close', rfc: '5321#4.1.1.10' },
];

/** Any state but `done` may end abruptly: connection lost, timeout, 421, a garbled reply. */
export const ABORTABLE: readonly SmtpClientState[] = [
  'greeting', 'ehlo', 'helo', 'starttls', 'tls-handshake', 'auth', 'mail', 'rcpt', 'data', 'message', 'quit',
];

export function canTransition(from: SmtpClientState, to: SmtpClientState): boolean {
  if (to === 'done') return ABORTABLE.includes(from);
  return SMTP_CLIENT_TRANSITIONS.some((t) => t.from === from && t.to === to);
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
