/**
 * How a FETCH data item is named in the FETCH response (RFC 9051 §7.5.2): `.PEEK` dropped,
 * a partial shown by its origin only (`BODY[]<0>`), header field names as the client sent them.
 */
import type { FetchItem, Section } from '../parse/ast.ts';
import { encodeValue } from './encode.ts';
import { utf8Text } from '../../wire/bytes.ts';

/** The text between the brackets: `1.2.HEADER.FIELDS (From To)`, `TEXT`, `` for the whole message. */
export function formatSection(section: Section): string {
  const parts: string[] = [];
  if (section.path.length) parts.push(section.path.join('.'));
  if (section.text) parts.push(section.text);
  let out = parts.join('.');
  if (section.fields) out += ` (${section.fields.map((f) => utf8Text(encodeValue({ astring: f }))).join(' ')})`;
  return out;
}

export function fetchItemLabel(item: FetchItem): string {
  switch (item.item) {
    case 'BODY[]':
      return `BODY[${formatSection(item.section)}]${item.partial ? `<${item.partial.offset}>` : ''}`;
    case 'BINARY':
      return `BINARY[${item.path.join('.')}]${item.partial ? `<${item.partial.offset}>` : ''}`;
    case 'BINARY.SIZE':
      return `BINARY.SIZE[${item.path.join('.')}]`;
    default:
      return item.item;
  }
}
