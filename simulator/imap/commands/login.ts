import { rfc } from '../../fsm.ts';
import { COMMAND_STATES } from '../state.ts';
import type { ImapCommandSpec } from './command.ts';
import { protocolError } from '../effects.ts';
import { logIn, privacyRefusal } from '../auth.ts';

/**
 * @rfc 9051#6.2.3 LOGIN: refused with NO while LOGINDISABLED is advertised (before TLS, unless
 * the host allows plaintext passwords); a wrong name or password is `NO [AUTHENTICATIONFAILED]`
 * (RFC 5530 §3) and never says which of the two was wrong.
 */
export const LOGIN: ImapCommandSpec<'LOGIN'> = {
  name: 'LOGIN',
  verb: 'LOGIN',
  states: COMMAND_STATES.LOGIN,
  summary: 'Log in with a user name and password',
  syntax: 'LOGIN user password',
  rfc: rfc(9051, '6.2.3'),
  handle(s, cmd) {
    const refusal = privacyRefusal(s);
    return refusal ? [protocolError(refusal)] : logIn(s, cmd.user, cmd.password, 'LOGIN');
  },
};
