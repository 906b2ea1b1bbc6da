/**
 * The UPDATE state (RFC 1939 §6), run by the engine when QUIT moves TRANSACTION to UPDATE:
 * expunge what DELE marked, mark \Seen what RETR fetched, release the lock, reply, and leave for
 * CLOSED. Its own state, so the diagram and the events show it.
 */
import { enter, event, reply, type Pop3Effect } from './effects.ts';
import { maildropOf } from './message-arg.ts';
import { R } from './replies.ts';
import type { Pop3Session } from './session.ts';

/**
 * @rfc 1939#6 "The POP3 server removes all messages marked as deleted from the maildrop and
 * replies as to the status of this operation. [...] In no case may the server remove any messages
 * not marked as deleted."
 */
export function runUpdate(s: Pop3Session): Pop3Effect[] {
  const account = s.account;
  if (!account) throw new Error('POP3: UPDATE state without an account');
  const backend = s.ctx.backend;
  const drop = maildropOf(s);
  const doomed = drop.deletedUids();
  const seen: number[] = [];
  // Like Dovecot's pop3: a message downloaded with RETR shows as read in IMAP afterwards.
  for (const uid of drop.retrievedUids()) {
    const message = backend.mailbox(account.address, 'INBOX')?.byUid(uid);
    if (message && !message.flags.has('\\Seen') && backend.setFlags(account.address, 'INBOX', uid, [...message.flags, '\\Seen'], s.ctx.sessionId)) {
      seen.push(uid);
    }
  }
  const inbox = backend.mailbox(account.address, 'INBOX');
  const expunged = inbox ? backend.expunge(account.address, 'INBOX', doomed, s.ctx.sessionId) : [];
  s.releaseLock();
  // RFC 1939 §6: "-ERR some deleted messages not removed" when the store could not do it all.
  const goodbye = !inbox && doomed.length ? R.updateFailed : R.signOffAfterUpdate(s.host, inbox?.messages.length ?? 0);
  return [event({ kind: 'update', account: account.address, expunged, seen }), reply(goodbye), enter('update-done')];
}
