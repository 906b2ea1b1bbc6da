import { rfc } from '../../fsm.ts';
import { COMMAND_STATES } from '../state.ts';
import type { ImapCommandSpec } from './command.ts';
import { idle } from '../effects.ts';

/**
 * @rfc 2177 IDLE (RFC 9051 §6.3.13): the server answers `+ idling`, then "is now free to send
 * untagged EXISTS, EXPUNGE, FETCH, and other responses at any time" until the client sends
 * DONE. The server engine runs that mode; this only starts it.
 */
export const IDLE: ImapCommandSpec<'IDLE'> = {
  name: 'IDLE',
  verb: 'IDLE',
  states: COMMAND_STATES.IDLE,
  capability: 'IDLE',
  summary: 'Wait for changes, told as they happen, until DONE',
  syntax: 'IDLE … DONE',
  rfc: rfc(9051, '6.3.13'),
  handle() {
    return [idle()];
  },
};
