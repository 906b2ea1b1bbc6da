import { maildropOf, messageArg } from '../message-arg.ts';
import { linesBody } from '../multiline.ts';
import { R } from '../replies.ts';
import type { Pop3Command } from '../types.ts';

/**
 * @rfc 1939#7 UIDL [msg]: the unique-id of a message stays the same across sessions, so a client
 * that leaves mail on the server knows which messages it has already seen.
 */
export const UIDL: Pop3Command = {
  verb: 'UIDL',
  states: ['TRANSACTION'],
  syntax: 'UIDL [msg]',
  rfc: '1939#7',
  args: { min: 0, max: 1 },
  summary: 'Unique ids that survive between sessions',
  capability: 'UIDL',
  handle(s, [arg]) {
    if (arg !== undefined) {
      const m = messageArg(s, arg);
      if (m) s.reply(R.uidlOne(m.number, m.uniqueId));
      return;
    }
    const drop = maildropOf(s);
    s.multi(R.uidlAll, linesBody(drop.live().map((m) => `${m.number} ${m.uniqueId}`)));
  },
};
