import { rfc } from '../../fsm.ts';
import type { ImapCommandSpec } from './command.ts';
import type { ArgParser } from '../parse/arg-parser.ts';
import type { Cmd } from '../parse/ast.ts';
import { parseMailbox } from '../parse/mailbox.ts';
import { done } from '../effects.ts';
import { newNameProblem } from '../mailbox-name.ts';
import { ok, storeRefusal } from '../responses.ts';

export type RenameCommand = Cmd<'RENAME', { from: string; to: string }>;

/** RFC 9051 §6.3.6 rename = "RENAME" SP mailbox SP mailbox. */
const parse: ArgParser<RenameCommand> = (c, tag, opts) => {
  c.sp('RENAME');
  const from = parseMailbox(c, opts, 'the existing mailbox name');
  c.sp('the existing mailbox name');
  const to = parseMailbox(c, opts, 'the new mailbox name');
  c.end();
  return { tag, name: 'RENAME', from, to };
};

/**
 * @rfc 9051#6.3.6 RENAME: inferiors move along; renaming INBOX moves its messages to the new
 * mailbox and leaves INBOX empty. An existing target is NO [ALREADYEXISTS].
 */
export const RENAME: ImapCommandSpec<RenameCommand> = {
  name: 'RENAME',
  verb: 'RENAME',
  order: 130,
  states: ['authenticated', 'selected'], // RFC 9051 §6.3; §6.4: also valid in the selected state
  summary: 'Give a mailbox a new name',
  syntax: 'RENAME existing-mailbox new-mailbox',
  rfc: rfc(9051, '6.3.6'),
  parse,
  handle(s, cmd) {
    const bad = newNameProblem(cmd.to);
    if (bad) return [done(bad)];
    const renamed = s.ctx.backend.renameMailbox(s.user.address, cmd.from, cmd.to, s.ctx.sessionId);
    if (!renamed.ok) return [done(storeRefusal(renamed.error, renamed.message))];
    return [done(ok('RENAME completed'))];
  },
};
