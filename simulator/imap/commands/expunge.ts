import { rfc } from '../../fsm.ts';
import { COMMAND_STATES } from '../state.ts';
import type { ImapCommandSpec } from './command.ts';
import { done } from '../effects.ts';
import { Code, no, ok } from '../responses.ts';

/**
 * @rfc 9051#6.4.3 EXPUNGE: "permanently removes all messages that have the \Deleted flag set
 * from the currently selected mailbox. Before returning an OK to the client, an untagged
 * EXPUNGE response is sent for each message that is removed."
 * @rfc 4315#2.1 UID EXPUNGE: only those of the given UIDs that have \Deleted (RFC 9051 §6.4.9).
 */
export const EXPUNGE: ImapCommandSpec<'EXPUNGE'> = {
  name: 'EXPUNGE',
  verb: 'EXPUNGE',
  states: COMMAND_STATES.EXPUNGE,
  summary: 'Remove the \\Deleted messages and say which',
  syntax: 'EXPUNGE | UID EXPUNGE uid-set',
  rfc: rfc(9051, '6.4.3'),
  handle(s, cmd) {
    const view = s.selected;
    if (view.readOnly) return [done(no('The mailbox is read-only (EXAMINE): nothing can be expunged', Code.READ_ONLY))];
    const candidates = cmd.set ? view.byUid(cmd.set) : view.all();
    const doomed = candidates.filter((m) => m.flags.has('\\Deleted')).map((m) => m.uid);
    // The store announces the removal; the server then sends the EXPUNGE responses (§7.5.1).
    if (doomed.length) s.ctx.backend.expunge(s.user.address, view.mailbox.name, doomed, s.ctx.sessionId);
    return [done(ok(`${cmd.uid ? 'UID EXPUNGE' : 'EXPUNGE'} completed`))];
  },
};
