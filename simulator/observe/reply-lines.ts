/**
 * What one server line is, per protocol, as an observer of the dialogue tells it: the one place
 * the reply framing rules live. The virtual clients' readers (smtp/client-reply.ts,
 * clients/pop3-reader.ts), the terminal's reply wait (reply-end.ts), its STARTTLS watch and the
 * dialogue-state inference all read lines through these functions.
 */

/**
 * RFC 5321 §4.2: Reply-line = *( Reply-code "-" [ textstring ] CRLF )
 *                             Reply-code [ SP textstring ] CRLF
 * Any three digits are framed here; whether the first is 2–5 (§4.2.1) is the reader's check.
 */
const SMTP_REPLY_LINE = /^([0-9]{3})(?:([ -])(.*))?$/s;

export interface SmtpReplyLine {
  code: number;
  /** RFC 5321 §4.2.1: the last line of a reply has SP (or nothing) after the code, the others "-". */
  final: boolean;
  text: string;
}

export function smtpReplyLine(line: string): SmtpReplyLine | null {
  const m = SMTP_REPLY_LINE.exec(line);
  return m ? { code: Number(m[1]), final: m[2] !== '-', text: m[3] ?? '' } : null;
}

/** RFC 1939 §3: "+OK" or "-ERR", then an optional RFC 2449 §8 response code in brackets, then text. */
const POP3_STATUS = /^(\+OK|-ERR)(?: (?:\[([^\]]*)\] ?)?(.*))?$/s;

export interface Pop3StatusLine {
  ok: boolean;
  /** RFC 2449 §8: `IN-USE`, `AUTH` … or null. */
  code: string | null;
  text: string;
}

export function pop3StatusLine(line: string): Pop3StatusLine | null {
  const m = POP3_STATUS.exec(line);
  return m ? { ok: m[1] === '+OK', code: m[2] ?? null, text: m[3] ?? '' } : null;
}

/** RFC 5034 §4: a SASL challenge is "+" SP base64 (or a bare "+" for an empty one). */
export function pop3Challenge(line: string): boolean {
  return line === '+' || line.startsWith('+ ');
}

/** RFC 1939 §3: the commands whose "+OK" opens a multi-line response ending in a line holding only ".". */
export function pop3MultiLine(verb: string, args: string): boolean {
  const v = verb.toUpperCase();
  return v === 'CAPA' || v === 'RETR' || v === 'TOP' || ((v === 'LIST' || v === 'UIDL') && args.trim() === '');
}

/** The same, for a whole command line as typed (`LIST`, `RETR 1`). */
export function pop3CommandIsMultiLine(command: string): boolean {
  const m = /^\s*(\S+)\s*(.*)$/.exec(command);
  return pop3MultiLine(m?.[1] ?? '', m?.[2] ?? '');
}

/** RFC 1939 §3: the line that ends a multi-line response. */
export const POP3_END = '.';

export type ImapStatus = 'OK' | 'NO' | 'BAD';

/** RFC 9051 §7.1: a status response `tag OK|NO|BAD …`; the tag is `*` when untagged. */
export function imapStatusLine(line: string): { tag: string; status: ImapStatus } | null {
  const m = /^(\S+) (OK|NO|BAD)\b/i.exec(line);
  return m ? { tag: m[1] ?? '', status: (m[2] ?? '').toUpperCase() as ImapStatus } : null;
}

/** RFC 9051 §7.5: a command continuation request, "+" then text (or a bare "+" from lax servers). */
export function imapContinuation(line: string): boolean {
  return line === '+' || line.startsWith('+ ');
}

/** The tag of a command line as typed (`a1 LOGIN …` → `a1`), or null for continuation data. */
export function imapCommandTag(command: string): string | null {
  return /^(\S+) \S/.exec(command)?.[1] ?? null;
}
