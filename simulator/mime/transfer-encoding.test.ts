import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeBase64, decodeBody, decodeQuotedPrintable } from './transfer-encoding.ts';
import { decodeCharset } from './charset.ts';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const dec = (b: Uint8Array | null): string | null => (b === null ? null : new TextDecoder().decode(b));

describe('base64 (RFC 2045 §6.8, RFC 4648 §10 test vectors)', () => {
  const vectors: Array<[string, string]> = [
    ['', ''], ['f', 'Zg=='], ['fo', 'Zm8='], ['foo', 'Zm9v'], ['foob', 'Zm9vYg=='], ['fooba', 'Zm9vYmE='], ['foobar', 'Zm9vYmFy'],
  ];
  it.each(vectors)('%j ← %j', (plain, encoded) => {
    expect(dec(decodeBase64(enc(encoded)))).toBe(plain);
  });

  it('ignores line breaks and characters outside the alphabet', () => {
    expect(dec(decodeBase64(enc('Zm9v\r\nYmFy\r\n')))).toBe('foobar');
    expect(dec(decodeBase64(enc('Zm9v*Ym Fy')))).toBe('foobar');
  });

  it('tolerates missing padding', () => {
    expect(dec(decodeBase64(enc('Zm9vYg')))).toBe('foob');
  });

  it('round-trips any octets', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
      const b64 = btoa(String.fromCharCode(...bytes)).replace(/.{76}/g, '$&\r\n');
      expect(decodeBase64(enc(b64))).toEqual(bytes);
    }));
  });
});

describe('quoted-printable (RFC 2045 §6.7)', () => {
  it('decodes =XX escapes (either case) and soft line breaks', () => {
    expect(dec(decodeQuotedPrintable(enc('caf=C3=A9 =c3=a9')))).toBe('café é');
    expect(dec(decodeQuotedPrintable(enc('long=\r\nline=\nend')))).toBe('longlineend');
    expect(dec(decodeQuotedPrintable(enc('soft with space= \r\nnext')))).toBe('soft with spacenext');
  });

  it('deletes trailing whitespace on a line (rule 3) but keeps inner whitespace', () => {
    expect(dec(decodeQuotedPrintable(enc('a  b   \r\nc\t\r\nd  ')))).toBe('a  b\r\nc\r\nd');
  });

  it('keeps a malformed = literally', () => {
    expect(dec(decodeQuotedPrintable(enc('1+1=2 and =ZZ and =')))).toBe('1+1=2 and =ZZ and ');
  });

  it('decodes 8-bit and binary octets from escapes', () => {
    expect(decodeQuotedPrintable(enc('=00=FF=0D=0A'))).toEqual(Uint8Array.from([0, 255, 13, 10]));
  });
});

describe('decodeBody', () => {
  it('identity for 7bit, 8bit, binary; case-insensitive names; null when unknown', () => {
    const b = enc('x');
    expect(decodeBody(b, '7bit')).toBe(b);
    expect(decodeBody(b, '8BIT')).toBe(b);
    expect(decodeBody(b, 'binary')).toBe(b);
    expect(dec(decodeBody(enc('eA=='), 'Base64'))).toBe('x');
    expect(dec(decodeBody(enc('=78'), 'Quoted-Printable'))).toBe('x');
    expect(decodeBody(b, 'x-uuencode')).toBeNull();
  });
});

describe('decodeCharset', () => {
  const bytes = Uint8Array.from([0x47, 0x72, 0xfc, 0xdf, 0x65, 0x80]);
  it('ISO-8859-1 maps each octet to the same code point; windows-1252 maps 0x80 to €', () => {
    expect(decodeCharset(bytes, 'ISO-8859-1')).toBe('Grüße\u0080');
    expect(decodeCharset(bytes, 'windows-1252')).toBe('Grüße€');
  });
  it('UTF-8 replaces invalid sequences; US-ASCII with 8-bit octets guesses UTF-8 then windows-1252', () => {
    expect(decodeCharset(enc('Grüße'), 'utf-8')).toBe('Grüße');
    expect(decodeCharset(Uint8Array.from([0x61, 0xff]), 'UTF-8')).toBe('a\ufffd');
    expect(decodeCharset(enc('Grüße'), 'us-ascii')).toBe('Grüße');
    expect(decodeCharset(bytes, 'us-ascii')).toBe('Grüße€');
  });
  it('other labels through the platform decoder; unknown labels guess', () => {
    expect(decodeCharset(Uint8Array.from([0xe4]), 'iso-8859-15')).toBe('ä');
    expect(decodeCharset(Uint8Array.from([0xa4]), 'ISO-8859-15')).toBe('€');
    expect(decodeCharset(enc('abc'), 'x-nonsense')).toBe('abc');
    expect(decodeCharset(enc('abc'), null)).toBe('abc');
  });
});
