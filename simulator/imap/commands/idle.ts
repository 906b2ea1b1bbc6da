import { rfc } from '../../fsm.ts';
import type { ImapCommandSpec } from './command.ts';
import type { Cmd } from '../parse/ast.ts';
import { noArgs } from '../parse/no-args.ts';
import { idle } from '../effects.ts';

export type IdleCommand = Cmd<'IDLE'>;

/**
 * @rfc 2177 IDLE (RFC 9051 §6.3.13): the server answers `+ idling`, then "is now free to send
 * untagged EXISTS, EXPUNGE, FETCH, and other responses at any time" until the client sends
 * DONE. The server engine runs that mode; this only starts it.
 */
export const IDLE: ImapCommandSpec<IdleCommand> = {
  name: 'IDLE',
  verb: 'IDLE',
  order: 210,
  states: ['authenticated', 'selected'], // RFC 9051 §6.3; §6.4: also valid in the selected state
  capability: 'IDLE',
  summary: 'Wait for changes, told as they happen, until DONE',
  syntax: 'IDLE … DONE',
  rfc: rfc(9051, '6.3.13'),
  parse: noArgs('IDLE'),
  handle() {
    return [idle()];
  },
};
