import { rfc } from '../../fsm.ts';
import { COMMAND_STATES } from '../state.ts';
import type { ImapCommandSpec } from './command.ts';
import { done } from '../effects.ts';
import { newNameProblem } from '../mailbox-name.ts';
import { ok, storeRefusal } from '../responses.ts';

/**
 * @rfc 9051#6.3.6 RENAME: inferiors move along; renaming INBOX moves its messages to the new
 * mailbox and leaves INBOX empty. An existing target is NO [ALREADYEXISTS].
 */
export const RENAME: ImapCommandSpec<'RENAME'> = {
  name: 'RENAME',
  verb: 'RENAME',
  states: COMMAND_STATES.RENAME,
  summary: 'Give a mailbox a new name',
  syntax: 'RENAME existing-mailbox new-mailbox',
  rfc: rfc(9051, '6.3.6'),
  handle(s, cmd) {
    const bad = newNameProblem(cmd.to);
    if (bad) return [done(bad)];
    const renamed = s.ctx.backend.renameMailbox(s.user.address, cmd.from, cmd.to, s.ctx.sessionId);
    if (!renamed.ok) return [done(storeRefusal(renamed.error, renamed.message))];
    return [done(ok('RENAME completed'))];
  },
};
