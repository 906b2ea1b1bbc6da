import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utf8Bytes, utf8Text } from '../wire/bytes.ts';
import { Pop3ResponseReader, type Pop3Read } from './pop3-reader.ts';

/** Feeds `text` cut at the given offsets and collects what the reader returns. */
function readAll(text: string, multi: boolean[], cuts: number[] = []): Pop3Read[] {
  const bytes = utf8Bytes(text);
  const reader = new Pop3ResponseReader();
  const out: Pop3Read[] = [];
  let start = 0;
  for (const end of [...cuts, bytes.length]) {
    reader.push(bytes.subarray(start, end));
    start = end;
    for (let r = reader.next(multi[out.length] ?? false); r; r = reader.next(multi[out.length] ?? false)) out.push(r);
  }
  return out;
}

const RETR = '+OK 31 octets\r\nSubject: x\r\n\r\n..dot line\r\n.\r\n-ERR [IN-USE] locked\r\n';

describe('Pop3ResponseReader', () => {
  it('reads a multi-line response, undoes byte-stuffing (RFC 1939 §3), then a status with a response code', () => {
    const [retr, err] = readAll(RETR, [true, false]);
    expect(retr).toMatchObject({ response: { ok: true, text: '31 octets', lines: ['Subject: x', '', '.dot line'] } });
    expect(utf8Text((retr as { response: { body: Uint8Array } }).response.body)).toBe('Subject: x\r\n\r\n.dot line\r\n');
    expect(err).toEqual({ response: { ok: false, code: 'IN-USE', text: 'locked', line: '-ERR [IN-USE] locked' } });
  });

  it('gives the same result split at every offset and one byte at a time', () => {
    const whole = readAll(RETR, [true, false]);
    for (let cut = 0; cut <= RETR.length; cut++) expect(readAll(RETR, [true, false], [cut])).toEqual(whole);
    expect(readAll(RETR, [true, false], [...Array(RETR.length).keys()])).toEqual(whole);
  });

  it('reads -ERR to a multi-line command as a single line', () => {
    expect(readAll('-ERR no such message\r\n+OK\r\n', [true, false]).map((r) => 'response' in r! && r.response.ok)).toEqual([false, true]);
  });

  it('reports garbage and over-long lines as errors, never throws', () => {
    expect(readAll('HELLO\r\n', [false])).toEqual([{ error: expect.stringContaining('expected "+OK" or "-ERR"') }]);
    expect(readAll('+OK ' + 'x'.repeat(70_000) + '\r\n', [false])).toEqual([{ error: 'response line too long' }]);
  });

  it('never throws on random input at random split points', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.array(fc.boolean(), { maxLength: 10 }), fc.nat(300), (bytes, multi, cut) => {
        const reader = new Pop3ResponseReader();
        reader.push(bytes.subarray(0, cut));
        reader.push(bytes.subarray(cut));
        for (let i = 0; i < 400 && reader.next(multi[i % Math.max(1, multi.length)] ?? false); i++);
      }),
    );
  });
});
