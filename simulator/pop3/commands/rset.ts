import { maildropOf } from '../message-arg.ts';
import { R } from '../replies.ts';
import { reply } from '../effects.ts';
import { rfc } from '../../fsm.ts';
import type { Pop3Command } from './command.ts';

/** @rfc 1939#5 RSET: "If any messages have been marked as deleted by the POP3 server, they are unmarked." */
export const RSET: Pop3Command = {
  verb: 'RSET',
  order: 120,
  states: ['TRANSACTION'],
  syntax: 'RSET',
  rfc: rfc(1939, '5'),
  args: { min: 0, max: 0 },
  summary: 'Undo every DELE of this session',
  handle(s) {
    const drop = maildropOf(s);
    drop.unmarkAll();
    return [reply(R.rset(drop.count, drop.octets))];
  },
};
