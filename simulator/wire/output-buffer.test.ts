/** OutputBuffer: what goes in comes out in order, in few chunks, large pieces (and, in a large batch, bodies) uncopied. */
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

  it('a small reply of a few responses leaves as one or two chunks, its bodies copied', () => {
    const out = new OutputBuffer();
    const body = new Uint8Array(2048).fill(0x61);
    for (let i = 0; i < 3; i++) out.append(`* ${i + 1} FETCH (BODY[] {2048}\r\n`), out.append(body), out.append(')\r\n');
    const chunks = out.take();
    expect(chunks.length).toBeLessThanOrEqual(2);
    for (const c of chunks) expect(c.buffer).not.toBe(body.buffer);
  });

  it('in a large batch (10,000 FETCH bodies) bodies pass through uncopied; the text between them shares a few buffers', () => {
    const out = new OutputBuffer();
    const bodies = Array.from({ length: 10_000 }, () => new Uint8Array(2048).fill(0x61));
    bodies.forEach((body, i) => (out.append(`* ${i + 1} FETCH (BODY[] {2048}\r\n`), out.append(body), out.append(')\r\n')));
    const big = new Uint8Array(200_000).fill(0x62);
    out.append('* 10001 FETCH (BODY[] {200000}\r\n');
    out.append(big);
    out.append(')\r\n');
    const chunks = out.take();
    const passed = new Set<Uint8Array>([...bodies, big]);
    expect(chunks).toContain(big);
    // All but the first few (copied while the batch was small) are the bodies themselves.
    const uncopied = chunks.filter((c) => passed.has(c));
    expect(uncopied.length).toBeGreaterThan(9_990);
    // The text is encoded into a few shared allocations, not one per response.
    const textBuffers = new Set(chunks.filter((c) => !passed.has(c)).map((c) => c.buffer));
    expect(textBuffers.size).toBeLessThan(20);
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

  it('a big response taken in parts (FETCH streaming): after the first part, the text of each part needs one or two new allocations, not one per response', () => {
    const out = new OutputBuffer();
    const body = new Uint8Array(2048).fill(0x61);
    const parts: Uint8Array[][] = [];
    let n = 0;
    for (let part = 0; part < 20; part++) {
      // One part of a UID FETCH 1:* (BODY.PEEK[]): about 128 KiB of responses.
      while (out.size < 128 * 1024) out.append(`* ${++n} FETCH (UID ${n} BODY[] {2048}\r\n`), out.append(body), out.append(')\r\n');
      parts.push(out.take());
    }
    // The first part grows its chunks from 4 KiB; a later one fills what is left of the last
    // chunk, then a new chunk the size the last part copied (two when this part copies a little more).
    const seen = new Set<ArrayBufferLike>();
    const newBuffers = parts.map((chunks) => {
      const mine = new Set(chunks.filter((c) => c !== body).map((c) => c.buffer).filter((b) => !seen.has(b)));
      for (const b of mine) seen.add(b);
      return mine.size;
    });
    expect(newBuffers[0]).toBeGreaterThan(1);
    for (const count of newBuffers.slice(1)) expect(count).toBeLessThanOrEqual(2);
    const text = utf8Text(concatBytes(parts.flat()));
    expect(text.match(/FETCH/g)).toHaveLength(n);
    expect(text.endsWith(`* ${n} FETCH (UID ${n} BODY[] {2048}\r\n${'a'.repeat(2048)})\r\n`)).toBe(true);
  });

  it('a small reply after a big one still comes out whole and alone', () => {
    const out = new OutputBuffer();
    out.append('x'.repeat(300_000));
    out.take();
    out.append('a1 OK NOOP completed\r\n');
    expect(utf8Text(concatBytes(out.take()))).toBe('a1 OK NOOP completed\r\n');
  });
});
