/** The response encoder (RFC 9051 §4, §7), checked by reading its output back with our own lexers. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { concatBytes, utf8Bytes, utf8Text } from '../../wire/bytes.ts';
import type { FetchItem } from '../parse/ast.ts';
import { readChunks } from '../parse/split-feed.ts';
import { decodeValues } from './decode.ts';
import { canQuote, encodeValue, encodeValues, isBareAstring, mailboxValue } from './encode.ts';
import { fetchItemLabel } from './fetch-label.ts';
import { continuation, statusResponse, untagged } from './response.ts';
import type { EncodeOptions, ImapValue } from './value.ts';

const text = (v: ImapValue, opts?: EncodeOptions): string => utf8Text(encodeValue(v, opts));
const UTF8: EncodeOptions = { utf8: true, maxQuoted: 1000 };

describe('encodeValue', () => {
  it('writes each kind of value', () => {
    expect(text(null)).toBe('NIL');
    expect(text(42)).toBe('42');
    expect(text('abc')).toBe('"abc"');
    expect(text('say "hi" \\o/')).toBe('"say \\"hi\\" \\\\o/"');
    expect(text('two\r\nlines')).toBe('{10}\r\ntwo\r\nlines');
    expect(text('Grüße')).toBe('{7}\r\nGrüße');
    expect(text('Grüße', UTF8)).toBe('"Grüße"');
    expect(text('x'.repeat(1001))).toBe(`{1001}\r\n${'x'.repeat(1001)}`);
    expect(text('a\0b')).toBe('"ab"');
    expect(text({ atom: '\\Seen' })).toBe('\\Seen');
    expect(text({ literal: Uint8Array.of(0, 1), binary: true })).toBe('~{2}\r\n\0\x01');
    expect(text({ literal: Uint8Array.of(0x61, 0) })).toBe('~{2}\r\na\0');
    expect(text({ literal: Uint8Array.of(0x61) })).toBe('{1}\r\na');
    expect(text([1, null, 'x', [{ atom: 'A' }], []])).toBe('(1 NIL "x" (A) ())');
  });

  it('chooses the astring form (RFC 9051 §9 astring)', () => {
    expect(text({ astring: 'INBOX' })).toBe('INBOX');
    expect(text({ astring: 'Sent Items' })).toBe('"Sent Items"');
    expect(text({ astring: '' })).toBe('""');
    expect(text({ astring: 'nil' })).toBe('"nil"');
    expect(text({ astring: 'a]b' })).toBe('a]b');
    expect(text({ astring: 'a%b' })).toBe('"a%b"');
    expect(isBareAstring('a(b')).toBe(false);
  });

  it('writes mailbox names for IMAP4rev1 and IMAP4rev2 sessions', () => {
    expect(text(mailboxValue('~peter/mail/台北/日本語', false))).toBe('~peter/mail/&U,BTFw-/&ZeVnLIqe-');
    expect(text(mailboxValue('台北', true), UTF8)).toBe('"台北"');
    expect(text(mailboxValue('R&D', false))).toBe('R&-D');
    expect(text(mailboxValue('Sent Items', false))).toBe('"Sent Items"');
    expect(text(mailboxValue('INBOX', false))).toBe('INBOX');
  });

  it('refuses our own misuse', () => {
    expect(() => encodeValue(-1)).toThrow();
    expect(() => encodeValue(1.5)).toThrow();
    expect(() => encodeValue({ atom: 'OK\r\n* BYE' })).toThrow();
    expect(() => encodeValue({ atom: '' })).toThrow();
  });
});

describe('response lines (RFC 9051 §7)', () => {
  it('untagged, tagged with codes, continuation', () => {
    expect(utf8Text(untagged([172, { atom: 'EXISTS' }]))).toBe('* 172 EXISTS\r\n');
    expect(utf8Text(untagged([{ atom: 'FLAGS' }, [{ atom: '\\Answered' }, { atom: '\\Seen' }]]))).toBe('* FLAGS (\\Answered \\Seen)\r\n');
    expect(utf8Text(statusResponse('A142', 'OK', 'SELECT completed', 'READ-WRITE'))).toBe('A142 OK [READ-WRITE] SELECT completed\r\n');
    expect(utf8Text(statusResponse('A003', 'OK', 'APPEND completed', { name: 'APPENDUID', args: [38505, 3955] }))).toBe(
      'A003 OK [APPENDUID 38505 3955] APPEND completed\r\n',
    );
    expect(utf8Text(statusResponse('*', 'OK', 'Limited', { name: 'PERMANENTFLAGS', args: [[{ atom: '\\Deleted' }, { atom: '\\*' }]] }))).toBe(
      '* OK [PERMANENTFLAGS (\\Deleted \\*)] Limited\r\n',
    );
    expect(utf8Text(continuation())).toBe('+ Ready for literal data\r\n');
    expect(utf8Text(continuation(''))).toBe('+ done\r\n');
  });

  it('status text stays one US-ASCII line', () => {
    expect(utf8Text(statusResponse('a', 'BAD', 'evil\r\n* OK [ALERT] x'))).toBe('a BAD evil  * OK [ALERT] x\r\n');
    expect(utf8Text(statusResponse('a', 'NO', 'Entwürfe'))).toBe('a NO Entw?rfe\r\n');
    expect(utf8Text(statusResponse('a', 'NO', '[nope'))).toBe('a NO - [nope\r\n');
  });
});

describe('FETCH response labels (RFC 9051 §7.5.2)', () => {
  it.each<[FetchItem, string]>([
    [{ item: 'FLAGS' }, 'FLAGS'],
    [{ item: 'BODY[]', section: { path: [] }, partial: null, peek: true }, 'BODY[]'],
    [{ item: 'BODY[]', section: { path: [], text: 'HEADER.FIELDS', fields: ['From', 'X Y'] }, partial: { offset: 0, length: 100 }, peek: true }, 'BODY[HEADER.FIELDS (From "X Y")]<0>'],
    [{ item: 'BODY[]', section: { path: [1, 2], text: 'MIME' }, partial: null, peek: false }, 'BODY[1.2.MIME]'],
    [{ item: 'BODY[]', section: { path: [3] }, partial: { offset: 10, length: 5 }, peek: false }, 'BODY[3]<10>'],
    [{ item: 'BINARY', path: [1], partial: null, peek: true }, 'BINARY[1]'],
    [{ item: 'BINARY.SIZE', path: [2, 1] }, 'BINARY.SIZE[2.1]'],
  ])('%j → %s', (item, label) => {
    expect(fetchItemLabel(item)).toBe(label);
  });
});

/** What a value reads back as: strings that had to be literals come back as their octets. */
function normalise(v: ImapValue, opts: EncodeOptions): ImapValue {
  if (typeof v === 'string') return canQuote(v, opts) ? v : { literal: utf8Bytes(v) };
  if (v === null || typeof v === 'number') return v;
  if (Array.isArray(v)) return v.map((x: ImapValue) => normalise(x, opts));
  if ('astring' in v) return isBareAstring(v.astring) ? { atom: v.astring } : normalise(v.astring, opts);
  if ('literal' in v && v.literal.includes(0)) return { literal: v.literal, binary: true };
  return v;
}

