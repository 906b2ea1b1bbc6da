/**
 * What PASS, APOP and AUTH share once they know who the client claims to be: the maildrop lock,
 * the login delay, the snapshot, and the move to TRANSACTION (RFC 1939 §4).
 */
import type { Account } from '../store/account.ts';
import { enter, event, reply, type Pop3Effect } from './effects.ts';
import { Maildrop } from './maildrop.ts';
import { R } from './replies.ts';
import type { Pop3Session } from './session.ts';

/**
 * A failed authentication. Unknown users and wrong passwords get the same reply (RFC 1939 §13
 * warns against giving "clues about which names are valid").
 */
export function loginFailed(s: Pop3Session, user: string, mechanism: string): Pop3Effect[] {
  const failed = event({ kind: 'auth', user, ok: false, mechanism });
  s.authFailures++;
  if (s.authFailures >= s.options.maxAuthFailures) return [failed, reply(R.tooManyFailures), enter('too-many-errors'), { type: 'close' }];
  return [failed, reply(R.badLogin)];
}

/**
 * The credentials were right: lock the maildrop and take the snapshot.
 * @rfc 1939#7 "the POP3 server then acquires an exclusive-access lock on the maildrop, as
 * necessary to prevent messages from being modified or removed before the session enters the
 * UPDATE state"; @rfc 2449#8.1.2 [IN-USE] when someone else holds it.
 */
export function loginSucceeded(s: Pop3Session, account: Account, trigger: 'PASS' | 'APOP' | 'AUTH', mechanism: string = trigger): Pop3Effect[] {
  const backend = s.ctx.backend;
  const last = backend.lastLogin(account.address);
  const delayMs = s.options.loginDelay * 1000;
  // RFC 2449 §6.5: "Servers which advertise LOGIN-DELAY SHOULD enforce it."
  if (delayMs > 0 && last !== undefined && s.now - last < delayMs) {
    return [event({ kind: 'auth', user: account.address, ok: false, mechanism }), reply(R.loginDelay(Math.ceil((delayMs - (s.now - last)) / 1000)))];
  }
  const inbox = account.mailbox('INBOX');
  if (!inbox) return [reply(R.maildropUnavailable)];
  if (!backend.lock(account.address, s.ctx.sessionId)) {
    return [event({ kind: 'auth', user: account.address, ok: false, mechanism }), reply(R.inUse)];
  }
  backend.recordLogin(account.address, s.now);
  s.account = account;
  const drop = (s.maildrop = new Maildrop(inbox));
  s.pendingUser = null;
  return [
    event({ kind: 'auth', user: account.address, ok: true, mechanism }),
    reply(R.loggedIn(drop.count, drop.octets)),
    enter(trigger),
    event({ kind: 'maildrop', account: account.address, messages: drop.count, octets: drop.octets }),
  ];
}
