import { rfc } from '../../fsm.ts';
import type { ImapCommandSpec } from './command.ts';
import { type OneMailboxCommand, oneMailboxArgs } from '../parse/one-mailbox.ts';
import { done, enter, untagged } from '../effects.ts';
import { hasChildren } from '../mailbox-list.ts';
import { no, ok, storeRefusal } from '../responses.ts';

export type DeleteCommand = OneMailboxCommand<'DELETE'>;

/**
 * @rfc 9051#6.3.5 DELETE: "It is an error to attempt to delete INBOX or a mailbox name that does
 * not exist." Inferiors are never removed, and this server keeps no \Noselect placeholders: "If
 * the server implementation does not permit deleting the name while inferior hierarchical names
 * exist, then it SHOULD disallow the DELETE command by returning a tagged NO response. The NO
 * response SHOULD include the HASCHILDREN response code."
 */
export const DELETE: ImapCommandSpec<DeleteCommand> = {
  name: 'DELETE',
  verb: 'DELETE',
  order: 120,
  states: ['authenticated', 'selected'], // RFC 9051 §6.3; §6.4: also valid in the selected state
  summary: 'Remove a mailbox',
  syntax: 'DELETE mailbox',
  rfc: rfc(9051, '6.3.5'),
  parse: oneMailboxArgs('DELETE'),
  handle(s, cmd) {
    const box = s.user.mailbox(cmd.mailbox);
    if (box && box.name !== 'INBOX' && hasChildren(s.user, box)) {
      return [done(no(`Mailbox ${box.name} has child mailboxes; delete them first`, 'HASCHILDREN'))];
    }
    const selected = box !== undefined && s.view?.mailbox === box;
    const gone = s.ctx.backend.deleteMailbox(s.user.address, cmd.mailbox, s.ctx.sessionId);
    if (!gone.ok) return [done(storeRefusal(gone.error, gone.message))];
    const completed = done(ok('DELETE completed'));
    if (!selected) return [completed];
    // Deleting the selected mailbox closes it first (as Dovecot does); IMAP4rev2 clients are told.
    s.dropView();
    return s.rev2 ? [enter('DELETE'), untagged('OK [CLOSED] The selected mailbox was deleted'), completed] : [enter('DELETE'), completed];
  },
};
