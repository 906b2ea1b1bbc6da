import { rfc } from '../../fsm.ts';
import { COMMAND_STATES } from '../state.ts';
import type { ImapCommandSpec } from './command.ts';
import { openMailbox } from './select.ts';

/** @rfc 9051#6.3.3 EXAMINE: SELECT, read-only ("[READ-ONLY]"; no flag changes, no expunges). */
export const EXAMINE: ImapCommandSpec<'EXAMINE'> = {
  name: 'EXAMINE',
  verb: 'EXAMINE',
  states: COMMAND_STATES.EXAMINE,
  summary: 'Open a mailbox read-only',
  syntax: 'EXAMINE mailbox',
  rfc: rfc(9051, '6.3.3'),
  handle: openMailbox,
};
