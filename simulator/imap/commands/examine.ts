import { rfc } from '../../fsm.ts';
import type { ImapCommandSpec } from './command.ts';
import { type OpenCommand, openArgs } from '../parse/select.ts';
import { openMailbox } from './select.ts';

export type ExamineCommand = OpenCommand<'EXAMINE'>;

/** @rfc 9051#6.3.3 EXAMINE: SELECT, read-only ("[READ-ONLY]"; no flag changes, no expunges). */
export const EXAMINE: ImapCommandSpec<ExamineCommand> = {
  name: 'EXAMINE',
  verb: 'EXAMINE',
  order: 100,
  states: ['authenticated', 'selected'], // RFC 9051 §6.3; §6.4: also valid in the selected state
  summary: 'Open a mailbox read-only',
  syntax: 'EXAMINE mailbox',
  rfc: rfc(9051, '6.3.3'),
  parse: openArgs('EXAMINE'),
  handle: openMailbox,
};
