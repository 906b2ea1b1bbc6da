import { maildropOf, messageArg } from '../message-arg.ts';
import { R } from '../replies.ts';
import type { Pop3Command } from '../types.ts';

/**
 * @rfc 1939#5 DELE msg: only marks the message. "The POP3 server does not actually delete the
 * message until the POP3 session enters the UPDATE state."
 */
export const DELE: Pop3Command = {
  verb: 'DELE',
  states: ['TRANSACTION'],
  syntax: 'DELE msg',
  rfc: '1939#5',
  args: { min: 1, max: 1 },
  summary: 'Mark a message for deletion at QUIT',
  handle(s, [arg = '']) {
    const m = messageArg(s, arg);
    if (!m) return;
    maildropOf(s).markDeleted(m.number);
    s.reply(R.deleted(m.number));
  },
};
