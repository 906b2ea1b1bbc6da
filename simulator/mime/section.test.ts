import { describe, expect, it } from 'vitest';
import { parseMessage } from './parse.ts';
import { bodyBytes, findPart, headerFieldsBytes, messageBytes, sectionBytes } from './section.ts';
import type { SectionSpec } from './types.ts';
import { msg, str } from './test-support.ts';

/** The complex message of RFC 9051 §6.4.5.1, built to match its part-specifier table. */
const COMPLEX = msg([
  'From: a@example.com',
  'Subject: complex',
  'MIME-Version: 1.0',
  'Content-Type: MULTIPART/MIXED; boundary="outer"',
  '',
  'preamble',
  '--outer',
  'Content-Type: TEXT/PLAIN',
  '',
  'part 1',
  '--outer',
  'Content-Type: APPLICATION/OCTET-STREAM',
  'Content-Transfer-Encoding: base64',
  '',
  'AAEC',
  '--outer',
  'Content-Type: MESSAGE/RFC822',
  '',
  'Subject: part 3',
  'Content-Type: multipart/mixed; boundary="m3"',
  '',
  '--m3',
  'Content-Type: text/plain',
  '',
  '3.1 text',
  '--m3',
  'Content-Type: application/octet-stream',
  '',
  '3.2 data',
  '--m3--',
  '--outer',
  'Content-Type: MULTIPART/MIXED; boundary="p4"',
  '',
  '--p4',
  'Content-Type: IMAGE/GIF',
  '',
  'GIF89a',
  '--p4',
  'Content-Type: MESSAGE/RFC822',
  '',
  'Subject: part 4.2',
  'Content-Type: multipart/mixed; boundary="m42"',
  '',
  '--m42',
  'Content-Type: text/plain',
  '',
  '4.2.1 text',
  '--m42',
  'Content-Type: multipart/alternative; boundary="alt"',
  '',
  '--alt',
  'Content-Type: text/plain',
  '',
  '4.2.2.1 plain',
  '--alt',
  'Content-Type: text/richtext',
  '',
  '4.2.2.2 <bold>rich</bold>',
  '--alt--',
  '--m42--',
  '--p4--',
  '--outer--',
  'epilogue',
]);

function parseSpec(s: string): SectionSpec {
  const path: number[] = [];
  const pieces = s === '' ? [] : s.split('.');
  while (pieces.length && /^\d+$/.test(pieces[0] as string)) path.push(Number(pieces.shift()));
  const text = pieces.join('.');
  return text === '' ? { path } : { path, text: text as SectionSpec['text'] };
}

function section(s: string): string | null {
  const root = parseMessage(COMPLEX);
  return str(sectionBytes(COMPLEX, root, parseSpec(s)));
}

