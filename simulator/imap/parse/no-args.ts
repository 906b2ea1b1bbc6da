/**
 * The grammar of the commands that take no arguments (RFC 9051 §9: "CAPABILITY", "NOOP",
 * "LOGOUT", "STARTTLS", "NAMESPACE", "IDLE", "CLOSE", "UNSELECT"; RFC 3501 "CHECK").
 */
import type { ArgParser } from './arg-parser.ts';
import type { Cmd } from './ast.ts';
import { SyntaxFault } from './lexer.ts';

export function noArgs<N extends string>(name: N): ArgParser<Cmd<N>> {
  return (c, tag) => {
    if (!c.atEnd()) {
      c.accept(0x20);
      throw new SyntaxFault(`${name} takes no arguments, got ${c.describeHere()}`);
    }
    return { tag, name };
  };
}
