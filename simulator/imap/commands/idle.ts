import type { CommandSpec } from './command.ts';

/**
 * @rfc 2177 IDLE (RFC 9051 §6.3.13): the server answers `+ idling`, then "is now free to send
 * untagged EXISTS, EXPUNGE, FETCH, and other responses at any time" until the client sends
 * DONE. The server engine runs that mode; this only starts it.
 */
export const IDLE: CommandSpec<'IDLE'> = {
  name: 'IDLE',
  verb: 'IDLE',
  syntax: 'IDLE … DONE',
  rfc: '9051#6.3.13',
  handle() {
    return { kind: 'idle' };
  },
};
