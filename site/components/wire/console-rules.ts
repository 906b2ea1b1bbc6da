/** When the console's client end starts TLS by itself. */

/** SMTP STARTTLS (RFC 3207 §4), POP3 STLS (RFC 2595 §4), IMAP `tag STARTTLS` (RFC 9051 §6.2.1). */
export function asksForTls(line: string): boolean {
  return /^\s*(?:STLS|STARTTLS|\S+\s+STARTTLS)\s*$/i.test(line);
}

/** The positive answer: SMTP 220, POP3 +OK, IMAP tagged OK. */
export function tlsAccepted(reply: string): boolean {
  return /^(?:220 |\+OK|\S+ OK\b)/m.test(reply);
}