describe('RFC 9051 §6.4.5.1 part specifiers', () => {
  const root = parseMessage(COMPLEX);
  const types: Array<[string, string]> = [
    ['1', 'text/plain'], ['2', 'application/octet-stream'], ['3', 'message/rfc822'], ['3.1', 'text/plain'],
    ['3.2', 'application/octet-stream'], ['4', 'multipart/mixed'], ['4.1', 'image/gif'],
    ['4.2', 'message/rfc822'], ['4.2.1', 'text/plain'], ['4.2.2', 'multipart/alternative'],
    ['4.2.2.1', 'text/plain'], ['4.2.2.2', 'text/richtext'],
  ];
  it.each(types)('part %s is %s', (spec, type) => {
    const part = findPart(root, parseSpec(spec).path);
    expect(part && `${part.type}/${part.subtype}`).toBe(type);
  });

  it.each([['1', 'part 1'], ['2', 'AAEC'], ['3.1', '3.1 text'], ['3.2', '3.2 data'], ['4.1', 'GIF89a'],
    ['4.2.1', '4.2.1 text'], ['4.2.2.1', '4.2.2.1 plain'], ['4.2.2.2', '4.2.2.2 <bold>rich</bold>']])(
    'BODY[%s] is the part body without the CRLF before the boundary', (spec, body) => {
      expect(section(spec)).toBe(body);
    });

  it('HEADER and TEXT of the message and of encapsulated messages', () => {
    expect(section('HEADER')).toMatch(/^From: a@example\.com\r\n[\s\S]*boundary="outer"\r\n\r\n$/);
    expect(section('TEXT')).toMatch(/^preamble\r\n--outer\r\n[\s\S]*--outer--\r\nepilogue$/);
    expect(section('3.HEADER')).toBe('Subject: part 3\r\nContent-Type: multipart/mixed; boundary="m3"\r\n\r\n');
    expect(section('3.TEXT')).toMatch(/^--m3\r\n[\s\S]*--m3--$/);
    expect(section('4.2.HEADER')).toMatch(/^Subject: part 4\.2\r\n/);
    expect(section('4.2.TEXT')).toMatch(/^--m42\r\n[\s\S]*--m42--$/);
  });

  it('MIME headers of body parts', () => {
    expect(section('4.1.MIME')).toBe('Content-Type: IMAGE/GIF\r\n\r\n');
    expect(section('3.MIME')).toBe('Content-Type: MESSAGE/RFC822\r\n\r\n');
    expect(section('2.MIME')).toBe('Content-Type: APPLICATION/OCTET-STREAM\r\nContent-Transfer-Encoding: base64\r\n\r\n');
  });

  it('BODY[3] is the whole encapsulated message', () => {
    expect(section('3')).toMatch(/^Subject: part 3\r\n[\s\S]*--m3--$/);
  });

  it('BODY[] is the whole message', () => {
    expect(sectionBytes(COMPLEX, root, { path: [] })).toEqual(COMPLEX);
    expect(messageBytes(root)).toEqual(COMPLEX);
  });

  it('returns null for parts that do not exist or specifiers that do not apply', () => {
    for (const s of ['5', '0', '1.1', '2.1', '4.3', '4.2.2.3', '4.2.9', '1.HEADER', '4.1.TEXT', 'MIME']) {
      expect(section(s), s).toBeNull();
    }
  });

  it('HEADER.FIELDS and HEADER.FIELDS.NOT keep order, match case-insensitively, add the blank line', () => {
    expect(str(headerFieldsBytes(root, ['SUBJECT', 'from'], false))).toBe('From: a@example.com\r\nSubject: complex\r\n\r\n');
    expect(str(headerFieldsBytes(root, ['content-type', 'mime-version', 'subject'], true))).toBe('From: a@example.com\r\n\r\n');
    expect(str(headerFieldsBytes(root, ['x-missing'], false))).toBe('\r\n');
    expect(str(sectionBytes(COMPLEX, root, { path: [3], text: 'HEADER.FIELDS', fields: ['subject'] }))).toBe(
      'Subject: part 3\r\n\r\n',
    );
    expect(str(sectionBytes(COMPLEX, root, { path: [], text: 'HEADER.FIELDS.NOT', fields: ['subject'] }))).not.toContain('Subject');
  });

  it('a re-parsed copy of the octets gives the same answer', () => {
    expect(str(sectionBytes(COMPLEX.slice(), root, { path: [4, 2, 1] }))).toBe('4.2.1 text');
  });
});

describe('part numbers of non-multipart messages', () => {
  it('a plain message has only part 1: its body', () => {
    const raw = msg(['Subject: x', '', 'hello']);
    const root = parseMessage(raw);
    expect(findPart(root, [1])).toBe(root);
    expect(str(sectionBytes(raw, root, { path: [1] }))).toBe('hello');
    expect(str(sectionBytes(raw, root, { path: [1], text: 'MIME' }))).toBe('Subject: x\r\n\r\n');
    expect(findPart(root, [2])).toBeNull();
    expect(findPart(root, [1, 1])).toBeNull();
  });

  it('a top-level message/rfc822 numbers the encapsulated message below part 1', () => {
    const raw = msg(['Content-Type: message/rfc822', '', 'Subject: inner', '', 'inner body']);
    const root = parseMessage(raw);
    expect(str(sectionBytes(raw, root, { path: [1] }))).toBe('Subject: inner\r\n\r\ninner body');
    expect(str(sectionBytes(raw, root, { path: [1], text: 'HEADER' }))).toBe('Subject: inner\r\n\r\n');
    expect(str(sectionBytes(raw, root, { path: [1, 1] }))).toBe('inner body');
  });

  it('a header-only message has no blank line to add', () => {
    const raw = msg(['Subject: x', 'From: y@z']);
    const root = parseMessage(raw);
    expect(str(sectionBytes(raw, root, { path: [], text: 'HEADER' }))).toBe('Subject: x\r\nFrom: y@z');
    expect(str(headerFieldsBytes(root, ['subject'], false))).toBe('Subject: x\r\n');
    expect(bodyBytes(root).length).toBe(0);
  });
});
