import { describe, expect, it } from 'vitest';
import { decodeEncodedWords } from './encoded-words.ts';

describe('RFC 2047 §8 examples', () => {
  const cases: Array<[string, string]> = [
    ['=?ISO-8859-1?Q?a?=', 'a'],
    ['=?ISO-8859-1?Q?a?= b', 'a b'],
    ['=?ISO-8859-1?Q?a?= =?ISO-8859-1?Q?b?=', 'ab'],
    ['=?ISO-8859-1?Q?a?=  =?ISO-8859-1?Q?b?=', 'ab'],
    ['=?ISO-8859-1?Q?a?=\r\n    =?ISO-8859-1?Q?b?=', 'ab'],
    ['=?ISO-8859-1?Q?a_b?=', 'a b'],
    ['=?ISO-8859-1?Q?a?= =?ISO-8859-2?Q?_b?=', 'a b'],
    ['=?ISO-8859-1?Q?Olle_J=E4rnefors?=', 'Olle Järnefors'],
    ['=?ISO-8859-1?Q?Patrik_F=E4ltstr=F6m?=', 'Patrik Fältström'],
    ['=?US-ASCII?Q?Keith_Moore?=', 'Keith Moore'],
    ['=?ISO-8859-1?Q?Andr=E9?= Pirard', 'André Pirard'],
    ['=?ISO-8859-1?B?SWYgeW91IGNhbiByZWFkIHRoaXMgeW8=?= =?ISO-8859-2?B?dSB1bmRlcnN0YW5kIHRoZSBleGFtcGxlLg==?=',
      'If you can read this you understand the example.'],
  ];
  it.each(cases)('%j', (encoded, shown) => {
    expect(decodeEncodedWords(encoded)).toBe(shown);
  });
});

describe('encoded words in the wild', () => {
  it('decodes B and Q in UTF-8, windows-1252 and lower-case labels', () => {
    expect(decodeEncodedWords('=?utf-8?b?R3LDvMOfZQ==?=')).toBe('Grüße');
    expect(decodeEncodedWords('=?UTF-8?Q?caf=C3=A9?=')).toBe('café');
    expect(decodeEncodedWords('=?windows-1252?Q?=93quoted=94_=80?=')).toBe('\u201cquoted\u201d \u20ac');
    expect(decodeEncodedWords('=?us-ascii?q?plain?=')).toBe('plain');
  });

  it('joins a UTF-8 character split across adjacent words', () => {
    // "é" is C3 A9; each half alone is invalid UTF-8.
    expect(decodeEncodedWords('=?UTF-8?Q?caf=C3?= =?UTF-8?Q?=A9?=')).toBe('café');
    expect(decodeEncodedWords('=?UTF-8?B?w6k=?==?UTF-8?B?w6k=?=')).toBe('éé');
  });

  it('keeps whitespace between an encoded word and ordinary text', () => {
    expect(decodeEncodedWords('Re: =?utf-8?q?Gr=C3=BC=C3=9Fe?= aus Berlin')).toBe('Re: Grüße aus Berlin');
    expect(decodeEncodedWords('a =?utf-8?q?b?= c =?utf-8?q?d?=')).toBe('a b c d');
  });

  it('accepts the RFC 2231 language suffix', () => {
    expect(decodeEncodedWords('=?US-ASCII*EN?Q?Keith_Moore?=')).toBe('Keith Moore');
  });

  it('leaves malformed words as written', () => {
    for (const text of ['=?utf-8?x?abc?=', '=?utf-8?q?a b?=', '=?utf-8?q?abc', '=??q?abc?=', '=?utf-8?b?!!!?=', 'plain text', '=?=']) {
      expect(decodeEncodedWords(text)).toBe(text);
    }
    expect(decodeEncodedWords('=?utf-8?b?!!!?= =?utf-8?q?ok?=')).toBe('=?utf-8?b?!!!?= ok');
  });

  it('falls back sensibly for an unknown charset', () => {
    expect(decodeEncodedWords('=?x-unknown?q?abc?=')).toBe('abc');
  });
});
