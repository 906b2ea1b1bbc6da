import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { latin1Bytes, utf8Bytes } from '../wire/bytes.ts';
import { fieldsNamed, isNamed, parseHeaderBlock } from './header.ts';

const HEADER = [
  'From: a@example.org',
  'SUBJECT: first',
  'Subject : obsolete space before the colon',
  'subject: folded',
  '\tover two lines',
  'X-Subject: not it',
  'Subject: Grüße',
  '',
  'Subject: in the body, not a field',
  '',
].join('\r\n');

describe('fieldsNamed', () => {
  it('finds the fields of that name in any case, unfolded, as parseHeaderBlock gives them, and none in the body', () => {
    const raw = utf8Bytes(HEADER);
    const all = parseHeaderBlock(raw, 0, raw.length).fields;
    const subjects = fieldsNamed(raw, 'subject');
    expect(subjects.map((f) => f.value)).toEqual(['first', 'obsolete space before the colon', 'folded\tover two lines', 'Grüße']);
    expect(subjects).toEqual(all.filter((f) => f.name.toLowerCase() === 'subject'));
    expect(fieldsNamed(raw, 'X-SUBJECT').map((f) => f.value)).toEqual(['not it']);
    expect(fieldsNamed(raw, 'date')).toEqual([]);
    expect(fieldsNamed(raw, 'subjec')).toEqual([]);
  });

  it('agrees with parseHeaderBlock on any header octets, Latin-1 and UTF-8 included', () => {
    const line = fc.oneof(
      fc.constantFrom('Subject: a', 'subject:b', 'To: x', ' folded', '\tmore', '', 'no colon here', 'Sübject: x', 'Subject: caf\u00e9'),
      fc.stringMatching(/^[ -~]{0,20}$/),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), fc.boolean(), fc.constantFrom('subject', 'TO', 'x', 'Sübject'), (lines, latin1, name) => {
        const text = lines.join('\r\n');
        const raw = latin1 ? latin1Bytes(text) : utf8Bytes(text);
        const all = parseHeaderBlock(raw, 0, raw.length).fields;
        expect(fieldsNamed(raw, name)).toEqual(all.filter((f) => isNamed(f, name)));
      }),
    );
  });

  it('isNamed compares ASCII letters without case and nothing else (no Unicode case folding)', () => {
    const field = { name: 'Subject', value: '', start: 0, end: 0 };
    expect(isNamed(field, 'SUBJECT')).toBe(true);
    expect(isNamed(field, 'subject')).toBe(true);
    expect(isNamed(field, 'Subjec')).toBe(false);
    expect(isNamed({ ...field, name: 'K' }, '\u212a')).toBe(false); // KELVIN SIGN lower-cases to "k"
    expect(isNamed({ ...field, name: 'X-A' }, 'x-a')).toBe(true);
    expect(isNamed({ ...field, name: 'X[A' }, 'x{a')).toBe(false); // "[" | 0x20 is "{": not a letter
  });
});
