import { rfc } from '../../fsm.ts';
import type { ImapCommandSpec } from './command.ts';
import { type OneMailboxCommand, oneMailboxArgs } from '../parse/one-mailbox.ts';
import { done } from '../effects.ts';
import { Code, no, ok } from '../responses.ts';

export type SubscribeCommand = OneMailboxCommand<'SUBSCRIBE'>;

/** @rfc 9051#6.3.7 SUBSCRIBE: adds the name to the "subscribed" set LIST (SUBSCRIBED) and LSUB show. */
export const SUBSCRIBE: ImapCommandSpec<SubscribeCommand> = {
  name: 'SUBSCRIBE',
  verb: 'SUBSCRIBE',
  order: 140,
  states: ['authenticated', 'selected'], // RFC 9051 §6.3; §6.4: also valid in the selected state
  summary: 'Add a mailbox to the subscribed list',
  syntax: 'SUBSCRIBE mailbox',
  rfc: rfc(9051, '6.3.7'),
  parse: oneMailboxArgs('SUBSCRIBE'),
  handle(s, cmd) {
    const changed = s.ctx.backend.setSubscribed(s.user.address, cmd.mailbox, true);
    if (!changed.ok) return [done(no(changed.message, Code.NONEXISTENT))];
    return [done(ok('SUBSCRIBE completed'))];
  },
};
