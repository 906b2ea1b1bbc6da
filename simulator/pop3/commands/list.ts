import { maildropOf, messageArg } from '../message-arg.ts';
import { linesBody } from '../multiline.ts';
import { R } from '../replies.ts';
import { reply, multi } from '../effects.ts';
import { rfc } from '../../fsm.ts';
import type { Pop3Command } from './command.ts';

/**
 * @rfc 1939#5 LIST [msg]: with an argument a one-line "scan listing" `n size`; without, a
 * multi-line listing of every message not marked deleted. Sizes are exact octet counts of what
 * RETR sends, CRLF line ends included.
 */
export const LIST: Pop3Command = {
  verb: 'LIST',
  order: 80,
  states: ['TRANSACTION'],
  syntax: 'LIST [msg]',
  rfc: rfc(1939, '5'),
  args: { min: 0, max: 1 },
  summary: 'Message numbers and sizes',
  handle(s, [arg]) {
    if (arg !== undefined) {
      const m = messageArg(s, arg);
      return m.ok ? [reply(R.scanListing(m.message.number, m.message.size))] : m.effects;
    }
    const drop = maildropOf(s);
    return [multi(R.listAll(drop.count, drop.octets), linesBody(drop.live().map((m) => `${m.number} ${m.size}`)))];
  },
};
