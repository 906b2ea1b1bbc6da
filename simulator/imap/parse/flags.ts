/** RFC 9051 §2.3.2 flags as they appear in STORE and APPEND (RFC 9051 §9 flag, flag-list). */
import type { Flag } from './ast.ts';
import { Cursor, SyntaxFault } from './lexer.ts';

/** System flags keep one spelling however the client cased them (RFC 9051 §9 note 1). */
const SYSTEM_FLAGS = ['\\Answered', '\\Flagged', '\\Deleted', '\\Seen', '\\Draft', '\\Recent'];
const CANONICAL = new Map(SYSTEM_FLAGS.map((f) => [f.toUpperCase(), f]));

/** RFC 9051 §9 flag = system flag / flag-keyword (atom) / flag-extension ("\" atom). */
export function parseFlag(c: Cursor): Flag {
  if (c.accept(0x5c)) {
    if (c.peek() === 0x2a) throw new SyntaxFault('"\\*" only appears in PERMANENTFLAGS; it is not a flag to set');
    const name = `\\${c.atom('a flag name after "\\", as in \\Seen')}`;
    return CANONICAL.get(name.toUpperCase()) ?? name;
  }
  return c.atom('a flag such as \\Seen or a keyword');
}

/** RFC 9051 §9 flag-list = "(" [flag *(SP flag)] ")". */
export function parseFlagList(c: Cursor): Flag[] {
  c.expectByte(0x28, 'a parenthesised flag list, as in (\\Seen \\Flagged)');
  const flags: Flag[] = [];
  if (c.accept(0x29)) return flags;
  do flags.push(parseFlag(c));
  while (c.accept(0x20));
  c.expectByte(0x29, 'a closing parenthesis after the flags');
  return flags;
}
