import { enter, reply } from '../effects.ts';
import { rfc } from '../../fsm.ts';
import { R } from '../replies.ts';
import type { Pop3Command } from './command.ts';

/**
 * @rfc 1939#4 QUIT in AUTHORIZATION: goodbye, nothing else.
 * @rfc 1939#6 QUIT in TRANSACTION: the session enters the UPDATE state (update.ts), which
 * removes what DELE marked, replies, releases the lock; then the connection closes.
 */
export const QUIT: Pop3Command = {
  verb: 'QUIT',
  order: 150,
  states: ['AUTHORIZATION', 'TRANSACTION'],
  syntax: 'QUIT',
  rfc: rfc(1939, '6'),
  args: { min: 0, max: 0 },
  summary: 'End the session; deletions happen now',
  handle(s) {
    if (s.state === 'AUTHORIZATION') return [reply(R.signOff(s.host)), enter('QUIT'), { type: 'close' }];
    return [enter('QUIT'), { type: 'close' }];
  },
};
