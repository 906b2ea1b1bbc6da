import { rfc } from '../../fsm.ts';
import { COMMAND_STATES } from '../state.ts';
import type { ImapCommandSpec } from './command.ts';
import { done, enter } from '../effects.ts';
import { ok } from '../responses.ts';

/**
 * @rfc 9051#6.4.1 CLOSE: "permanently removes all messages that have the \Deleted flag set from
 * the currently selected mailbox, and it returns to the authenticated state ... No messages are
 * removed, and no error is given, if the mailbox is selected by an EXAMINE command or is
 * otherwise selected as read-only." No untagged EXPUNGE responses are sent.
 */
export const CLOSE: ImapCommandSpec<'CLOSE'> = {
  name: 'CLOSE',
  verb: 'CLOSE',
  states: COMMAND_STATES.CLOSE,
  summary: 'Remove \\Deleted messages silently and leave the mailbox',
  syntax: 'CLOSE',
  rfc: rfc(9051, '6.4.1'),
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
