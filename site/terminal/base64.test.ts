import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { encodeBase64 } from '../../simulator/wire/base64.ts';
import { escapeBytes, readBase64, unescapeText } from './base64.ts';

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('Base64 (RFC 4648)', () => {
  it('matches the §10 test vectors', () => {
    const vectors: Array<[string, string]> = [
      ['', ''], ['f', 'Zg=='], ['fo', 'Zm8='], ['foo', 'Zm9v'], ['foob', 'Zm9vYg=='], ['fooba', 'Zm9vYmE='], ['foobar', 'Zm9vYmFy'],
    ];
    for (const [plain, encoded] of vectors) {
      expect(encodeBase64(bytes(plain))).toBe(encoded);
      const d = readBase64(encoded);
      expect(d.ok && new TextDecoder().decode(d.value)).toBe(plain);
    }
  });

  it('decodes without padding too', () => {
    const d = readBase64('Zm9vYg');
    expect(d.ok && new TextDecoder().decode(d.value)).toBe('foob');
  });

  it('rejects characters outside the alphabet, bad lengths and bad padding (§3.3)', () => {
    expect(readBase64('Zm9v!')).toEqual({ ok: false, error: '"!" is not a Base64 character' });
    expect(readBase64('Zm9vY')).toMatchObject({ ok: false });
    expect(readBase64('Zg===')).toMatchObject({ ok: false });
    expect(readBase64('Zm9=')).toMatchObject({ ok: true });
    expect(readBase64('Zg=')).toMatchObject({ ok: false });
    expect(readBase64('Zm 9v')).toMatchObject({ ok: false });
  });

  it('round-trips any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (b) => {
        const d = readBase64(encodeBase64(b));
        expect(d.ok && Array.from(d.value)).toEqual(Array.from(b));
      }),
    );
  });
});

describe('escapes for AUTH PLAIN (RFC 4616 §2)', () => {
  it('turns \\0 into NUL', () => {
    const u = unescapeText('\\0alice\\0wonderland');
    expect(u.ok && encodeBase64(u.value)).toBe('AGFsaWNlAHdvbmRlcmxhbmQ=');
  });

  it('knows \\n \\r \\t \\\\ and \\xHH, and encodes other text as UTF-8', () => {
    const u = unescapeText('a\\n\\r\\t\\\\\\x41é');
    expect(u.ok && Array.from(u.value)).toEqual([0x61, 0x0a, 0x0d, 0x09, 0x5c, 0x41, 0xc3, 0xa9]);
  });

  it('refuses unknown escapes instead of guessing', () => {
    expect(unescapeText('\\q')).toMatchObject({ ok: false });
    expect(unescapeText('\\x4')).toMatchObject({ ok: false });
    expect(unescapeText('end\\')).toMatchObject({ ok: false });
  });

  it('shows decoded bytes with the same escapes', () => {
    expect(escapeBytes(Uint8Array.from([0, 0x61, 0x0a, 0x5c, 0x1b, 0x7f]))).toBe('\\0a\\n\\\\\\x1b\\x7f');
    expect(escapeBytes(bytes('é'))).toBe('é');
    expect(escapeBytes(Uint8Array.from([0xff, 0x41]))).toBe('\\xffA');
  });

  it('escape then unescape gives the bytes back', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 32 }), (b) => {
        const u = unescapeText(escapeBytes(b));
        expect(u.ok && Array.from(u.value)).toEqual(Array.from(b));
      }),
    );
  });
});
