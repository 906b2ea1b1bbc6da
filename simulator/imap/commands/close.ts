import { rfc } from '../../fsm.ts';
import type { ImapCommandSpec } from './command.ts';
import type { Cmd } from '../parse/ast.ts';
import { noArgs } from '../parse/no-args.ts';
import { done, enter } from '../effects.ts';
import { ok } from '../responses.ts';

export type CloseCommand = Cmd<'CLOSE'>;

/**
 * @rfc 9051#6.4.1 CLOSE: "permanently removes all messages that have the \Deleted flag set from
 * the currently selected mailbox, and it returns to the authenticated state ... No messages are
 * removed, and no error is given, if the mailbox is selected by an EXAMINE command or is
 * otherwise selected as read-only." No untagged EXPUNGE responses are sent.
 */
export const CLOSE: ImapCommandSpec<CloseCommand> = {
  name: 'CLOSE',
  verb: 'CLOSE',
  order: 230,
  states: ['selected'], // RFC 9051 §6.4
  summary: 'Remove \\Deleted messages silently and leave the mailbox',
  syntax: 'CLOSE',
  rfc: rfc(9051, '6.4.1'),
  parse: noArgs('CLOSE'),
  handle(s) {
    const view = s.selected;
    if (!view.readOnly) {
      const doomed = view.all().filter((m) => m.flags.has('\\Deleted')).map((m) => m.uid);
      if (doomed.length) s.ctx.backend.expunge(s.user.address, view.mailbox.name, doomed, s.ctx.sessionId);
    }
    s.dropView();
    return [enter('CLOSE'), done(ok('CLOSE completed'))];
  },
};
