import { maildropOf, messageArg } from '../message-arg.ts';
import { R } from '../replies.ts';
import { multi } from '../effects.ts';
import { rfc } from '../../fsm.ts';
import type { Pop3Command } from './command.ts';

/**
 * @rfc 1939#5 RETR msg: "+OK" then the message, byte-stuffed, then ".". The octet count in the
 * status line is the message's size before byte-stuffing, the same number LIST gives.
 */
export const RETR: Pop3Command = {
  verb: 'RETR',
  order: 90,
  states: ['TRANSACTION'],
  syntax: 'RETR msg',
  rfc: rfc(1939, '5'),
  args: { min: 1, max: 1 },
  summary: 'Download a whole message',
  handle(s, [arg = '']) {
    const found = messageArg(s, arg);
    if (!found.ok) return found.effects;
    const m = found.message;
    maildropOf(s).markRetrieved(m.number);
    return [multi(R.retr(m.size), m.wire())];
  },
};
