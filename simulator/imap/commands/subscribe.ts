import type { CommandSpec } from './command.ts';
import { Code, no, ok } from '../responses.ts';

/** @rfc 9051#6.3.7 SUBSCRIBE: adds the name to the "subscribed" set LIST (SUBSCRIBED) and LSUB show. */
export const SUBSCRIBE: CommandSpec<'SUBSCRIBE'> = {
  name: 'SUBSCRIBE',
  verb: 'SUBSCRIBE',
  syntax: 'SUBSCRIBE mailbox',
  rfc: '9051#6.3.7',
  handle(cmd, s) {
    const done = s.ctx.backend.setSubscribed(s.user.address, cmd.mailbox, true);
    if (!done.ok) return no(done.message, Code.NONEXISTENT);
    return ok('SUBSCRIBE completed');
  },
};
