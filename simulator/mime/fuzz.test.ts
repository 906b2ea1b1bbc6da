/** Property tests: any octets give a tree whose offsets stay inside the input, and nothing throws. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseMessage } from './parse.ts';
import { envelope } from './envelope.ts';
import { bodyStructure } from './body-structure.ts';
import { findPart, headerFieldsBytes, sectionBytes } from './section.ts';
import { headerValues, searchableText } from './search-text.ts';
import { decodeEncodedWords } from './encoded-words.ts';
import { parseAddressList } from './address.ts';
import { parseDate } from './date.ts';
import { decodeBody } from './transfer-encoding.ts';
import { decodeCharset } from './charset.ts';
import type { MimePart } from './types.ts';

function checkBounds(p: MimePart, lo: number, hi: number, raw: Uint8Array): number {
  expect(p.raw).toBe(raw);
  expect(lo <= p.headerStart && p.headerStart <= p.headerEnd && p.headerEnd <= p.bodyStart).toBe(true);
  expect(p.bodyStart <= p.bodyEnd && p.bodyEnd <= hi).toBe(true);
  expect(p.size).toBe(p.bodyEnd - p.bodyStart);
  for (const f of p.header) expect(p.headerStart <= f.start && f.start < f.end && f.end <= p.bodyStart).toBe(true);
  let count = 1;
  let prev = p.bodyStart;
  for (const c of p.parts) {
    expect(c.headerStart).toBeGreaterThanOrEqual(prev);
    count += checkBounds(c, p.bodyStart, p.bodyEnd, raw);
    prev = c.bodyEnd;
  }
  if (p.message) count += checkBounds(p.message, p.bodyStart, p.bodyEnd, raw);
  return count;
}

function exercise(raw: Uint8Array): void {
  const root = parseMessage(raw);
  checkBounds(root, 0, raw.length, raw);
  expect(root.headerStart).toBe(0);
  expect(root.bodyEnd).toBe(raw.length);
  envelope(root);
  bodyStructure(root);
  searchableText(raw, root);
  headerValues(root, 'subject');
  for (const path of [[], [1], [2], [1, 1], [1, 2, 1], [2, 1]]) {
    const part = findPart(root, path);
    for (const text of [undefined, 'HEADER', 'TEXT', 'MIME', 'HEADER.FIELDS', 'HEADER.FIELDS.NOT'] as const) {
      const bytes = sectionBytes(raw, root, { path, text, fields: ['subject', 'FROM'] });
      if (part === null) expect(bytes).toBeNull();
      if (bytes && text === undefined && path.length === 0) expect(bytes.length).toBe(raw.length);
    }
    if (part) headerFieldsBytes(part, ['content-type'], true);
  }
}

/** Lines that steer the parser into its interesting paths. */
const LINE = fc.oneof(
  fc.constantFrom(
    'Content-Type: multipart/mixed; boundary=b', 'Content-Type: multipart/alternative; boundary="c"',
    'Content-Type: multipart/digest; boundary=b', 'Content-Type: message/rfc822', 'Content-Type: text/plain; charset=utf-8',
    'Content-Type: multipart/mixed', 'Content-Transfer-Encoding: base64', 'Content-Transfer-Encoding: quoted-printable',
    "Content-Disposition: attachment; filename*0*=utf-8''a%20; filename*1=b", 'Content-Language: en, (x) de',
    'From: "A" <a@b>, Group: c@d;', 'To: <@r:x@y>, (c) z', 'Subject: =?utf-8?q?x?= =?utf-8?b?eQ==?=',
    'Date: Mon, 1 Jan 2024 10:00:00 +0000', '--b', '--b--', '--c', '--c--', '', ' folded', '\tfolded', 'body text', ':',
    '=?', '"', '(', '<', 'Content-Type: ;;;=== "', 'Content-Type: text/plain; a*=x\'y', 'Content-Type: a/b; c="d\\',
  ),
  fc.string({ maxLength: 30 }),
);

const EOL = fc.constantFrom('\r\n', '\n', '\r', '');

describe('parseMessage never throws and keeps offsets in bounds', () => {
  it('random octets', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 2000 }), (raw) => exercise(raw)), { numRuns: 500 });
  });

  it('random MIME-shaped messages with mixed line endings', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(LINE, EOL), { maxLength: 60 }), (lines) => {
        exercise(new TextEncoder().encode(lines.map(([l, e]) => l + e).join('')));
      }),
      { numRuns: 1000 },
    );
  });

  it('every prefix of a well-formed nested message', () => {
    const text = [
      'Subject: s', 'Content-Type: multipart/mixed; boundary=b', '', '--b', 'Content-Type: message/rfc822', '',
      'Content-Type: multipart/alternative; boundary=c', '', '--c', '', 'x', '--c--', '--b', '', 'y', '--b--', '',
    ].join('\r\n');
    const raw = new TextEncoder().encode(text);
    for (let i = 0; i <= raw.length; i++) exercise(raw.subarray(0, i).slice());
  });
});

describe('string parsers never throw', () => {
  it('addresses, encoded words, dates', () => {
    const text = fc.oneof(fc.string({ maxLength: 80 }), fc.array(LINE, { maxLength: 5 }).map((l) => l.join(' ')));
    fc.assert(
      fc.property(text, (t) => {
        for (const a of parseAddressList(t)) expect(a.mailbox !== null || a.host === null).toBe(true);
        expect(typeof decodeEncodedWords(t)).toBe('string');
        const d = parseDate(t);
        expect(d === null || Number.isFinite(d)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('decoders never throw', () => {
  it('any octets in any transfer encoding and charset', () => {
    const encoding = fc.constantFrom('base64', 'quoted-printable', '7bit', 'x-unknown', 'BASE64');
    const charset = fc.constantFrom('utf-8', 'us-ascii', 'iso-8859-1', 'windows-1252', 'iso-2022-jp', 'shift_jis', 'nonsense', '');
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), encoding, charset, (bytes, e, c) => {
        const decoded = decodeBody(bytes, e);
        if (decoded) {
          expect(decoded.length).toBeLessThanOrEqual(bytes.length);
          expect(typeof decodeCharset(decoded, c)).toBe('string');
        } else expect(e).toBe('x-unknown');
      }),
      { numRuns: 500 },
    );
  });
});
