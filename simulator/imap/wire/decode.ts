/**
 * Reads IMAP data values back from octets (RFC 9051 §4): the other direction of `encodeValue`,
 * for clients and for checking what the server wrote. Atoms may carry a bracketed part, as in
 * `BODY[HEADER.FIELDS (From)]<0>` or `[UIDNEXT 4]`, and "]" as astrings allow (RFC 9051 §9 ASTRING-CHAR).
 */
import { latin1Text } from '../../wire/bytes.ts';
import { Cursor, SyntaxFault, text } from '../parse/lexer.ts';
import type { ImapValue } from './value.ts';

const MAX_DEPTH = 100;

const isAtomish = (b: number): boolean => b > 0x20 && b < 0x7f && !'()"{'.includes(String.fromCharCode(b));

function bracketed(c: Cursor): void {
  // An atom's [...] may hold spaces and parentheses: take it whole, up to the matching "]".
  let depth = 0;
  do {
    const b = c.peek();
    if (b === undefined || b === 0x0d || b === 0x0a) c.fail('"]"');
    if (b === 0x5b) depth++;
    if (b === 0x5d) depth--;
    c.pos++;
  } while (depth > 0);
}

function atom(c: Cursor): ImapValue {
  const start = c.pos;
  while (!c.atEnd()) {
    const b = c.peek()!;
    if (b === 0x5b) bracketed(c);
    else if (isAtomish(b)) c.pos++;
    else break;
  }
  if (c.pos === start) c.fail('an IMAP value');
  const word = latin1Text(c.buf.subarray(start, c.pos));
  if (word.toUpperCase() === 'NIL') return null;
  if (/^\d+$/.test(word) && Number.isSafeInteger(Number(word))) return Number(word);
  return { atom: word };
}

function value(c: Cursor, depth: number): ImapValue {
  if (depth > MAX_DEPTH) throw new SyntaxFault('lists nested too deep');
  const b = c.peek();
  if (b === 0x22) return text(c.quoted(), 'a quoted string');
  if (b === 0x7b || (b === 0x7e && c.peek(1) === 0x7b)) {
    const { bytes, binary } = c.literalWithKind('string', true);
    return binary ? { literal: bytes.slice(), binary } : { literal: bytes.slice() };
  }
  if (b === 0x28) {
    c.pos++;
    const items: ImapValue[] = [];
    while (!c.accept(0x29)) {
      if (items.length) c.sp('a list item');
      items.push(value(c, depth + 1));
    }
    return items;
  }
  return atom(c);
}

/** Space-separated values up to the end of `bytes` (one response line without its CRLF). */
export function decodeValues(bytes: Uint8Array): ImapValue[] | { error: string } {
  const c = new Cursor(bytes);
  const out: ImapValue[] = [];
  try {
    while (!c.atEnd()) {
      if (out.length) c.sp('a value');
      out.push(value(c, 0));
    }
    return out;
  } catch (e) {
    if (e instanceof SyntaxFault) return { error: e.message };
    throw e;
  }
}
