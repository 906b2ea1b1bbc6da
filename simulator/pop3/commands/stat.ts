import { maildropOf } from '../message-arg.ts';
import { R } from '../replies.ts';
import { reply } from '../effects.ts';
import { rfc } from '../../fsm.ts';
import type { Pop3Command } from './command.ts';

/**
 * @rfc 1939#5 STAT: "+OK nn mm", the number of messages and their size in octets;
 * "messages marked as deleted are not counted in either total".
 */
export const STAT: Pop3Command = {
  verb: 'STAT',
  order: 70,
  states: ['TRANSACTION'],
  syntax: 'STAT',
  rfc: rfc(1939, '5'),
  args: { min: 0, max: 0 },
  summary: 'How many messages, and how many octets in all',
  handle(s) {
    const drop = maildropOf(s);
    return [reply(R.stat(drop.count, drop.octets))];
  },
};
