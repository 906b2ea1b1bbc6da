import { rfc } from '../../fsm.ts';
import type { ImapCommandSpec } from './command.ts';
import type { Cmd } from '../parse/ast.ts';
import { noArgs } from '../parse/no-args.ts';
import { done } from '../effects.ts';
import { ok } from '../responses.ts';

export type NoopCommand = Cmd<'NOOP'>;

/**
 * @rfc 9051#6.1.2 NOOP: "Since any command can return a status update as untagged data, the
 * NOOP command can be used as a periodic poll for new messages or message status updates."
 * The server delivers the pending updates after every command that allows them.
 */
export const NOOP: ImapCommandSpec<NoopCommand> = {
  name: 'NOOP',
  verb: 'NOOP',
  order: 20,
  states: ['not-authenticated', 'authenticated', 'selected'], // RFC 9051 §6.1 any state
  summary: 'Do nothing; collect news of the mailbox',
  syntax: 'NOOP',
  rfc: rfc(9051, '6.1.2'),
  parse: noArgs('NOOP'),
  handle() {
    return [done(ok('NOOP completed'))];
  },
};
