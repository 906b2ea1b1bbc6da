/** OutputBuffer: what goes in comes out in order, in few chunks, large pieces uncopied. */
import { describe, expect, it } from 'vitest';
import { concatBytes, utf8Bytes, utf8Text } from './bytes.ts';
import { OutputBuffer } from './output-buffer.ts';

describe('OutputBuffer', () => {
  it('keeps the order of text and octets, UTF-8 included', () => {
    const out = new OutputBuffer();
    const pieces: Array<string | Uint8Array> = ['* 1 FETCH (BODY[] {5}\r\n', utf8Bytes('héllo'.slice(0, 4)), ')\r\n', 'Grüße ✉ ', utf8Bytes('x'), '\r\n'];
    for (const p of pieces) out.append(p);
    const whole = concatBytes(pieces.map((p) => (typeof p === 'string' ? utf8Bytes(p) : p)));
    expect(concatBytes(out.take())).toEqual(whole);
    expect(out.empty).toBe(true);
    expect(out.take()).toEqual([]);
  });

  it('gathers 10,000 responses into few chunks and passes a large body through uncopied', () => {
    const out = new OutputBuffer();
    const body = new Uint8Array(2048).fill(0x61);
    for (let i = 0; i < 10_000; i++) out.append(`* ${i + 1} FETCH (BODY[] {2048}\r\n`), out.append(body), out.append(')\r\n');
    const big = new Uint8Array(200_000).fill(0x62);
    out.append('* 10001 FETCH (BODY[] {200000}\r\n');
    out.append(big);
    out.append(')\r\n');
    const chunks = out.take();
    expect(chunks.length).toBeLessThan(40);
    expect(chunks).toContain(big);
    const text = utf8Text(concatBytes(chunks));
    expect(text.startsWith('* 1 FETCH (BODY[] {2048}\r\naaaa')).toBe(true);
    expect(text.match(/FETCH/g)).toHaveLength(10_001);
    expect(text.endsWith('b)\r\n')).toBe(true);
  });

  it('long text split across chunks never cuts a character', () => {
    const out = new OutputBuffer();
    const text = '✉'.repeat(50_000);
    out.append(text);
    expect(utf8Text(concatBytes(out.take()))).toBe(text);
  });
});
