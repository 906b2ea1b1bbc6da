/** Login bookkeeping shared by LOGIN and AUTHENTICATE. */
import type { Account } from '../store/account.ts';
import { passwordsAllowed } from './capabilities.ts';
import { Code, no, ok, type TaggedResult } from './responses.ts';
import type { Session } from './session.ts';

/**
 * @rfc 9051#6.2.3 "Unless the client is accessing IMAP service on an Implicit TLS port, the
 * STARTTLS command has been negotiated, or some other mechanism that protects the session from
 * password snooping has been provided, a server implementation MUST implement a configuration in
 * which it advertises the LOGINDISABLED capability and does NOT permit the LOGIN command."
 * The same holds for AUTHENTICATE PLAIN (RFC 4616 §6). Null when passwords are allowed.
 */
export function privacyRefusal(s: Session): TaggedResult | null {
  if (passwordsAllowed({ host: s.ctx.host, tls: s.tls })) return null;
  return no('Plaintext passwords are refused before TLS: send STARTTLS first, or use port 993', Code.PRIVACYREQUIRED);
}

/** Checks the credentials and, when they are right, moves to the authenticated state. */
export function logIn(s: Session, login: string, password: string, mechanism: string): TaggedResult {
  const account = s.ctx.backend.authenticate(login, password, s.ctx.host.domains);
  s.event({ kind: 'auth', user: login, ok: account !== null, mechanism });
  if (!account) return no('Invalid credentials', Code.AUTHENTICATIONFAILED);
  return loggedIn(s, account, mechanism);
}

function loggedIn(s: Session, account: Account, mechanism: string): TaggedResult {
  s.account = account;
  s.enter(mechanism === 'AUTHENTICATE' ? 'AUTHENTICATE' : 'LOGIN');
  // RFC 9051 §6.2.3: the tagged OK may carry the capabilities the client now has.
  return ok(`${mechanism} completed: logged in as ${account.address}`, `CAPABILITY ${s.capabilities().join(' ')}`);
}
