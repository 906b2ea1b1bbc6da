/**
 * POP3 multi-line responses (RFC 1939 §3): lines end in CRLF, a line that begins with the
 * termination octet "." gets one more ".", and a line holding only "." ends the response.
 */
import { utf8Bytes } from '../wire/bytes.ts';

const CR = 0x0d;
const LF = 0x0a;
const DOT = 0x2e;
const TERMINATOR = utf8Bytes('.\r\n');
const encoder = new TextEncoder();

/**
 * `first` (the status line, CRLF added), then `body` (canonical CRLF text) byte-stuffed, then the
 * ".CRLF" terminator. @rfc 1939#3 "If any line of the multi-line response begins with the
 * termination octet, the line is 'byte-stuffed' by pre-pending the termination octet to that line".
 * One allocation (the status line is encoded into it, not into a buffer of its own: a RETR of
 * 1,000 messages makes 1,000 buffers, not 2,000) and one copy of the body, in runs between the
 * lines that need a dot.
 */
export function multiLine(first: string, body: Uint8Array): Uint8Array {
  const line = first + '\r\n';
  const stuffAt = dotLines(body);
  const rest = body.length + stuffAt.length + TERMINATOR.length;
  let out = new Uint8Array(line.length + rest);
  const { read, written } = encoder.encodeInto(line, out.subarray(0, line.length));
  if (read < line.length || written !== line.length) {
    // Not ASCII (UTF-8 takes more octets than the line has characters): encoded on its own.
    const head = utf8Bytes(line);
    out = new Uint8Array(head.length + rest);
    out.set(head, 0);
  }
  let o = out.length - rest;
  let from = 0;
  for (const at of stuffAt) {
    out.set(body.subarray(from, at), o);
    o += at - from;
    out[o++] = DOT;
    from = at;
  }
  out.set(body.subarray(from), o);
  o += body.length - from;
  out.set(TERMINATOR, o);
  return out;
}

/** Offsets of the lines that begin with "." (a line begins at 0 and after each LF). */
function dotLines(body: Uint8Array): number[] {
  const at: number[] = [];
  if (body[0] === DOT) at.push(0);
  for (let lf = body.indexOf(LF); lf >= 0; lf = body.indexOf(LF, lf + 1)) if (body[lf + 1] === DOT) at.push(lf + 1);
  return at;
}

/** Lines of text as a multi-line body: each ends with CRLF. */
export function linesBody(lines: readonly string[]): Uint8Array {
  return utf8Bytes(lines.map((l) => l + '\r\n').join(''));
}

/**
 * RFC 1939 §7 TOP: the header, the blank line after it, and the first `lines` lines of the body.
 * A message without a blank line is all header.
 */
export function topOf(wire: Uint8Array, lines: number): Uint8Array {
  let headerEnd = -1;
  for (let i = 0; i + 3 < wire.length; i++) {
    if (wire[i] === CR && wire[i + 1] === LF && wire[i + 2] === CR && wire[i + 3] === LF) {
      headerEnd = i + 4;
      break;
    }
  }
  // A message that starts with the blank line has an empty header.
  if (wire[0] === CR && wire[1] === LF) headerEnd = 2;
  if (headerEnd < 0) return wire;
  let end = headerEnd;
  for (let taken = 0; taken < lines && end < wire.length; taken++) {
    let lf = wire.indexOf(LF, end);
    if (lf < 0) lf = wire.length - 1;
    end = lf + 1;
  }
  return wire.subarray(0, end);
}
