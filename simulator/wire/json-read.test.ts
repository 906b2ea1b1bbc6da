import { describe, expect, it } from 'vitest';
import { arr, bool, int, InvalidData, num, obj, octets, oneOf, str } from './json-read.ts';

/** The message a reader stops with, or null when it returns. */
function error(read: () => unknown): string | null {
  try {
    read();
    return null;
  } catch (e) {
    if (!(e instanceof InvalidData)) throw e;
    return e.message;
  }
}

describe('checked JSON readers', () => {
  it('return the value typed when it is what was asked for', () => {
    expect(obj({ a: 1 }, 'x')).toEqual({ a: 1 });
    expect(arr([1], 'x')).toEqual([1]);
    expect(str('s', 'x')).toBe('s');
    expect(bool(false, 'x')).toBe(false);
    expect(num(1.5, 'x')).toBe(1.5);
    expect(int(3, 'x', 3)).toBe(3);
    expect(oneOf('MX', ['A', 'MX'], 'x')).toBe('MX');
  });

  it('stop with where and what they found', () => {
    expect(error(() => obj([], 'store'))).toBe('store: expected an object, got an array');
    expect(error(() => arr(null, 'hosts'))).toBe('hosts: expected an array, got null');
    expect(error(() => str(5, 'a.name'))).toBe('a.name: expected a string, got number 5');
    expect(error(() => bool('yes', 'a.b'))).toBe('a.b: expected true or false, got string "yes"');
    expect(error(() => num(Number.NaN, 'n'))).toBe('n: expected a number, got number NaN');
    expect(error(() => int(2.5, 'n', 0))).toBe('n: expected an integer ≥ 0, got 2.5');
    expect(error(() => int(0, 'uid', 1))).toBe('uid: expected an integer ≥ 1, got 0');
    expect(error(() => oneOf('TXT', ['A', 'MX'], 't'))).toBe('t: expected one of "A", "MX", got string "TXT"');
  });

  it('octets: base64 (RFC 4648) or bytes, the bytes copied', () => {
    expect([...octets('AAH/', 'raw')]).toEqual([0, 1, 255]);
    const bytes = Uint8Array.of(1, 2);
    const read = octets(bytes, 'raw');
    read[0] = 9;
    expect(bytes[0]).toBe(1);
    expect(error(() => octets('!!!', 'm.raw'))).toBe('m.raw: not valid base64');
    expect(error(() => octets({}, 'm.raw'))).toBe('m.raw: expected a string, got an object');
  });
});
