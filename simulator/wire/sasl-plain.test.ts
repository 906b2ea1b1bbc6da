import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeBase64 } from './base64.ts';
import { utf8Bytes } from './bytes.ts';
import { decodeSaslPlain } from './sasl-plain.ts';

const b64 = (text: string): string => encodeBase64(utf8Bytes(text));

describe('SASL PLAIN (RFC 4616)', () => {
  it('splits the message into authzid, authcid and password', () => {
    expect(decodeSaslPlain('AGFsaWNlAHdvbmRlcmxhbmQ=')).toEqual({ ok: true, authzid: '', authcid: 'alice', password: 'wonderland' });
    // RFC 4616 §4 example: "Kurt" acting as "Ursel".
    expect(decodeSaslPlain(b64('Ursel\0Kurt\0xipj3plmq'))).toEqual({ ok: true, authzid: 'Ursel', authcid: 'Kurt', password: 'xipj3plmq' });
    expect(decodeSaslPlain(b64('\0jürgen\0päss wörd'))).toEqual({ ok: true, authzid: '', authcid: 'jürgen', password: 'päss wörd' });
  });

  it.each([
    ['AGFsaWNl AHdvbmRlcmxhbmQ=', 'base64', 'a space inside'],
    ['AGFsaWNlAHdvbmRlcmxhbmQ', 'base64', 'missing padding'],
    ['*', 'base64', 'a cancel the engine did not catch'],
    [encodeBase64(Uint8Array.of(0, 0x61, 0, 0xff)), 'utf8', 'a byte that is not UTF-8'],
    ['=', 'malformed', 'the zero-length response (RFC 4954 §4, RFC 5034 §4)'],
    ['', 'malformed', 'nothing at all'],
    [b64('alice\0wonderland'), 'malformed', 'one NUL'],
    [b64('\0alice\0wonder\0land'), 'malformed', 'three NULs'],
    [b64('\0\0wonderland'), 'malformed', 'an empty authcid'],
    [b64('\0alice\0'), 'malformed', 'an empty password'],
  ])('refuses %j: %s (%s)', (response, reason) => {
    expect(decodeSaslPlain(response)).toEqual({ ok: false, reason });
  });

  it('gives back any well-formed message, and never throws on any text', () => {
    const part = fc.string({ minLength: 1, maxLength: 20 }).filter((s) => !s.includes('\0'));
    fc.assert(
      fc.property(fc.oneof(fc.constant(''), part), part, part, (authzid, authcid, password) => {
        expect(decodeSaslPlain(b64(`${authzid}\0${authcid}\0${password}`))).toEqual({ ok: true, authzid, authcid, password });
      }),
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        expect(['base64', 'utf8', 'malformed', undefined]).toContain((decodeSaslPlain(text) as { reason?: string }).reason);
      }),
    );
  });
});
