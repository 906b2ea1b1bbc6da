import { rfc } from '../../fsm.ts';
import type { ImapCommandSpec } from './command.ts';
import type { Cmd } from '../parse/ast.ts';
import { noArgs } from '../parse/no-args.ts';
import { done, enter } from '../effects.ts';
import { ok } from '../responses.ts';

export type UnselectCommand = Cmd<'UNSELECT'>;

/** @rfc 9051#6.4.2 UNSELECT: like CLOSE, but "no messages are removed" (RFC 3691). */
export const UNSELECT: ImapCommandSpec<UnselectCommand> = {
  name: 'UNSELECT',
  verb: 'UNSELECT',
  order: 240,
  states: ['selected'], // RFC 9051 §6.4
  capability: 'UNSELECT',
  summary: 'Leave the mailbox without removing anything',
  syntax: 'UNSELECT',
  rfc: rfc(9051, '6.4.2'),
  parse: noArgs('UNSELECT'),
  handle(s) {
    s.dropView();
    return [enter('UNSELECT'), done(ok('UNSELECT completed'))];
  },
};
