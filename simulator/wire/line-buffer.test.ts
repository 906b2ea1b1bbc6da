/** LineBuffer: lines, limits and exact counts at any split, and work linear in the octets fed. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { latin1Bytes, latin1Text } from './bytes.ts';
import { LineBuffer } from './line-buffer.ts';

type Step = { line: number } | { bytes: number } | { upTo: number };
type Got = string | null;

/** Pushes `chunks` one at a time; after each, runs `steps` in order while they produce something. */
function play(chunks: readonly string[], steps: readonly Step[], max = 1000): Got[] {
  const buffer = new LineBuffer();
  const out: Got[] = [];
  let i = 0;
  let partial = '';
  for (const chunk of chunks) {
    buffer.push(latin1Bytes(chunk));
    while (i < steps.length) {
      const step = steps[i]!;
      let got: Got;
      if ('line' in step) {
        const line = buffer.readLine(step.line || max);
        got = line && (line.overflow ? `<overflow ${line.ending}>` : `${latin1Text(line.bytes)}<${line.ending}>`);
      } else if ('bytes' in step) {
        const bytes = buffer.readBytes(step.bytes);
        got = bytes && latin1Text(bytes);
      } else {
        // Streamed: the pieces of one step are joined; the step is done when all have come.
        partial += latin1Text(buffer.readUpTo(step.upTo - partial.length));
        got = partial.length === step.upTo || (partial && buffer.length === 0 && chunk === chunks.at(-1)) ? partial : null;
        if (got !== null) partial = '';
      }
      if (got === null) break;
      out.push(got);
      i++;
    }
  }
  return out;
}

/** Every way of cutting `text` in two, plus one byte at a time. */
function splits(text: string): string[][] {
  const all = [[text], [...text]];
  for (let at = 1; at < text.length; at++) all.push([text.slice(0, at), text.slice(at)]);
  return all;
}

describe('LineBuffer', () => {
  const input = 'EHLO a\r\nbare\nAPPEND {5}\r\nhello\r\nBDAT 3\r\nxyzQUIT\r\n';
  const steps: Step[] = [{ line: 0 }, { line: 0 }, { line: 0 }, { bytes: 5 }, { line: 0 }, { line: 0 }, { upTo: 3 }, { line: 0 }];
  const expected = ['EHLO a<crlf>', 'bare<lf>', 'APPEND {5}<crlf>', 'hello', '<crlf>', 'BDAT 3<crlf>', 'xyz', 'QUIT<crlf>'];

  it('frames lines, literals and chunks the same at every split', () => {
    for (const chunks of splits(input)) expect(play(chunks, steps), JSON.stringify(chunks)).toEqual(expected);
  });

  it('frames the same under any split (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: input.length - 1 }), { maxLength: 12 }), (cuts) => {
        const points = [...new Set(cuts)].sort((a, b) => a - b);
        const chunks = [0, ...points].map((from, k) => input.slice(from, points[k] ?? input.length));
        expect(play(chunks, steps)).toEqual(expected);
      }),
    );
  });

  it('readUpTo streams what has arrived; readBytes waits for all of it', () => {
    const buffer = new LineBuffer();
    buffer.push(latin1Bytes('ab'));
    expect(latin1Text(buffer.readUpTo(5))).toBe('ab');
    expect(buffer.readUpTo(5).length).toBe(0);
    buffer.push(latin1Bytes('cd'));
    expect(buffer.readBytes(3)).toBeNull();
    buffer.push(latin1Bytes('ef'));
    expect(latin1Text(buffer.readBytes(3)!)).toBe('cde');
    expect(latin1Text(buffer.readUpTo(9))).toBe('f');
  });

  it('drops an over-long line as it arrives, keeping a CR that may begin its CRLF', () => {
    const long = 'x'.repeat(30);
    for (const chunks of splits(`${long}\r\nok\r\n`)) {
      expect(play(chunks, [{ line: 10 }, { line: 10 }]), JSON.stringify(chunks)).toEqual(['<overflow crlf>', 'ok<crlf>']);
    }
    const buffer = new LineBuffer();
    for (let i = 0; i < 100; i++) {
      buffer.push(latin1Bytes('y'.repeat(50)));
      expect(buffer.readLine(64)).toBeNull();
      expect(buffer.length).toBeLessThanOrEqual(64);
    }
  });

  it('counts the limit with the line end: max octets fit, max + 1 do not', () => {
    expect(play(['abc\r\n'], [{ line: 5 }])).toEqual(['abc<crlf>']);
    expect(play(['abcd\r\nz\n'], [{ line: 5 }, { line: 5 }])).toEqual(['<overflow crlf>', 'z<lf>']);
  });

  it('hands out copies: later input never changes a line already read', () => {
    const buffer = new LineBuffer();
    buffer.push(latin1Bytes('first half '));
    expect(buffer.readLine(100)).toBeNull();
    buffer.push(latin1Bytes('second half\r\nnext'));
    const line = buffer.readLine(100)!;
    buffer.push(latin1Bytes(' line overwriting the store\r\n'));
    expect(latin1Text(buffer.readLine(100)!.bytes)).toBe('next line overwriting the store');
    expect(latin1Text(line.bytes)).toBe('first half second half');
  });

  it('clear() drops what waits and any line being discarded', () => {
    const buffer = new LineBuffer();
    buffer.push(latin1Bytes('x'.repeat(20)));
    expect(buffer.readLine(10)).toBeNull();
    buffer.clear();
    buffer.push(latin1Bytes('ok\r\n'));
    expect(latin1Text(buffer.readLine(10)!.bytes)).toBe('ok');
    expect(buffer.length).toBe(0);
  });
});

describe('LineBuffer work is linear in the octets fed', () => {
  /** A line of `size` octets fed one byte at a time, read after every byte as the engines do. */
  function byteAtATime(size: number): number {
    const buffer = new LineBuffer();
    const lines: number[] = [];
    for (let i = 0; i < size; i++) {
      buffer.push(new Uint8Array([i === size - 1 ? 0x0a : 0x78]));
      const line = buffer.readLine(size + 1);
      if (line) lines.push(line.bytes.length);
    }
    expect(lines).toEqual([size - 1]);
    return buffer.work;
  }

  it('a 64 KiB line fed a byte at a time costs a few octets of work per octet', () => {
    const small = byteAtATime(16 * 1024);
    const large = byteAtATime(64 * 1024);
    expect(large).toBeLessThan(5 * 64 * 1024);
    // Quadratic framing would make this 16.
    expect(large / small).toBeLessThan(4.5);
  });

  it('a literal streamed in small pieces, then many short lines in one chunk', () => {
    const buffer = new LineBuffer();
    let fed = 0;
    for (let i = 0; i < 4096; i++) {
      const piece = latin1Bytes('abcdefghijklmno'.slice(0, 1 + (i % 15)));
      buffer.push(piece);
      fed += piece.length;
      buffer.readUpTo(7);
    }
    const lines = latin1Bytes('NOOP\r\n'.repeat(10_000));
    buffer.push(lines);
    fed += lines.length;
    buffer.readUpTo(buffer.length - lines.length);
    let n = 0;
    while (buffer.readLine(100)) n++;
    expect(n).toBe(10_000);
    expect(buffer.work).toBeLessThan(4 * fed);
  });
});
