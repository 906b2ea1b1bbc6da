import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asciiOf, hexDump, hexDumpText, hexOf, readableText } from './hex-dump.ts';

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('hexDump', () => {
  it('shows sixteen octets a row with a gap after the eighth, and dots for CR LF', () => {
    const dump = hexDump(bytes('PASS wonderland\r\n'));
    expect(dump.rows).toEqual([
      { offset: '0000', hex: '50 41 53 53 20 77 6f 6e  64 65 72 6c 61 6e 64 0d', ascii: 'PASS wonderland.' },
      { offset: '0010', hex: '0a                                              ', ascii: '.' },
    ]);
    expect(dump.omitted).toBe(0);
  });

  it('pads a short row so the ASCII column lines up', () => {
    expect(hexOf(bytes('AB')).length).toBe(hexOf(bytes('0123456789abcdef')).length);
  });

  it('cuts long packets at the limit and says how much is left out', () => {
    const dump = hexDump(new Uint8Array(100), 40);
    expect(dump.rows).toHaveLength(3);
    expect(dump.omitted).toBe(60);
    expect(hexDumpText(new Uint8Array(100), 40).split('\n').at(-1)).toBe('… 60 more octets');
  });

  it('widens the offset for packets longer than 64 KiB', () => {
    const dump = hexDump(new Uint8Array(0x10010), 0x20000);
    expect(dump.rows.at(-1)?.offset).toBe('10000');
  });

  it('empty input gives no rows', () => {
    expect(hexDump(new Uint8Array(0))).toEqual({ rows: [], omitted: 0 });
  });

  it('every octet appears once in hex and once in ASCII (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (data) => {
        const { rows } = hexDump(data);
        const hex = rows.map((r) => r.hex).join(' ').split(/\s+/).filter(Boolean);
        expect(hex.map((h) => parseInt(h, 16))).toEqual([...data]);
        expect(rows.map((r) => r.ascii).join('')).toHaveLength(data.length);
        for (const r of rows) expect(r.hex).toHaveLength(hexOf(new Uint8Array(16)).length);
      }),
    );
  });
});

describe('asciiOf and readableText', () => {
  it('keeps printable ASCII only', () => {
    expect(asciiOf(Uint8Array.of(0x16, 0x03, 0x03, 0x41, 0x7f, 0x80))).toBe('...A..');
  });

  it('shows line ends as \\r \\n and other octets as escapes', () => {
    expect(readableText(bytes('USER alice\r\n'))).toBe('USER alice\\r\\n');
    expect(readableText(Uint8Array.of(0x17, 0x03, 0x03))).toBe('\\x17\\x03\\x03');
    expect(readableText(bytes('x'.repeat(10)), 4)).toBe('xxxx…');
  });
});
