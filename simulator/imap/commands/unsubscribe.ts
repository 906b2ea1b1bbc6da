import { rfc } from '../../fsm.ts';
import { COMMAND_STATES } from '../state.ts';
import type { ImapCommandSpec } from './command.ts';
import { done } from '../effects.ts';
import { Code, no, ok } from '../responses.ts';

/** @rfc 9051#6.3.8 UNSUBSCRIBE: removes the name from the subscribed set. */
export const UNSUBSCRIBE: ImapCommandSpec<'UNSUBSCRIBE'> = {
  name: 'UNSUBSCRIBE',
  verb: 'UNSUBSCRIBE',
  states: COMMAND_STATES.UNSUBSCRIBE,
  summary: 'Take a mailbox off the subscribed list',
  syntax: 'UNSUBSCRIBE mailbox',
  rfc: rfc(9051, '6.3.8'),
  handle(s, cmd) {
    const changed = s.ctx.backend.setSubscribed(s.user.address, cmd.mailbox, false);
    if (!changed.ok) return [done(no(changed.message, Code.NONEXISTENT))];
    return [done(ok('UNSUBSCRIBE completed'))];
  },
};
