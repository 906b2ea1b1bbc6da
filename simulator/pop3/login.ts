/**
 * What PASS, APOP and AUTH share once they know who the client claims to be: the maildrop lock,
 * the login delay, the snapshot, and the move to TRANSACTION (RFC 1939 §4).
 */
import type { MailStore } from '../store/mail-store.ts';
import type { Account } from '../store/account.ts';
import { Maildrop } from './maildrop.ts';
import { R } from './replies.ts';
import type { Pop3Session } from './session.ts';

/** RFC 2449 §6.5: when each account last logged in over POP3, per store (so per world). */
const lastLogins = new WeakMap<MailStore, Map<string, number>>();

function loginTimes(store: MailStore): Map<string, number> {
  let times = lastLogins.get(store);
  if (!times) lastLogins.set(store, (times = new Map()));
  return times;
}

/**
 * A failed authentication. Unknown users and wrong passwords get the same reply (RFC 1939 §13
 * warns against giving "clues about which names are valid").
 */
export function loginFailed(s: Pop3Session, user: string, mechanism: string): void {
  s.event({ kind: 'auth', user, ok: false, mechanism });
  s.authFailures++;
  if (s.authFailures >= s.options.maxAuthFailures) {
    s.reply(R.tooManyFailures);
    s.abandon('too-many-errors', true);
    return;
  }
  s.reply(R.badLogin);
}

/**
 * The credentials were right: lock the maildrop and take the snapshot.
 * @rfc 1939#7 "the POP3 server then acquires an exclusive-access lock on the maildrop, as
 * necessary to prevent messages from being modified or removed before the session enters the
 * UPDATE state"; @rfc 2449#8.1.2 [IN-USE] when someone else holds it.
 */
export function loginSucceeded(s: Pop3Session, account: Account, trigger: 'PASS' | 'APOP' | 'AUTH', mechanism: string = trigger): void {
  const store = s.ctx.world.store;
  const times = loginTimes(store);
  const last = times.get(account.address);
  const delayMs = s.options.loginDelay * 1000;
  // RFC 2449 §6.5: "Servers which advertise LOGIN-DELAY SHOULD enforce it."
  if (delayMs > 0 && last !== undefined && s.now - last < delayMs) {
    s.event({ kind: 'auth', user: account.address, ok: false, mechanism });
    s.reply(R.loginDelay(Math.ceil((delayMs - (s.now - last)) / 1000)));
    return;
  }
  const inbox = account.mailbox('INBOX');
  if (!inbox) {
    s.reply(R.maildropUnavailable);
    return;
  }
  if (!store.lock(account.address, s.ctx.sessionId)) {
    s.event({ kind: 'auth', user: account.address, ok: false, mechanism });
    s.reply(R.inUse);
    return;
  }
  times.set(account.address, s.now);
  s.account = account;
  s.maildrop = new Maildrop(inbox);
  s.pendingUser = null;
  s.event({ kind: 'auth', user: account.address, ok: true, mechanism });
  s.reply(R.loggedIn(s.maildrop.count, s.maildrop.octets));
  s.enter(trigger);
  s.event({ kind: 'maildrop', account: account.address, messages: s.maildrop.count, octets: s.maildrop.octets });
}
