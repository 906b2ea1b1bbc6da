import { rfc } from '../../fsm.ts';
import type { ImapCommandSpec } from './command.ts';
import type { Cmd } from '../parse/ast.ts';
import { noArgs } from '../parse/no-args.ts';
import { done, untagged } from '../effects.ts';
import { ok } from '../responses.ts';

export type CapabilityCommand = Cmd<'CAPABILITY'>;

/**
 * @rfc 9051#6.1.1 CAPABILITY: "The server MUST send a single untagged CAPABILITY response".
 * The list follows TLS and login state (STARTTLS, LOGINDISABLED and AUTH= only before login).
 */
export const CAPABILITY: ImapCommandSpec<CapabilityCommand> = {
  name: 'CAPABILITY',
  verb: 'CAPABILITY',
  order: 10,
  states: ['not-authenticated', 'authenticated', 'selected'], // RFC 9051 §6.1 any state
  summary: 'List what this server supports now',
  syntax: 'CAPABILITY',
  rfc: rfc(9051, '6.1.1'),
  parse: noArgs('CAPABILITY'),
  handle(s) {
    return [untagged(`CAPABILITY ${s.capabilities().join(' ')}`), done(ok('CAPABILITY completed'))];
  },
};
