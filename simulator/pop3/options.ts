/** Server policy that is POP3's alone (the host's shared switches live in HostSettings). */
export interface Pop3Options {
  /** RFC 2449 §6.5 LOGIN-DELAY: seconds between logins of one user; 0 announces and enforces none. */
  loginDelay: number;
  /** RFC 2449 §6.7 EXPIRE: days mail is kept on the server, or NEVER. */
  expire: number | 'NEVER';
  /** RFC 1939 §3 autologout after this long idle (ms); "MUST be of at least 10 minutes". 0: never. */
  autologoutMs: number;
  /** Bad commands (unknown, syntax, wrong state) before the server gives up on the client. */
  maxErrors: number;
  /** Failed logins before the server closes the connection. */
  maxAuthFailures: number;
  /** RFC 2449 §6.9 IMPLEMENTATION. */
  implementation: string;
}

export const DEFAULT_POP3_OPTIONS: Pop3Options = {
  loginDelay: 0,
  expire: 'NEVER',
  autologoutMs: 10 * 60_000,
  maxErrors: 10,
  maxAuthFailures: 3,
  implementation: 'Mailwire',
};
