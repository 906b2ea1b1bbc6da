import type { Pop3Session } from '../session.ts';
import { maildropOf } from '../message-arg.ts';
import { R } from '../replies.ts';
import type { Pop3Command } from '../types.ts';

/**
 * @rfc 1939#4 QUIT in AUTHORIZATION: goodbye, nothing else.
 * @rfc 1939#6 QUIT in TRANSACTION: "The POP3 server removes all messages marked as deleted from
 * the maildrop and replies as to the status of this operation. [...] In no case may the server
 * remove any messages not marked as deleted." Then it releases the lock and closes.
 */
export const QUIT: Pop3Command = {
  verb: 'QUIT',
  states: ['AUTHORIZATION', 'TRANSACTION'],
  syntax: 'QUIT',
  rfc: '1939#6',
  args: { min: 0, max: 0 },
  summary: 'End the session; deletions happen now',
  handle(s) {
    if (s.state === 'AUTHORIZATION') {
      s.reply(R.signOff(s.host));
      s.enter('QUIT');
    } else {
      s.enter('QUIT');
      update(s);
      s.enter('update-done');
    }
    s.output({ type: 'close' });
  },
};

/** The UPDATE state: expunge what DELE marked, mark \Seen what RETR fetched, unlock. */
function update(s: Pop3Session): void {
  const account = s.account;
  if (!account) throw new Error('POP3: UPDATE state without an account');
  const store = s.ctx.world.store;
  const drop = maildropOf(s);
  const doomed = drop.deletedUids();
  const seen: number[] = [];
  // Like Dovecot's pop3: a message downloaded with RETR shows as read in IMAP afterwards.
  for (const uid of drop.retrievedUids()) {
    const message = store.mailbox(account.address, 'INBOX')?.byUid(uid);
    if (message && !message.flags.has('\\Seen') && store.setFlags(account.address, 'INBOX', uid, [...message.flags, '\\Seen'], s.ctx.sessionId)) {
      seen.push(uid);
    }
  }
  const inbox = store.mailbox(account.address, 'INBOX');
  const expunged = inbox ? store.expunge(account.address, 'INBOX', doomed, s.ctx.sessionId) : [];
  s.releaseLock();
  s.event({ kind: 'update', account: account.address, expunged, seen });
  // RFC 1939 §6: "-ERR some deleted messages not removed" when the store could not do it all.
  if (!inbox && doomed.length) s.reply(R.updateFailed);
  else s.reply(R.signOffAfterUpdate(s.host, inbox?.messages.length ?? 0));
}
