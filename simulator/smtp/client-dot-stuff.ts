/**
 * The client's half of RFC 5321 §4.5.2 transparency: the message as DATA sends it.
 */
import { canonicalLines } from '../wire/line-endings.ts';

const CR = 0x0d;
const LF = 0x0a;
const DOT = 0x2e;

/**
 * RFC 5321 §4.5.2: "Before sending a line of mail text, the SMTP client checks the first
 * character of the line. If it is a period, one additional period is inserted at the beginning
 * of the line." The result ends with the end-of-data indicator CRLF.CRLF (§4.1.1.4).
 *
 * Line ends are made CRLF: RFC 5321 §2.3.8 says bare CR and bare LF MUST NOT be sent as line
 * ends, and a lone CR or LF passed through is what SMTP smuggling exploits. A message that does
 * not end with CRLF gets one, so the final dot stands on a line of its own.
 */
export function dotStuff(message: Uint8Array): Uint8Array {
  const text = canonicalLines(message); // wire/line-endings.ts: RFC 5321 §2.3.8
  const out = new Uint8Array(text.length * 2 + 3);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const b = text[i]!;
    if (b === DOT && (i === 0 || text[i - 1] === LF)) out[n++] = DOT;
    out[n++] = b;
  }
  out[n++] = DOT;
  out[n++] = CR;
  out[n++] = LF;
  return out.slice(0, n);
}

/** True when the message has octets above 127 (RFC 6152: needs BODY=8BITMIME). */
export function has8bit(message: Uint8Array): boolean {
  for (const b of message) if (b > 127) return true;
  return false;
}
