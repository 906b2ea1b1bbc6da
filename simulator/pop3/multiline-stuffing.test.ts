/**
 * multiline.ts finds lines with `indexOf` instead of visiting every octet: the result must be
 * exactly what the plain octet-by-octet reading of RFC 1939 §3 gives, for any input.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utf8Bytes } from '../wire/bytes.ts';
import { canonicalLines } from '../wire/line-endings.ts';
import { multiLine } from './multiline.ts';

const CR = 0x0d;
const LF = 0x0a;
const DOT = 0x2e;

/** RFC 1939 §3 one octet at a time: a "." that starts a line gets another "." in front. */
function stuffedByOctet(first: string, body: Uint8Array): number[] {
  const out = [...utf8Bytes(first + '\r\n')];
  body.forEach((b, i) => {
    if (b === DOT && (i === 0 || body[i - 1] === LF)) out.push(DOT);
    out.push(b);
  });
  out.push(DOT, CR, LF);
  return out;
}

/** Is every line end CRLF, and does the text end with one (or is it empty)? One octet at a time. */
function canonicalByOctet(raw: Uint8Array): boolean {
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] === LF && raw[i - 1] !== CR) return false;
    if (raw[i] === CR && raw[i + 1] !== LF) return false;
  }
  return raw.length === 0 || (raw[raw.length - 2] === CR && raw[raw.length - 1] === LF);
}

/** Octets drawn mostly from the ones that matter here. */
const octets = fc.array(fc.oneof(fc.constantFrom(CR, LF, DOT, 0x61), fc.integer({ min: 0, max: 255 })), { maxLength: 64 }).map((a) => Uint8Array.from(a));

describe('byte-stuffing found with indexOf (RFC 1939 §3)', () => {
  it('multiLine equals the octet-by-octet stuffing for any body', () => {
    fc.assert(
      fc.property(octets, (body) => {
        expect([...multiLine('+OK', body)]).toEqual(stuffedByOctet('+OK', body));
      }),
      { numRuns: 2000 },
    );
  });

  it('canonicalLines returns its input exactly when it is already canonical, else a CRLF copy', () => {
    fc.assert(
      fc.property(octets, (raw) => {
        const out = canonicalLines(raw);
        expect(out === raw).toBe(canonicalByOctet(raw));
        expect(canonicalByOctet(out)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('dots at the very start, after every line, and a body of dots only', () => {
    expect(String.fromCharCode(...multiLine('+OK', utf8Bytes('.\r\n.\r\n..a\r\n')))).toBe('+OK\r\n..\r\n..\r\n...a\r\n.\r\n');
    expect(String.fromCharCode(...multiLine('+OK', utf8Bytes('a.\r\nb\r\n')))).toBe('+OK\r\na.\r\nb\r\n.\r\n');
  });
});
