import { utf8Bytes } from '../../wire/bytes.ts';
import { loginFailed, loginSucceeded } from '../login.ts';
import { md5Hex } from '../md5.ts';
import { R } from '../replies.ts';
import { reply } from '../effects.ts';
import { rfc } from '../../fsm.ts';
import type { Pop3Command } from './command.ts';

/**
 * @rfc 1939#7 APOP name digest: the digest is MD5 of the greeting's timestamp (angle brackets
 * included) followed by the shared secret, in lower-case hex. The password never crosses the
 * wire, so APOP is allowed before TLS; but MD5 of a short secret falls to a dictionary attack
 * by anyone who recorded the session, which is why TLS replaced it.
 */
export const APOP: Pop3Command = {
  verb: 'APOP',
  order: 50,
  states: ['AUTHORIZATION'],
  syntax: 'APOP name digest',
  rfc: rfc(1939, '7'),
  args: { min: 2, max: 2 },
  summary: 'Log in with MD5(timestamp + password) instead of the password',
  capability: 'APOP',
  handle(s, [name = '', digest = '']) {
    // No timestamp in the greeting, no APOP (RFC 1939 §7).
    if (!s.banner) return [reply(R.disabled('APOP'))];
    s.pendingUser = null;
    const account = s.ctx.backend.resolveLogin(name, s.ctx.host.domains);
    // The same work for a name that does not exist (RFC 1939 §13).
    const expected = md5Hex(utf8Bytes(s.banner + (account?.password ?? '\0no such user')));
    if (!account || digest.toLowerCase() !== expected) return loginFailed(s, name, 'APOP');
    return loginSucceeded(s, account, 'APOP');
  },
};
