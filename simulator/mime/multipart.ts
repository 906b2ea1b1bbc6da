/** RFC 2046 §5.1.1 multipart body: boundary delimiter lines split the body into parts. */

const LF = 0x0a;
const CR = 0x0d;
const DASH = 0x2d;

function isWsp(c: number | undefined): boolean {
  return c === 0x20 || c === 0x09;
}

/**
 * Is there a delimiter line at `pos` (already known to start with `--boundary`)?
 * Returns 'close' for `--boundary--`, 'open' for `--boundary`, or null when more text follows
 * (RFC 2046 §5.1.1 allows only transport padding: "linear whitespace" before the CRLF).
 */
function delimiterKind(raw: Uint8Array, after: number, end: number): { kind: 'open' | 'close'; next: number } | null {
  let i = after;
  let kind: 'open' | 'close' = 'open';
  if (raw[i] === DASH && raw[i + 1] === DASH && i + 1 < end) {
    kind = 'close';
    i += 2;
  }
  while (i < end && isWsp(raw[i])) i++;
  if (i >= end) return { kind, next: end };
  if (raw[i] === LF) return { kind, next: i + 1 };
  if (raw[i] === CR && raw[i + 1] === LF && i + 1 < end) return { kind, next: i + 2 };
  return null;
}

function boundaryBytes(boundary: string): Uint8Array {
  const out = new Uint8Array(boundary.length + 2);
  out[0] = DASH;
  out[1] = DASH;
  for (let i = 0; i < boundary.length; i++) out[i + 2] = boundary.charCodeAt(i) & 0xff;
  return out;
}

function matchesAt(raw: Uint8Array, pos: number, needle: Uint8Array, end: number): boolean {
  if (pos + needle.length > end) return false;
  for (let j = 0; j < needle.length; j++) if (raw[pos + j] !== needle[j]) return false;
  return true;
}

/**
 * The [start, end) ranges of the body parts between delimiters. "The CRLF preceding the
 * boundary delimiter line is conceptually attached to the boundary" (RFC 2046 §5.1.1), so a
 * part ends before it. The preamble and epilogue are not parts. A missing close delimiter
 * ends the last part at the end of the body.
 */
export function findBoundaries(raw: Uint8Array, start: number, end: number, boundary: string): Array<[number, number]> {
  const needle = boundaryBytes(boundary);
  const ranges: Array<[number, number]> = [];
  let partStart = -1;
  let pos = start;
  while (pos < end) {
    if (raw[pos] === DASH && matchesAt(raw, pos, needle, end)) {
      const d = delimiterKind(raw, pos + needle.length, end);
      if (d) {
        if (partStart !== -1) ranges.push([partStart, Math.max(partStart, lineBreakStart(raw, pos, start))]);
        if (d.kind === 'close') return ranges;
        partStart = d.next;
        pos = d.next;
        continue;
      }
    }
    const lf = raw.indexOf(LF, pos);
    if (lf === -1 || lf >= end) break;
    pos = lf + 1;
  }
  if (partStart !== -1) ranges.push([partStart, end]);
  return ranges;
}

/** Start of the line break that precedes the delimiter line at `pos`. */
function lineBreakStart(raw: Uint8Array, pos: number, floor: number): number {
  if (pos > floor && raw[pos - 1] === LF) return pos - 2 >= floor && raw[pos - 2] === CR ? pos - 2 : pos - 1;
  return pos;
}
