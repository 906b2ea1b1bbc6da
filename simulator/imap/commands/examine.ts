import type { CommandSpec } from './command.ts';
import { openMailbox } from './select.ts';

/** @rfc 9051#6.3.3 EXAMINE: SELECT, read-only ("[READ-ONLY]"; no flag changes, no expunges). */
export const EXAMINE: CommandSpec<'EXAMINE'> = {
  name: 'EXAMINE',
  verb: 'EXAMINE',
  syntax: 'EXAMINE mailbox',
  rfc: '9051#6.3.3',
  handle: openMailbox,
};
