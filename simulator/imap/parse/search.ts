/** RFC 9051 §6.4.4 SEARCH: CHARSET, RETURN options (RFC 4731 ESEARCH) and the search-key tree. */
import type {
  SearchDateKey,
  SearchFlagKey,
  SearchKey,
  SearchReturnOption,
  SearchTextKey,
} from './ast.ts';
import { parseDate } from './dates.ts';
import { Cursor, SyntaxFault, text } from './lexer.ts';
import { parseSequenceSet } from './sequence-set.ts';
import { latin1Text } from '../../wire/bytes.ts';

const FLAG_KEYS = new Set<string>([
  'ALL', 'ANSWERED', 'DELETED', 'DRAFT', 'FLAGGED', 'SEEN', 'UNANSWERED', 'UNDELETED',
  'UNDRAFT', 'UNFLAGGED', 'UNSEEN', 'NEW', 'OLD', 'RECENT',
] satisfies SearchFlagKey[]);
const TEXT_KEYS = new Set<string>(['BCC', 'BODY', 'CC', 'FROM', 'SUBJECT', 'TEXT', 'TO'] satisfies SearchTextKey[]);
const DATE_KEYS = new Set<string>([
  'BEFORE', 'ON', 'SINCE', 'SENTBEFORE', 'SENTON', 'SENTSINCE',
] satisfies SearchDateKey[]);
const RETURN_OPTIONS = new Set<string>(['MIN', 'MAX', 'ALL', 'COUNT', 'SAVE'] satisfies SearchReturnOption[]);

/** Deeper nesting than this is an attack, not a search (bounds the parser's stack). */
const MAX_DEPTH = 100;

/** The charsets whose strings are UTF-8 bytes (RFC 9051 §6.4.4: US-ASCII and UTF-8 MUST be supported). */
export function isUtf8Charset(charset: string | null): boolean {
  return charset === null || charset === 'UTF-8' || charset === 'US-ASCII';
}

interface SearchContext {
  charset: string | null;
}

function searchString(c: Cursor, ctx: SearchContext, what: string): string {
  const bytes = c.astringBytes(what);
  // An unknown charset gets NO [BADCHARSET] from the server; keep the octets readable till then.
  return isUtf8Charset(ctx.charset) ? text(bytes, what) : latin1Text(bytes);
}

function keyArgument(c: Cursor, name: string, ctx: SearchContext, depth: number): SearchKey {
  if (TEXT_KEYS.has(name)) {
    c.sp(name);
    return { key: name as SearchTextKey, value: searchString(c, ctx, `the string to search ${name} for`) };
  }
  if (DATE_KEYS.has(name)) {
    c.sp(name);
    return { key: name as SearchDateKey, date: parseDate(c) };
  }
  switch (name) {
    case 'KEYWORD':
    case 'UNKEYWORD':
      c.sp(name);
      return { key: name, flag: c.atom(`a keyword after ${name}`) };
    case 'HEADER': {
      c.sp(name);
      const field = c.astring('a header field name after HEADER');
      c.sp('the header field name');
      return { key: 'HEADER', field, value: searchString(c, ctx, `the string to search ${field} for`) };
    }
    case 'LARGER':
    case 'SMALLER':
      c.sp(name);
      return { key: name, size: c.number(`a size in octets after ${name}`) };
    case 'UID':
      c.sp(name);
      return { key: 'UID', set: parseSequenceSet(c) };
    case 'NOT':
      c.sp(name);
      return { key: 'NOT', operand: parseSearchKey(c, ctx, depth + 1) };
    case 'OR': {
      c.sp(name);
      const left = parseSearchKey(c, ctx, depth + 1);
      c.sp('the first OR operand');
      return { key: 'OR', left, right: parseSearchKey(c, ctx, depth + 1) };
    }
  }
  throw new SyntaxFault(`unknown search key "${name}"`);
}

export function parseSearchKey(c: Cursor, ctx: SearchContext, depth = 0): SearchKey {
  if (depth > MAX_DEPTH) throw new SyntaxFault(`search keys nested more than ${MAX_DEPTH} deep`);
  const b = c.peek();
  if (b === 0x28) {
    c.pos++;
    const operands = parseKeyList(c, ctx, depth + 1);
    c.expectByte(0x29, 'a closing parenthesis or a space and another search key');
    return { key: 'AND', operands };
  }
  if (b !== undefined && ((b >= 0x31 && b <= 0x39) || b === 0x2a || b === 0x24)) {
    return { key: 'SEQUENCE', set: parseSequenceSet(c) };
  }
  const name = c.keyword('a search key (ALL, SEEN, FROM "x", 1:5, ...)');
  if (FLAG_KEYS.has(name)) return { key: name as SearchFlagKey };
  return keyArgument(c, name, ctx, depth);
}

function parseKeyList(c: Cursor, ctx: SearchContext, depth: number): SearchKey[] {
  const keys = [parseSearchKey(c, ctx, depth)];
  while (c.peek() === 0x20) {
    c.pos++;
    keys.push(parseSearchKey(c, ctx, depth));
  }
  return keys;
}

/** RFC 9051 §9 search-return-opts: `RETURN (MIN MAX ...)`. */
function parseReturn(c: Cursor): SearchReturnOption[] {
  c.sp('RETURN');
  c.expectByte(0x28, 'a parenthesised list of return options after RETURN');
  const options: SearchReturnOption[] = [];
  while (!c.accept(0x29)) {
    if (options.length) c.sp('a return option');
    const opt = c.keyword('a return option (MIN, MAX, ALL, COUNT, SAVE)');
    if (!RETURN_OPTIONS.has(opt)) throw new SyntaxFault(`unknown SEARCH return option "${opt}"`);
    if (!options.includes(opt as SearchReturnOption)) options.push(opt as SearchReturnOption);
  }
  return options;
}

export interface SearchArgs {
  charset: string | null;
  returns: SearchReturnOption[] | null;
  criteria: SearchKey[];
}

/**
 * RFC 9051 §9 search = "SEARCH" [search-return-opts] SP search-program. Cursor is after "SEARCH".
 * @rfc 9051#6.4.4 @rfc 3501#6.4.4
 */
export function parseSearchArgs(c: Cursor): SearchArgs {
  c.sp('SEARCH');
  let returns: SearchReturnOption[] | null = null;
  if (c.acceptWord('RETURN')) {
    returns = parseReturn(c);
    c.sp('the return options');
  }
  let charset: string | null = null;
  if (c.acceptWord('CHARSET')) {
    c.sp('CHARSET');
    charset = c.astring('a charset name such as UTF-8').toUpperCase();
    c.sp('the charset');
  }
  const criteria = parseKeyList(c, { charset }, 0);
  c.end();
  return { charset, returns, criteria };
}
