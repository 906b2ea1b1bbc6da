/** Login bookkeeping shared by LOGIN and AUTHENTICATE. */
import type { Account } from '../store/account.ts';
import { passwordsAllowed } from './capabilities.ts';
import { done, enter, event, type ImapEffect } from './effects.ts';
import type { ImapProtocolError } from './protocol-error.ts';
import { Code, no, ok } from './responses.ts';
import type { Session } from './session.ts';

/**
 * @rfc 9051#6.2.3 "Unless the client is accessing IMAP service on an Implicit TLS port, the
 * STARTTLS command has been negotiated, or some other mechanism that protects the session from
 * password snooping has been provided, a server implementation MUST implement a configuration in
 * which it advertises the LOGINDISABLED capability and does NOT permit the LOGIN command."
 * The same holds for AUTHENTICATE PLAIN (RFC 4616 §6). Null when passwords are allowed.
 */
export function privacyRefusal(s: Session): ImapProtocolError | null {
  return passwordsAllowed({ host: s.ctx.host, tls: s.tls }) ? null : { kind: 'privacy-required' };
}

/** Checks the credentials and, when they are right, moves to the authenticated state. */
export function logIn(s: Session, login: string, password: string, mechanism: string): readonly ImapEffect[] {
  const account = s.ctx.backend.authenticate(login, password, s.ctx.host.domains);
  const told = event({ kind: 'auth', user: login, ok: account !== null, mechanism });
  if (!account) return [told, done(no('Invalid credentials', Code.AUTHENTICATIONFAILED))];
  return [told, ...loggedIn(s, account, mechanism)];
}

function loggedIn(s: Session, account: Account, mechanism: string): readonly ImapEffect[] {
  s.account = account;
  // RFC 9051 §6.2.3: the tagged OK may carry the capabilities the client now has.
  const result = ok(`${mechanism} completed: logged in as ${account.address}`, `CAPABILITY ${s.capabilities().join(' ')}`);
  return [enter(mechanism === 'AUTHENTICATE' ? 'AUTHENTICATE' : 'LOGIN'), done(result)];
}
