import { maildropOf, messageArg } from '../message-arg.ts';
import { linesBody } from '../multiline.ts';
import { R } from '../replies.ts';
import { reply, multi } from '../effects.ts';
import { rfc } from '../../fsm.ts';
import type { Pop3Command } from './command.ts';

/**
 * @rfc 1939#7 UIDL [msg]: the unique-id of a message stays the same across sessions, so a client
 * that leaves mail on the server knows which messages it has already seen.
 */
export const UIDL: Pop3Command = {
  verb: 'UIDL',
  order: 140,
  states: ['TRANSACTION'],
  syntax: 'UIDL [msg]',
  rfc: rfc(1939, '7'),
  args: { min: 0, max: 1 },
  summary: 'Unique ids that survive between sessions',
  capability: 'UIDL',
  handle(s, [arg]) {
    if (arg !== undefined) {
      const m = messageArg(s, arg);
      return m.ok ? [reply(R.uidlOne(m.message.number, m.message.uniqueId))] : m.effects;
    }
    const drop = maildropOf(s);
    return [multi(R.uidlAll, linesBody(drop.live().map((m) => `${m.number} ${m.uniqueId}`)))];
  },
};
