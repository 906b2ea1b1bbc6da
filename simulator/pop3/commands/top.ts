import { messageArg } from '../message-arg.ts';
import { topOf } from '../multiline.ts';
import { R } from '../replies.ts';
import { reply, multi } from '../effects.ts';
import { rfc } from '../../fsm.ts';
import type { Pop3Command } from './command.ts';

/**
 * @rfc 1939#7 TOP msg n ("a non-negative number of lines"): "the headers of the message, the
 * blank line separating the headers from the body, and then the number of lines of the indicated
 * message's body"; the whole message when it has fewer lines.
 */
export const TOP: Pop3Command = {
  verb: 'TOP',
  order: 130,
  states: ['TRANSACTION'],
  syntax: 'TOP msg n',
  rfc: rfc(1939, '7'),
  args: { min: 2, max: 2 },
  summary: 'Headers plus the first n lines of the body',
  capability: 'TOP',
  handle(s, [arg = '', lines = '']) {
    if (!/^[0-9]{1,9}$/.test(lines)) return [reply(R.badLineCount(lines))];
    const found = messageArg(s, arg);
    if (!found.ok) return found.effects;
    const m = found.message;
    return [multi(R.top, topOf(m.wire(), Number(lines)))];
  },
};
