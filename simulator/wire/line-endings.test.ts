import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { latin1Bytes, latin1Text } from './bytes.ts';
import { canonicalLineEnds, canonicalLines } from './line-endings.ts';

const ends = (s: string): string => latin1Text(canonicalLineEnds(latin1Bytes(s)));
const lines = (s: string): string => latin1Text(canonicalLines(latin1Bytes(s)));

describe('one line-ending rule (RFC 5321 §2.3.8, RFC 1939 §11)', () => {
  it('makes a bare LF and a bare CR each a CRLF, and keeps CRLF', () => {
    expect(ends('a\nb\r\nc\r\rd\n')).toBe('a\r\nb\r\nc\r\n\r\nd\r\n');
    expect(ends('a\rb')).toBe('a\r\nb');
    expect(ends('\n\r')).toBe('\r\n\r\n');
    expect(ends('a\r')).toBe('a\r\n');
  });

  it('returns canonical input itself, not a copy', () => {
    const same = latin1Bytes('x\r\ny');
    expect(canonicalLineEnds(same)).toBe(same);
    const done = latin1Bytes('a\r\nb\r\n');
    expect(canonicalLines(done)).toBe(done);
  });

  it('canonicalLines also ends the last line, and leaves empty text empty', () => {
    expect(lines('a\nb\rc')).toBe('a\r\nb\r\nc\r\n');
    expect(lines('')).toBe('');
    expect(lines('a\r')).toBe('a\r\n');
  });

  it('leaves no bare CR or LF, changes nothing else, and is idempotent', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a.\r\n]{0,24}$/), (s) => {
        const out = lines(s);
        expect(out.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
        expect(out.replace(/[\r\n]/g, '')).toBe(s.replace(/[\r\n]/g, ''));
        expect(lines(out)).toBe(out);
      }),
    );
  });
});
