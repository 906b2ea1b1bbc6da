import { rfc } from '../../fsm.ts';
import { COMMAND_STATES } from '../state.ts';
import type { ImapCommandSpec } from './command.ts';
import { done, enter } from '../effects.ts';
import { ok } from '../responses.ts';

/** @rfc 9051#6.4.2 UNSELECT: like CLOSE, but "no messages are removed" (RFC 3691). */
export const UNSELECT: ImapCommandSpec<'UNSELECT'> = {
  name: 'UNSELECT',
  verb: 'UNSELECT',
  states: COMMAND_STATES.UNSELECT,
  capability: 'UNSELECT',
  summary: 'Leave the mailbox without removing anything',
  syntax: 'UNSELECT',
  rfc: rfc(9051, '6.4.2'),
  handle(s) {
    s.dropView();
    return [enter('UNSELECT'), done(ok('UNSELECT completed'))];
  },
};
