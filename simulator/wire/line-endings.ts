/**
 * The one line-ending rule for message text the simulator stores or sends.
 *
 * RFC 5321 §2.3.8: lines end in CRLF, and "the appearance of "bare" "CR" or "LF" characters in
 * text (i.e., either without the other) has a long history of causing problems [...] SMTP client
 * implementations MUST NOT transmit these characters except when they are intended as line
 * terminators and then MUST [...] transmit them only as a <CRLF> sequence."
 * RFC 1939 §11: a POP3 server that keeps a one-character line end "simply counts each occurrence
 * of this character in a message as two octets", i.e. each is a CRLF on the wire.
 *
 * So a bare CR and a bare LF are each a line end, written CRLF. One rule for POP3's multi-line
 * responses, the SMTP client's DATA and the server's BDAT chunks: none of them can pass on a lone
 * CR or LF that a later hop reads differently (SMTP smuggling).
 */

const CR = 0x0d;
const LF = 0x0a;

const bareAt = (bytes: Uint8Array, i: number): boolean =>
  (bytes[i] === LF && bytes[i - 1] !== CR) || (bytes[i] === CR && bytes[i + 1] !== LF);

/**
 * Whether any CR or LF stands alone. Each kind is found with `indexOf` (native, a line at a time)
 * rather than by visiting every octet: POP3 checks whole maildrops at login and on RETR.
 */
function hasBare(bytes: Uint8Array): boolean {
  for (let lf = bytes.indexOf(LF); lf >= 0; lf = bytes.indexOf(LF, lf + 1)) if (bytes[lf - 1] !== CR) return true;
  for (let cr = bytes.indexOf(CR); cr >= 0; cr = bytes.indexOf(CR, cr + 1)) if (bytes[cr + 1] !== LF) return true;
  return false;
}

/** Every bare CR and bare LF made CRLF; the input itself when it has none. */
export function canonicalLineEnds(bytes: Uint8Array): Uint8Array {
  if (!hasBare(bytes)) return bytes;
  let bare = 0;
  for (let i = 0; i < bytes.length; i++) if (bareAt(bytes, i)) bare++;
  const out = new Uint8Array(bytes.length + bare);
  let o = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bareAt(bytes, i)) {
      out[o++] = CR;
      out[o++] = LF;
    } else out[o++] = bytes[i]!;
  }
  return out;
}

/** True when non-empty text does not end with CRLF (its last line is unterminated). */
function lastLineOpen(bytes: Uint8Array): boolean {
  return bytes.length > 0 && !(bytes[bytes.length - 2] === CR && bytes[bytes.length - 1] === LF);
}

/**
 * Canonical line ends and a final CRLF on non-empty text, so that the last line is a line (a
 * final "." then stands on its own, and what POP3 LIST counts is what RETR sends).
 * The input itself when it already is.
 */
export function canonicalLines(bytes: Uint8Array): Uint8Array {
  const lines = canonicalLineEnds(bytes);
  if (!lastLineOpen(lines)) return lines;
  const out = new Uint8Array(lines.length + 2);
  out.set(lines);
  out[lines.length] = CR;
  out[lines.length + 1] = LF;
  return out;
}
