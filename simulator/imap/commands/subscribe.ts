import { rfc } from '../../fsm.ts';
import { COMMAND_STATES } from '../state.ts';
import type { ImapCommandSpec } from './command.ts';
import { done } from '../effects.ts';
import { Code, no, ok } from '../responses.ts';

/** @rfc 9051#6.3.7 SUBSCRIBE: adds the name to the "subscribed" set LIST (SUBSCRIBED) and LSUB show. */
export const SUBSCRIBE: ImapCommandSpec<'SUBSCRIBE'> = {
  name: 'SUBSCRIBE',
  verb: 'SUBSCRIBE',
  states: COMMAND_STATES.SUBSCRIBE,
  summary: 'Add a mailbox to the subscribed list',
  syntax: 'SUBSCRIBE mailbox',
  rfc: rfc(9051, '6.3.7'),
  handle(s, cmd) {
    const changed = s.ctx.backend.setSubscribed(s.user.address, cmd.mailbox, true);
    if (!changed.ok) return [done(no(changed.message, Code.NONEXISTENT))];
    return [done(ok('SUBSCRIBE completed'))];
  },
};
