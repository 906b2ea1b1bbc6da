/**
 * A command's argument grammar (RFC 9051 §9 command-any / -auth / -nonauth / -select): it runs
 * with the cursor just after the verb, reads to the end of the line (and the literals in it) and
 * returns the command's shape, or throws a SyntaxFault saying what it expected. Each command file
 * holds its own (commands/<verb>.ts `parse`); the grammar several share lives here in parse/.
 */
import type { Cursor } from './lexer.ts';
import type { NameOptions } from './mailbox.ts';

export type ArgParser<C> = (c: Cursor, tag: string, opts: NameOptions) => C;
