import { rfc } from '../../fsm.ts';
import { COMMAND_STATES } from '../state.ts';
import type { ImapCommandSpec } from './command.ts';
import { done } from '../effects.ts';
import { ok } from '../responses.ts';

/**
 * @rfc 9051#6.1.2 NOOP: "Since any command can return a status update as untagged data, the
 * NOOP command can be used as a periodic poll for new messages or message status updates."
 * The server delivers the pending updates after every command that allows them.
 */
export const NOOP: ImapCommandSpec<'NOOP'> = {
  name: 'NOOP',
  verb: 'NOOP',
  states: COMMAND_STATES.NOOP,
  summary: 'Do nothing; collect news of the mailbox',
  syntax: 'NOOP',
  rfc: rfc(9051, '6.1.2'),
  handle() {
    return [done(ok('NOOP completed'))];
  },
};
