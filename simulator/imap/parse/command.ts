/**
 * One complete command's bytes → `ImapCommand` or a BAD (RFC 9051 §2.2.1, §9 command).
 * The reader also calls this on a command whose last literal has not arrived, to learn whether
 * the literal is wanted before asking the client for it (RFC 9051 §7.6). Each verb's grammar is
 * its command file's (`parse` in its spec), gathered by the registry.
 */
import { type ImapCommand, PARSERS } from '../registry.ts';
import type { ParseBad } from './ast.ts';
import { Cursor, type LiteralNeed, type LiteralPurpose, SyntaxFault, isAstringChar } from './lexer.ts';
import type { NameOptions } from './mailbox.ts';
import { latin1Text } from '../../wire/bytes.ts';

export type ParseOptions = NameOptions;

/** The command so far is valid and its next literal is wanted. */
export interface LiteralWanted {
  kind: 'literal';
  tag: string;
  verb: string;
  size: number;
  sync: boolean;
  binary: boolean;
  purpose: LiteralPurpose;
}

export type ParseOutcome = { kind: 'command'; command: ImapCommand } | ParseBad | LiteralWanted;

/** Every verb the parser knows (UID counts as one: its commands are FETCH etc. with uid set). */
export const KNOWN_VERBS: readonly string[] = Object.keys(PARSERS);

/** RFC 9051 §9 tag = 1*<any ASTRING-CHAR except "+">. */
const isTagChar = (b: number): boolean => isAstringChar(b) && b !== 0x2b;

function readTag(c: Cursor): string | null {
  const start = c.pos;
  while (!c.atEnd() && isTagChar(c.buf[c.pos]!)) c.pos++;
  if (c.pos === start) return null;
  return latin1Text(c.buf.subarray(start, c.pos));
}

/**
 * Messages quote what the client sent, which may hold any octet (from a literal); the reply
 * text must stay one line of US-ASCII (RFC 9051 §9 text = 1*TEXT-CHAR).
 */
export function printable(message: string): string {
  return message.replace(/[^\x20-\x7e]/g, '?');
}

function bad(tag: string, message: string): ParseBad {
  return { kind: 'bad', tag, message: printable(message) };
}

/** A learner's first mistake: `LOGIN alice pw` with no tag reads "LOGIN" as the tag. */
function missingTagHint(tag: string): string {
  return PARSERS[tag.toUpperCase()] ? ` (every command starts with a tag: try "a1 ${tag} ...")` : '';
}

/**
 * @param pendingAt offset where an announced literal's octets would start, when they have not
 *   been read yet (see `Cursor`), else -1.
 */
export function parseCommand(buf: Uint8Array, opts: ParseOptions, pendingAt = -1): ParseOutcome {
  const c = new Cursor(buf, pendingAt);
  const tag = readTag(c);
  if (tag === null) {
    if (c.atEnd()) return bad('*', 'empty command line: expected a tag, then a command, as in "a1 NOOP"');
    return bad('*', `expected a tag (such as a1) at the start of the line, got ${c.describeHere()}`);
  }
  let verb = '';
  try {
    c.sp('the tag');
    verb = c.keyword('a command name such as NOOP');
    const parser = PARSERS[verb];
    if (!parser) return bad(tag, `unknown command "${verb}"${missingTagHint(tag)}`);
    const command = parser(c, tag, opts);
    if (c.needed) return literalNeeded(tag, verb, c.needed);
    c.end();
    return { kind: 'command', command };
  } catch (e) {
    if (!(e instanceof SyntaxFault)) throw e;
    // Past the pending literal the parser only saw the end of the buffer: the need is the answer.
    if (c.needed) return literalNeeded(tag, verb, c.needed);
    return bad(tag, verb ? `${verb}: ${e.message}` : e.message + missingTagHint(tag));
  }
}

function literalNeeded(tag: string, verb: string, { size, sync, binary, purpose }: LiteralNeed): ParseOutcome {
  return { kind: 'literal', tag, verb, size, sync, binary, purpose };
}
