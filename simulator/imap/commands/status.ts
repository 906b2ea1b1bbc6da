import { rfc } from '../../fsm.ts';
import { COMMAND_STATES } from '../state.ts';
import type { ImapCommandSpec } from './command.ts';
import { done, untagged } from '../effects.ts';
import { mailboxName } from '../encode.ts';
import { statusValues } from '../mailbox-status.ts';
import { Code, no, ok } from '../responses.ts';

/**
 * @rfc 9051#6.3.11 STATUS: "The STATUS command requests the status of the indicated mailbox.
 * It does not change the currently selected mailbox."
 */
export const STATUS: ImapCommandSpec<'STATUS'> = {
  name: 'STATUS',
  verb: 'STATUS',
  states: COMMAND_STATES.STATUS,
  summary: 'Count the messages of a mailbox without opening it',
  syntax: 'STATUS mailbox (MESSAGES UIDNEXT UIDVALIDITY UNSEEN DELETED SIZE [RECENT])',
  rfc: rfc(9051, '6.3.11'),
  handle(s, cmd) {
    const box = s.user.mailbox(cmd.mailbox);
    if (!box) return [done(no(`Mailbox ${cmd.mailbox} does not exist`, Code.NONEXISTENT))];
    return [untagged('STATUS ', ...mailboxName(box.name, s.strings), ` (${statusValues(box, cmd.items, s.view)})`), done(ok('STATUS completed'))];
  },
};
