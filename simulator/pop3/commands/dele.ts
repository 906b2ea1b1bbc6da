import { maildropOf, messageArg } from '../message-arg.ts';
import { R } from '../replies.ts';
import { reply } from '../effects.ts';
import { rfc } from '../../fsm.ts';
import type { Pop3Command } from './command.ts';

/**
 * @rfc 1939#5 DELE msg: only marks the message. "The POP3 server does not actually delete the
 * message until the POP3 session enters the UPDATE state."
 */
export const DELE: Pop3Command = {
  verb: 'DELE',
  order: 100,
  states: ['TRANSACTION'],
  syntax: 'DELE msg',
  rfc: rfc(1939, '5'),
  args: { min: 1, max: 1 },
  summary: 'Mark a message for deletion at QUIT',
  handle(s, [arg = '']) {
    const m = messageArg(s, arg);
    if (!m.ok) return m.effects;
    maildropOf(s).markDeleted(m.message.number);
    return [reply(R.deleted(m.message.number))];
  },
};
