import { rfc } from '../../fsm.ts';
import { COMMAND_STATES } from '../state.ts';
import type { ImapCommandSpec } from './command.ts';
import { done } from '../effects.ts';
import { ok } from '../responses.ts';

/** @rfc 3501#6.4.1 CHECK: a checkpoint; RFC 9051 removed it, but rev1 clients still send it. */
export const CHECK: ImapCommandSpec<'CHECK'> = {
  name: 'CHECK',
  verb: 'CHECK',
  states: COMMAND_STATES.CHECK,
  summary: 'Checkpoint the mailbox (IMAP4rev1; a NOOP here)',
  syntax: 'CHECK',
  rfc: rfc(3501, '6.4.1'),
  handle() {
    return [done(ok('CHECK completed'))];
  },
};