const atomText = fc.stringMatching(/^\\?[A-Za-z][A-Za-z0-9.\-]{0,10}$/).filter((s) => s.toUpperCase() !== 'NIL');
const leaf: fc.Arbitrary<ImapValue> = fc.oneof(
  fc.constant(null),
  fc.nat(),
  fc.string({ unit: 'binary', maxLength: 30 }).map((s) => s.replace(/\0/g, '')),
  atomText.map((atom) => ({ atom })),
  fc.string({ unit: 'grapheme-ascii', maxLength: 12 }).filter((s) => !/^\d+$/.test(s)).map((astring) => ({ astring })),
  fc.uint8Array({ maxLength: 20 }).map((literal) => ({ literal })),
);
const value: fc.Arbitrary<ImapValue> = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('value'), { maxLength: 4 })),
})).value as fc.Arbitrary<ImapValue>;

describe('encoder output read back', () => {
  it('decodeValues(encodeValues(vs)) gives back vs', () => {
    for (const opts of [{ utf8: false, maxQuoted: 1000 }, { utf8: true, maxQuoted: 8 }]) {
      fc.assert(
        fc.property(fc.array(value, { minLength: 1, maxLength: 4 }), (vs) => {
          expect(decodeValues(encodeValues(vs, opts))).toEqual(vs.map((v) => normalise(v, opts)));
        }),
        { numRuns: 300 },
      );
    }
  });

  it('strings and astrings the encoder writes are read back by the command parser', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }), (user, password) => {
        const line = concatBytes([
          utf8Bytes('a1 LOGIN '), encodeValue({ astring: user }), utf8Bytes(' '), encodeValue(password.replace(/\0/g, '')), utf8Bytes('\r\n'),
        ]);
        const results = readChunks([line]).filter((r) => r.kind !== 'continue');
        expect(results).toEqual([{ kind: 'command', command: { tag: 'a1', name: 'LOGIN', user, password: password.replace(/\0/g, '') } }]);
      }),
      { numRuns: 300 },
    );
  });
});
