import type { CommandSpec } from './command.ts';
import { logIn, privacyRefusal } from '../auth.ts';

/**
 * @rfc 9051#6.2.3 LOGIN: refused with NO while LOGINDISABLED is advertised (before TLS, unless
 * the host allows plaintext passwords); a wrong name or password is `NO [AUTHENTICATIONFAILED]`
 * (RFC 5530 §3) and never says which of the two was wrong.
 */
export const LOGIN: CommandSpec<'LOGIN'> = {
  name: 'LOGIN',
  verb: 'LOGIN',
  syntax: 'LOGIN user password',
  rfc: '9051#6.2.3',
  handle(cmd, s) {
    return privacyRefusal(s) ?? logIn(s, cmd.user, cmd.password, 'LOGIN');
  },
};
