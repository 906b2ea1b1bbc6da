import { rfc } from '../../fsm.ts';
import type { ImapCommandSpec } from './command.ts';
import type { ArgParser } from '../parse/arg-parser.ts';
import type { Cmd } from '../parse/ast.ts';
import { protocolError } from '../effects.ts';
import { logIn, privacyRefusal } from '../auth.ts';

export type LoginCommand = Cmd<'LOGIN', { user: string; password: string }>;

/** RFC 9051 §6.2.3 LOGIN userid SP password (both astring). */
const parse: ArgParser<LoginCommand> = (c, tag) => {
  c.sp('LOGIN');
  const user = c.astring('a user name');
  c.sp('the user name');
  const password = c.astring('a password');
  c.end();
  return { tag, name: 'LOGIN', user, password };
};

/**
 * @rfc 9051#6.2.3 LOGIN: refused with NO while LOGINDISABLED is advertised (before TLS, unless
 * the host allows plaintext passwords); a wrong name or password is `NO [AUTHENTICATIONFAILED]`
 * (RFC 5530 §3) and never says which of the two was wrong.
 */
export const LOGIN: ImapCommandSpec<LoginCommand> = {
  name: 'LOGIN',
  verb: 'LOGIN',
  order: 70,
  states: ['not-authenticated'], // RFC 9051 §6.2
  summary: 'Log in with a user name and password',
  syntax: 'LOGIN user password',
  rfc: rfc(9051, '6.2.3'),
  parse,
  handle(s, cmd) {
    const refusal = privacyRefusal(s);
    return refusal ? [protocolError(refusal)] : logIn(s, cmd.user, cmd.password, 'LOGIN');
  },
};
