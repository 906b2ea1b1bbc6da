import { describe, expect, it } from 'vitest';
import { seededRandom } from './random';
import { systemRandom } from './transports/system-random';

const seed = (byte: number) => new Uint8Array(32).fill(byte);

describe('seededRandom', () => {
  it('gives the same bytes for the same seed', () => {
    expect(seededRandom(seed(1)).bytes(100)).toEqual(seededRandom(seed(1)).bytes(100));
  });
  it('gives other bytes for another seed', () => {
    expect(seededRandom(seed(1)).bytes(32)).not.toEqual(seededRandom(seed(2)).bytes(32));
  });
  it('is one stream: the sizes of the reads do not change the bytes', () => {
    const whole = seededRandom(seed(7)).bytes(97);
    const parts = seededRandom(seed(7));
    const pieces = [parts.bytes(3), parts.bytes(0), parts.bytes(29), parts.bytes(65)];
    expect(Uint8Array.from(pieces.flatMap((p) => [...p]))).toEqual(whole);
  });
  it('does not repeat its first block', () => {
    const stream = seededRandom(seed(3)).bytes(64);
    expect(stream.subarray(0, 32)).not.toEqual(stream.subarray(32, 64));
  });
});

describe('systemRandom', () => {
  it('fills more than one getRandomValues call can', () => {
    const bytes = systemRandom().bytes(70_000);
    expect(bytes.length).toBe(70_000);
    expect(bytes.subarray(65_536).some((b) => b !== 0)).toBe(true);
  });
});
