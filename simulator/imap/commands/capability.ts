import type { CommandSpec } from './command.ts';
import { ok } from '../responses.ts';

/**
 * @rfc 9051#6.1.1 CAPABILITY: "The server MUST send a single untagged CAPABILITY response".
 * The list follows TLS and login state (STARTTLS, LOGINDISABLED and AUTH= only before login).
 */
export const CAPABILITY: CommandSpec<'CAPABILITY'> = {
  name: 'CAPABILITY',
  verb: 'CAPABILITY',
  syntax: 'CAPABILITY',
  rfc: '9051#6.1.1',
  handle(_cmd, s) {
    s.untagged(`CAPABILITY ${s.capabilities().join(' ')}`);
    return ok('CAPABILITY completed');
  },
};
