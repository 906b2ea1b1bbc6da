import { rfc } from '../../fsm.ts';
import { COMMAND_STATES } from '../state.ts';
import type { ImapCommandSpec } from './command.ts';
import { done, untagged } from '../effects.ts';
import { ok } from '../responses.ts';

/**
 * @rfc 9051#6.1.1 CAPABILITY: "The server MUST send a single untagged CAPABILITY response".
 * The list follows TLS and login state (STARTTLS, LOGINDISABLED and AUTH= only before login).
 */
export const CAPABILITY: ImapCommandSpec<'CAPABILITY'> = {
  name: 'CAPABILITY',
  verb: 'CAPABILITY',
  states: COMMAND_STATES.CAPABILITY,
  summary: 'List what this server supports now',
  syntax: 'CAPABILITY',
  rfc: rfc(9051, '6.1.1'),
  handle(s) {
    return [untagged(`CAPABILITY ${s.capabilities().join(' ')}`), done(ok('CAPABILITY completed'))];
  },
};
