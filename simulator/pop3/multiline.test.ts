import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { latin1Text, utf8Bytes } from '../wire/bytes.ts';
import { bobLoggedIn, T0 } from './fixtures.test-helper.ts';
import { canonicalLines } from '../wire/line-endings.ts';
import { multiLine, topOf } from './multiline.ts';

const text = (b: Uint8Array) => latin1Text(b);

/** RFC 1939 §3 in reverse, as a client does it: drop the terminator, un-stuff leading dots. */
function unstuff(body: string): string {
  expect(body.endsWith('\r\n.\r\n') || body === '.\r\n').toBe(true);
  return body
    .slice(0, -3)
    .split('\r\n')
    .map((l) => (l.startsWith('.') ? l.slice(1) : l))
    .join('\r\n');
}

describe('multi-line responses (RFC 1939 §3)', () => {
  it('byte-stuffs lines that begin with "." and ends with ".CRLF"', () => {
    const body = utf8Bytes('.hidden\r\nmid.dle\r\n..two\r\n.\r\nend\r\n');
    expect(text(multiLine('+OK 5 octets', body))).toBe('+OK 5 octets\r\n..hidden\r\nmid.dle\r\n...two\r\n..\r\nend\r\n.\r\n');
  });

  it('a status line that is not ASCII is encoded as UTF-8 whole, before the body', () => {
    const out = multiLine('+OK Grüße ✉', utf8Bytes('.a\r\n'));
    expect(out).toEqual(utf8Bytes('+OK Grüße ✉\r\n..a\r\n.\r\n'));
  });

  it('an empty body is just the terminator', () => {
    expect(text(multiLine('+OK', new Uint8Array(0)))).toBe('+OK\r\n.\r\n');
  });

  it('un-stuffing gives back any CRLF text exactly', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[.a\r]{0,6}$/), { maxLength: 12 }), (lines) => {
        const body = canonicalLines(utf8Bytes(lines.map((l) => l.replace(/\r/g, '') + '\r\n').join('')));
        const wire = text(multiLine('+OK', body));
        expect(unstuff(wire.slice('+OK\r\n'.length))).toBe(text(body));
      }),
    );
  });

  it('TOP takes the header, the blank line and n body lines', () => {
    const m = utf8Bytes('A: 1\r\nB: 2\r\n\r\nline1\r\nline2\r\nline3\r\n');
    expect(text(topOf(m, 0))).toBe('A: 1\r\nB: 2\r\n\r\n');
    expect(text(topOf(m, 2))).toBe('A: 1\r\nB: 2\r\n\r\nline1\r\nline2\r\n');
    expect(text(topOf(m, 99))).toBe(text(m));
    expect(text(topOf(utf8Bytes('A: 1\r\n'), 3))).toBe('A: 1\r\n');
    expect(text(topOf(utf8Bytes('\r\nbody\r\nmore\r\n'), 1))).toBe('\r\nbody\r\n');
  });

  it('RETR sends exactly the octets LIST counted, dot lines stuffed on the wire', () => {
    const f = bobLoggedIn();
    const raw = utf8Bytes('Subject: dots\r\n\r\n.\r\n..\r\n.leading\r\nFrom the start\r\n');
    f.world.store.append('bob@example.org', 'INBOX', raw, { internalDate: T0 });
    f.driver.send('QUIT\r\n');
    const next = bobLoggedIn(f.world);
    expect(next.driver.send('LIST 3\r\n')).toEqual([`+OK 3 ${raw.length}`]);
    const before = next.driver.outputs.length;
    next.driver.send('RETR 3\r\n');
    const wire = next.driver.outputs.slice(before).flatMap((o) => (o.type === 'write' ? [text(o.bytes)] : [])).join('');
    expect(wire).toBe(`+OK ${raw.length} octets\r\nSubject: dots\r\n\r\n..\r\n...\r\n..leading\r\nFrom the start\r\n.\r\n`);
    expect(unstuff(wire.slice(wire.indexOf('\r\n') + 2))).toBe(text(raw));
  });
});
