/**
 * Reading SMTP replies on the client side: lines framed by CRLF, grouped into (possibly
 * multi-line) replies, with the RFC 3463 enhanced status code picked out of the text.
 */
import { LineBuffer } from '../wire/line-buffer.ts';
import { utf8Text } from '../wire/bytes.ts';
import { smtpReplyLine } from '../observe/reply-lines.ts';

/** One complete server reply. */
export interface SmtpReply {
  /** The three-digit reply code (RFC 5321 §4.2). */
  code: number;
  /** RFC 3463 `class.subject.detail` when the text starts with one (RFC 2034 §4), else null. */
  enhanced: string | null;
  /** The text of each line, without the code and separator. */
  lines: string[];
}

/**
 * RFC 5321 §4.5.3.1.5: a reply line is at most 512 octets with its CRLF. Servers in the wild
 * exceed it (long EHLO keywords, verbose rejections), so the client accepts up to this much.
 */
const MAX_REPLY_LINE = 4096;
/** A multi-line reply longer than this is not a reply but a misbehaving peer (memory bound). */
const MAX_REPLY_LINES = 200;

/** RFC 3463 §2: class "." subject "." detail, class 2, 4 or 5; subject and detail 1–3 digits. */
const ENHANCED = /^([245]\.[0-9]{1,3}\.[0-9]{1,3})(?: |$)/;

export type ReplyRead = { reply: SmtpReply } | { error: string } | null;

export class ReplyReader {
  private readonly buffer = new LineBuffer();
  private lines: string[] = [];
  private code: number | null = null;

  push(bytes: Uint8Array): void {
    this.buffer.push(bytes);
  }

  /** RFC 3207 §4.2: nothing the server sent before the TLS handshake may be used after it. */
  clear(): void {
    this.buffer.clear();
    this.lines = [];
    this.code = null;
  }

  /** The next complete reply, a protocol error, or null until more bytes arrive. */
  next(): ReplyRead {
    for (;;) {
      const line = this.buffer.readLine(MAX_REPLY_LINE);
      if (!line) return null;
      if (line.overflow) return { error: `a reply line longer than ${MAX_REPLY_LINE} octets` };
      const text = utf8Text(line.bytes);
      const m = smtpReplyLine(text);
      // RFC 5321 §4.2.1: the first digit is 2–5 (SMTP has no 1yz replies).
      if (!m || m.code < 200 || m.code >= 600) return { error: `not an SMTP reply line: "${text.slice(0, 80)}"` };
      const code = m.code;
      // RFC 5321 §4.2.1: every line of a multi-line reply carries the same code.
      if (this.code !== null && code !== this.code) return { error: `reply code changed from ${this.code} to ${code} inside one reply` };
      this.code = code;
      this.lines.push(m.text);
      if (this.lines.length > MAX_REPLY_LINES) return { error: `a reply of more than ${MAX_REPLY_LINES} lines` };
      if (!m.final) continue;
      const reply = makeReply(code, this.lines);
      this.lines = [];
      this.code = null;
      return { reply };
    }
  }
}

export function makeReply(code: number, lines: string[]): SmtpReply {
  const e = ENHANCED.exec(lines[0] ?? '');
  // The enhanced code's class must agree with the reply code's (RFC 3463 §2, RFC 2034 §4).
  const enhanced = e && e[1]![0] === String(code)[0] ? e[1]! : null;
  return { code, enhanced, lines: [...lines] };
}

/** The reply's text with the enhanced code removed from each line, joined by spaces. */
export function replyText(reply: SmtpReply): string {
  return reply.lines.map((l) => l.replace(ENHANCED, '')).join(' ').trim();
}

export type ReplyClass = 'positive' | 'intermediate' | 'transient' | 'permanent';

/** RFC 5321 §4.2.1: the first digit says whether it worked, needs more, or failed how. */
export function replyClass(code: number): ReplyClass {
  if (code < 300) return 'positive';
  if (code < 400) return 'intermediate';
  if (code < 500) return 'transient';
  return 'permanent';
}
