/** RFC 9051 §6.4.5 FETCH data items, sections, partials, and the ALL/FAST/FULL macros. */
import type { FetchItem, Partial, Section, SimpleFetchItem } from './ast.ts';
import { Cursor, SyntaxFault } from './lexer.ts';
import { MAX_NZ_NUMBER } from './sequence-set.ts';

const SIMPLE = new Set<string>([
  'FLAGS', 'INTERNALDATE', 'RFC822.SIZE', 'ENVELOPE', 'BODYSTRUCTURE', 'BODY', 'UID',
  'RFC822', 'RFC822.HEADER', 'RFC822.TEXT',
] satisfies SimpleFetchItem[]);

const FAST: FetchItem[] = [{ item: 'FLAGS' }, { item: 'INTERNALDATE' }, { item: 'RFC822.SIZE' }];
/** RFC 9051 §6.4.5: ALL = (FLAGS INTERNALDATE RFC822.SIZE ENVELOPE), FULL adds BODY. */
const MACROS: Record<string, FetchItem[]> = {
  FAST,
  ALL: [...FAST, { item: 'ENVELOPE' }],
  FULL: [...FAST, { item: 'ENVELOPE' }, { item: 'BODY' }],
};

const isNameChar = (b: number): boolean =>
  (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || (b >= 0x30 && b <= 0x39) || b === 0x2e;

const isDigit = (b: number | undefined): boolean => b !== undefined && b >= 0x30 && b <= 0x39;

function partNumber(c: Cursor): number {
  const n = c.nzNumber('a body part number (1, 2, ...)');
  if (n > MAX_NZ_NUMBER) throw new SyntaxFault(`body part number ${n} is too large`);
  return n;
}

/** RFC 9051 §9 section-part = nz-number *("." nz-number), leaving a trailing ".TEXT" unread. */
function sectionPart(c: Cursor): number[] {
  const path = [partNumber(c)];
  while (c.peek() === 0x2e && isDigit(c.peek(1))) {
    c.pos++;
    path.push(partNumber(c));
  }
  return path;
}

/** RFC 9051 §9 header-list = "(" header-fld-name *(SP header-fld-name) ")". */
function headerList(c: Cursor, after: string): string[] {
  c.sp(after);
  c.expectByte(0x28, `a parenthesised list of header field names after ${after}`);
  const fields = [c.astring('a header field name')];
  while (c.accept(0x20)) fields.push(c.astring('a header field name'));
  c.expectByte(0x29, 'a closing parenthesis after the header field names');
  return fields;
}

function sectionText(c: Cursor, section: Section): void {
  const word = c.token(isNameChar, 'HEADER, HEADER.FIELDS, HEADER.FIELDS.NOT, TEXT or MIME').toUpperCase();
  switch (word) {
    case 'HEADER':
    case 'TEXT':
      section.text = word;
      return;
    case 'MIME':
      // RFC 9051 §6.4.5: MIME "MUST be prefixed by one or more numeric part specifiers".
      if (!section.path.length) throw new SyntaxFault('MIME needs a part number, as in BODY[1.MIME]');
      section.text = 'MIME';
      return;
    case 'HEADER.FIELDS':
    case 'HEADER.FIELDS.NOT':
      section.text = word;
      section.fields = headerList(c, word);
      return;
  }
  throw new SyntaxFault(`expected HEADER, HEADER.FIELDS, HEADER.FIELDS.NOT, TEXT or MIME in the section, got "${word}"`);
}

/** RFC 9051 §9 section = "[" [section-spec] "]". */
export function parseSection(c: Cursor): Section {
  c.expectByte(0x5b, '"[" to open the section');
  const section: Section = { path: [] };
  if (c.accept(0x5d)) return section;
  if (isDigit(c.peek())) {
    section.path = sectionPart(c);
    if (c.accept(0x2e)) sectionText(c, section);
  } else {
    sectionText(c, section);
  }
  c.expectByte(0x5d, '"]" to close the section');
  return section;
}

/** RFC 9051 §9 section-binary = "[" [section-part] "]". */
function binarySection(c: Cursor): number[] {
  c.expectByte(0x5b, '"[" to open the BINARY section');
  if (c.accept(0x5d)) return [];
  const path = sectionPart(c);
  c.expectByte(0x5d, '"]" to close the BINARY section (only part numbers are allowed)');
  return path;
}

/** RFC 9051 §9 partial = "<" number64 "." nz-number64 ">". */
function partial(c: Cursor): Partial | null {
  if (!c.accept(0x3c)) return null;
  const offset = c.number('the partial offset, as in <0.1024>');
  c.expectByte(0x2e, '"." between offset and length, as in <0.1024>');
  const length = c.nzNumber('a non-zero partial length, as in <0.1024>');
  c.expectByte(0x3e, '">" to close the partial');
  return { offset, length };
}

export function parseFetchAtt(c: Cursor): FetchItem {
  const name = c.token(isNameChar, 'a FETCH data item (FLAGS, UID, BODY[], ...)').toUpperCase();
  const bracket = c.peek() === 0x5b;
  if (bracket && (name === 'BODY' || name === 'BODY.PEEK')) {
    const section = parseSection(c);
    return { item: 'BODY[]', section, partial: partial(c), peek: name === 'BODY.PEEK' };
  }
  if (bracket && (name === 'BINARY' || name === 'BINARY.PEEK')) {
    const path = binarySection(c);
    return { item: 'BINARY', path, partial: partial(c), peek: name === 'BINARY.PEEK' };
  }
  if (bracket && name === 'BINARY.SIZE') return { item: 'BINARY.SIZE', path: binarySection(c) };
  if (!bracket && SIMPLE.has(name)) return { item: name as SimpleFetchItem };
  if (name.startsWith('BINARY') || name === 'BODY.PEEK') {
    throw new SyntaxFault(`${name} needs a section, as in ${name}[]`);
  }
  throw new SyntaxFault(`unknown FETCH data item "${name}"`);
}

/**
 * The items after the sequence set: a macro, one item, or a parenthesised list.
 * @rfc 9051#6.4.5 @rfc 3501#6.4.5
 */
export function parseFetchItems(c: Cursor): FetchItem[] {
  if (c.accept(0x28)) {
    const items = [parseFetchAtt(c)];
    while (c.accept(0x20)) items.push(parseFetchAtt(c));
    c.expectByte(0x29, 'a closing parenthesis or a space and another FETCH data item');
    return items;
  }
  for (const [macro, items] of Object.entries(MACROS)) {
    if (c.acceptWord(macro)) return items.map((i) => ({ ...i }));
  }
  return [parseFetchAtt(c)];
}
