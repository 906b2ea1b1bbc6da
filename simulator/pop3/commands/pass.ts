import { loginFailed, loginSucceeded } from '../login.ts';
import { R } from '../replies.ts';
import { reply } from '../effects.ts';
import { rfc } from '../../fsm.ts';
import type { Pop3Command } from './command.ts';

/**
 * @rfc 1939#7 PASS string: "may only be given in the AUTHORIZATION state immediately after a
 * successful USER command". And: "a POP3 server may treat spaces in the argument as part of the
 * password", so the password is the rest of the line, spaces and all.
 */
export const PASS: Pop3Command = {
  verb: 'PASS',
  order: 40,
  states: ['AUTHORIZATION'],
  syntax: 'PASS password',
  rfc: rfc(1939, '7'),
  args: { min: 1, max: 1, rest: true, long: true },
  summary: 'The password for the USER name; opens the maildrop',
  capability: 'USER',
  handle(s, [password]) {
    if (!s.plaintextAllowed) return [reply(R.plaintextRefused)];
    const user = s.pendingUser;
    if (user === null) return [reply(R.passWithoutUser)];
    s.pendingUser = null;
    const account = s.ctx.backend.authenticate(user, password ?? '', s.ctx.host.domains);
    if (!account) return loginFailed(s, user, 'PASS');
    return loginSucceeded(s, account, 'PASS');
  },
};
