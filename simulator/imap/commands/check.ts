import { rfc } from '../../fsm.ts';
import type { ImapCommandSpec } from './command.ts';
import type { Cmd } from '../parse/ast.ts';
import { noArgs } from '../parse/no-args.ts';
import { done } from '../effects.ts';
import { ok } from '../responses.ts';

export type CheckCommand = Cmd<'CHECK'>;

/** @rfc 3501#6.4.1 CHECK: a checkpoint; RFC 9051 removed it, but rev1 clients still send it. */
export const CHECK: ImapCommandSpec<CheckCommand> = {
  name: 'CHECK',
  verb: 'CHECK',
  order: 220,
  states: ['selected'], // RFC 3501 §6.4.1 (removed in RFC 9051, kept for rev1 clients)
  summary: 'Checkpoint the mailbox (IMAP4rev1; a NOOP here)',
  syntax: 'CHECK',
  rfc: rfc(3501, '6.4.1'),
  parse: noArgs('CHECK'),
  handle() {
    return [done(ok('CHECK completed'))];
  },
};
