import { rfc } from '../../fsm.ts';
import type { ImapCommandSpec } from './command.ts';
import type { ArgParser } from '../parse/arg-parser.ts';
import type { Cmd } from '../parse/ast.ts';
import type { Cursor } from '../parse/lexer.ts';
import { parseMailbox } from '../parse/mailbox.ts';
import { done } from '../effects.ts';
import { newNameProblem } from '../mailbox-name.ts';
import type { SpecialUse } from '../../store/types.ts';
import { no, ok, storeRefusal } from '../responses.ts';

/** RFC 6154 §2 attributes a new mailbox may take here (\All and \Flagged are virtual views we lack). */
const CREATABLE_USES: readonly SpecialUse[] = ['\\Archive', '\\Drafts', '\\Junk', '\\Sent', '\\Trash'];

export type CreateCommand = Cmd<'CREATE', { mailbox: string; specialUse: string[] }>; // RFC 6154 §3 CREATE-SPECIAL-USE

/**
 * RFC 6154 §3 CREATE-SPECIAL-USE: CREATE name (USE (\Drafts)).
 * @rfc 6154#3
 */
function createParams(c: Cursor): string[] {
  if (!c.accept(0x20)) return [];
  c.expectByte(0x28, '(USE (...)) or end of line');
  if (!c.acceptWord('USE')) c.fail('USE');
  c.sp('USE');
  c.expectByte(0x28, 'a parenthesised list of special-use attributes');
  const uses: string[] = [];
  do {
    c.expectByte(0x5c, 'a special-use attribute such as \\Drafts');
    uses.push(`\\${c.atom('a special-use attribute name')}`);
  } while (c.accept(0x20));
  c.expectByte(0x29, 'a closing parenthesis after the special-use attributes');
  c.expectByte(0x29, 'a closing parenthesis after USE (...)');
  return uses;
}

/** RFC 9051 §6.3.4 create = "CREATE" SP mailbox [create-params] (RFC 4466). */
const parse: ArgParser<CreateCommand> = (c, tag, opts) => {
  c.sp('CREATE');
  const mailbox = parseMailbox(c, opts);
  const specialUse = createParams(c);
  c.end();
  return { tag, name: 'CREATE', mailbox, specialUse };
};

/**
 * @rfc 9051#6.3.4 CREATE: superior names are created as needed; "It is an error to attempt to
 * create INBOX or a mailbox with a name that refers to an extant mailbox" → NO [ALREADYEXISTS].
 * RFC 6154 §3 CREATE-SPECIAL-USE: an attribute the server cannot give is NO [USEATTR].
 */
export const CREATE: ImapCommandSpec<CreateCommand> = {
  name: 'CREATE',
  verb: 'CREATE',
  order: 110,
  states: ['authenticated', 'selected'], // RFC 9051 §6.3; §6.4: also valid in the selected state
  summary: 'Make a mailbox',
  syntax: 'CREATE mailbox [(USE (\\Sent))]',
  rfc: rfc(9051, '6.3.4'),
  parse,
  handle(s, cmd) {
    const bad = newNameProblem(cmd.mailbox);
    if (bad) return [done(bad)];
    const use = cmd.specialUse[0] ?? null;
    if (cmd.specialUse.length > 1) return [done(no('Give a mailbox at most one special-use attribute', 'USEATTR'))];
    const known = CREATABLE_USES.find((u) => u.toLowerCase() === use?.toLowerCase()) ?? null;
    if (use !== null && !known) return [done(no(`${use} cannot be given to a new mailbox here`, 'USEATTR'))];
    const made = s.ctx.backend.createMailbox(s.user.address, cmd.mailbox, known, s.ctx.sessionId);
    if (!made.ok) return [done(storeRefusal(made.error, made.message))];
    return [done(ok('CREATE completed'))];
  },
};
