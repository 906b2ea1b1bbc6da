import type { CommandSpec } from './command.ts';
import { Code, no, ok } from '../responses.ts';

/** @rfc 9051#6.3.8 UNSUBSCRIBE: removes the name from the subscribed set. */
export const UNSUBSCRIBE: CommandSpec<'UNSUBSCRIBE'> = {
  name: 'UNSUBSCRIBE',
  verb: 'UNSUBSCRIBE',
  syntax: 'UNSUBSCRIBE mailbox',
  rfc: '9051#6.3.8',
  handle(cmd, s) {
    const done = s.ctx.backend.setSubscribed(s.user.address, cmd.mailbox, false);
    if (!done.ok) return no(done.message, Code.NONEXISTENT);
    return ok('UNSUBSCRIBE completed');
  },
};
