import { R } from '../replies.ts';
import { reply } from '../effects.ts';
import { rfc } from '../../fsm.ts';
import type { Pop3Command } from './command.ts';

/** @rfc 1939#5 NOOP: "The POP3 server does nothing, it merely replies with a positive response." */
export const NOOP: Pop3Command = {
  verb: 'NOOP',
  order: 110,
  states: ['TRANSACTION'],
  syntax: 'NOOP',
  rfc: rfc(1939, '5'),
  args: { min: 0, max: 0 },
  summary: 'Do nothing (keeps the connection alive)',
  handle(s) {
    return [reply(R.noop)];
  },
};
