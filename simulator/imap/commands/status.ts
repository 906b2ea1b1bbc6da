import { rfc } from '../../fsm.ts';
import type { ImapCommandSpec } from './command.ts';
import type { ArgParser } from '../parse/arg-parser.ts';
import type { Cmd, StatusItem } from '../parse/ast.ts';
import { parseStatusItems } from '../parse/list.ts';
import { parseMailbox } from '../parse/mailbox.ts';
import { done, untagged } from '../effects.ts';
import { mailboxName } from '../encode.ts';
import { statusValues } from '../mailbox-status.ts';
import { Code, no, ok } from '../responses.ts';

export type StatusCommand = Cmd<'STATUS', { mailbox: string; items: StatusItem[] }>;

/** RFC 9051 §6.3.11 status = "STATUS" SP mailbox SP "(" status-att *(SP status-att) ")". */
const parse: ArgParser<StatusCommand> = (c, tag, opts) => {
  c.sp('STATUS');
  const mailbox = parseMailbox(c, opts);
  c.sp('the mailbox name');
  const items = parseStatusItems(c);
  c.end();
  return { tag, name: 'STATUS', mailbox, items };
};

/**
 * @rfc 9051#6.3.11 STATUS: "The STATUS command requests the status of the indicated mailbox.
 * It does not change the currently selected mailbox."
 */
export const STATUS: ImapCommandSpec<StatusCommand> = {
  name: 'STATUS',
  verb: 'STATUS',
  order: 190,
  states: ['authenticated', 'selected'], // RFC 9051 §6.3; §6.4: also valid in the selected state
  summary: 'Count the messages of a mailbox without opening it',
  syntax: 'STATUS mailbox (MESSAGES UIDNEXT UIDVALIDITY UNSEEN DELETED SIZE [RECENT])',
  rfc: rfc(9051, '6.3.11'),
  parse,
  handle(s, cmd) {
    const box = s.user.mailbox(cmd.mailbox);
    if (!box) return [done(no(`Mailbox ${cmd.mailbox} does not exist`, Code.NONEXISTENT))];
    return [untagged('STATUS ', ...mailboxName(box.name, s.strings), ` (${statusValues(box, cmd.items, s.view)})`), done(ok('STATUS completed'))];
  },
};
