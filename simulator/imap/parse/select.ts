/** SELECT and EXAMINE share one grammar (RFC 9051 §9 select / examine = verb SP mailbox [select-params]). */
import type { ArgParser } from './arg-parser.ts';
import type { Cmd } from './ast.ts';
import type { Cursor } from './lexer.ts';
import { parseMailbox } from './mailbox.ts';

/** params are select-param names upper-cased (e.g. CONDSTORE); none are implemented yet. */
export type OpenCommand<N extends 'SELECT' | 'EXAMINE'> = Cmd<N, { mailbox: string; params: string[] }>;

/** Optional parenthesised atoms after SELECT/EXAMINE (RFC 4466 select-params). */
function selectParams(c: Cursor): string[] {
  if (!c.accept(0x20)) return [];
  c.expectByte(0x28, 'a parenthesised list of SELECT parameters or end of line');
  const params: string[] = [];
  do params.push(c.keyword('a SELECT parameter such as CONDSTORE'));
  while (c.accept(0x20));
  c.expectByte(0x29, 'a closing parenthesis after the SELECT parameters');
  return params;
}

export const openArgs =
  <N extends 'SELECT' | 'EXAMINE'>(name: N): ArgParser<OpenCommand<N>> =>
  (c, tag, opts) => {
    c.sp(name);
    const mailbox = parseMailbox(c, opts);
    const params = selectParams(c);
    c.end();
    return { tag, name, mailbox, params };
  };
