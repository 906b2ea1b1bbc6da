import { rfc } from '../../fsm.ts';
import type { ImapCommandSpec } from './command.ts';
import { type OneMailboxCommand, oneMailboxArgs } from '../parse/one-mailbox.ts';
import { done } from '../effects.ts';
import { Code, no, ok } from '../responses.ts';

export type UnsubscribeCommand = OneMailboxCommand<'UNSUBSCRIBE'>;

/** @rfc 9051#6.3.8 UNSUBSCRIBE: removes the name from the subscribed set. */
export const UNSUBSCRIBE: ImapCommandSpec<UnsubscribeCommand> = {
  name: 'UNSUBSCRIBE',
  verb: 'UNSUBSCRIBE',
  order: 150,
  states: ['authenticated', 'selected'], // RFC 9051 §6.3; §6.4: also valid in the selected state
  summary: 'Take a mailbox off the subscribed list',
  syntax: 'UNSUBSCRIBE mailbox',
  rfc: rfc(9051, '6.3.8'),
  parse: oneMailboxArgs('UNSUBSCRIBE'),
  handle(s, cmd) {
    const changed = s.ctx.backend.setSubscribed(s.user.address, cmd.mailbox, false);
    if (!changed.ok) return [done(no(changed.message, Code.NONEXISTENT))];
    return [done(ok('UNSUBSCRIBE completed'))];
  },
};
