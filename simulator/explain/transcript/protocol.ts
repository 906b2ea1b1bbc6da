/** Which mail protocol a dialogue speaks, from its server greeting or, failing that, its client commands. */
import type { Protocol } from '../types.ts';

/** The protocol a server greeting belongs to, or null when the line is no greeting. */
export function protocolFromGreeting(line: string): Protocol | null {
  if (/^220(?:[ -]|$)/.test(line)) return 'smtp'; // RFC 5321 §4.3.1
  if (/^\+OK\b/.test(line)) return 'pop3'; // RFC 1939 §4
  if (/^\* (?:OK|PREAUTH|BYE)\b/i.test(line)) return 'imap'; // RFC 9051 §7.1
  return null;
}

const SMTP_VERBS = /^(EHLO|HELO|MAIL FROM:|RCPT TO:|DATA|BDAT|STARTTLS|AUTH|RSET|VRFY|NOOP|QUIT)\b/i;
const POP3_VERBS = /^(USER|PASS|APOP|STAT|LIST|RETR|DELE|UIDL|TOP|CAPA|STLS|RSET|NOOP|QUIT|AUTH)\b/i;
const IMAP_COMMAND = /^[^\s(){%*"\\\]+]+ (CAPABILITY|LOGIN|AUTHENTICATE|STARTTLS|SELECT|EXAMINE|LIST|LSUB|STATUS|FETCH|UID|SEARCH|STORE|COPY|MOVE|EXPUNGE|CLOSE|UNSELECT|LOGOUT|NOOP|IDLE|ENABLE|ID|NAMESPACE|APPEND|CREATE|DELETE|RENAME|SUBSCRIBE)\b/i;

/** The protocol of a list of lines whose sides are not known: the first greeting, else the first recognisable command. */
export function guessProtocol(lines: readonly string[]): Protocol | null {
  for (const line of lines) {
    const p = protocolFromGreeting(line);
    if (p) return p;
  }
  for (const line of lines) {
    if (IMAP_COMMAND.test(line)) return 'imap';
    if (/^(EHLO|HELO|MAIL FROM:|RCPT TO:)/i.test(line)) return 'smtp';
    if (/^(USER|PASS|APOP|STAT|RETR|UIDL|CAPA|STLS)\b/i.test(line)) return 'pop3';
  }
  return null;
}

/** The line is a command of `protocol`'s client (used to tell directions apart). */
export function looksLikeCommand(protocol: Protocol, line: string): boolean {
  if (protocol === 'smtp') return SMTP_VERBS.test(line);
  if (protocol === 'pop3') return POP3_VERBS.test(line);
  return IMAP_COMMAND.test(line);
}
