import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBase64, decodeBase64Lenient, encodeBase64 } from './base64.ts';
import { latin1Text, utf8Bytes } from './bytes.ts';

// RFC 4648 §10 test vectors.
const VECTORS: Array<[string, string]> = [
  ['', ''],
  ['f', 'Zg=='],
  ['fo', 'Zm8='],
  ['foo', 'Zm9v'],
  ['foob', 'Zm9vYg=='],
  ['fooba', 'Zm9vYmE='],
  ['foobar', 'Zm9vYmFy'],
];

describe('base64 (RFC 4648)', () => {
  it.each(VECTORS)('encodes %j as %j', (plain, encoded) => {
    expect(encodeBase64(utf8Bytes(plain))).toBe(encoded);
  });

  it.each(VECTORS)('decodes %j back from %j', (plain, encoded) => {
    expect(latin1Text(decodeBase64(encoded)!)).toBe(plain);
  });

  it('decodes the SASL PLAIN example of the issue', () => {
    expect(latin1Text(decodeBase64('AGFsaWNlAHdvbmRlcmxhbmQ=')!)).toBe('\0alice\0wonderland');
  });

  it.each([
    ['Zg=', 'length not a multiple of 4'],
    ['Zg', 'missing padding'],
    ['Z===', 'three pad characters'],
    ['=AAA', 'pad at the start (RFC 5034 §4)'],
    ['AA=A', 'pad in the middle'],
    ['AAA=BBBB', 'pad before the end (RFC 5034 §4)'],
    ['Zm9v\r\n', 'line break'],
    ['Zm 9', 'space'],
    ['Zm9-', 'base64url alphabet'],
    ['Zh==', 'non-zero pad bits'],
    ['Zm9é', 'non-ASCII'],
  ])('rejects %j (%s)', (text) => {
    expect(decodeBase64(text)).toBeNull();
  });

  it('round-trips every byte string', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const text = encodeBase64(bytes);
        expect(text).toMatch(/^[A-Za-z0-9+/]*={0,2}$/);
        expect(text.length % 4).toBe(0);
        expect(decodeBase64(text)).toEqual(bytes);
      }),
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        const decoded = decodeBase64(text);
        // Whatever decodes must re-encode to the same text: one encoding per byte string.
        if (decoded) expect(encodeBase64(decoded)).toBe(text);
      }),
    );
  });

  it('decodes MIME base64 leniently, skipping line breaks', () => {
    expect(latin1Text(decodeBase64Lenient('Zm9v\r\nYmFy\r\n'))).toBe('foobar');
    expect(latin1Text(decodeBase64Lenient('Zm9vYg'))).toBe('foob');
    expect(latin1Text(decodeBase64Lenient('Zm9vYg==garbage'))).toBe('foob');
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const wrapped = encodeBase64(bytes).replace(/(.{76})/g, '$1\r\n');
        expect(decodeBase64Lenient(wrapped)).toEqual(bytes);
      }),
    );
  });
});
