/**
 * The \Recent flag of IMAP4rev1 (RFC 3501 §2.3.2): "this session is the first session to have
 * been notified about this message". Which messages have been claimed is shared by all sessions
 * on a mailbox, so it is kept per Mailbox object (a recreated mailbox starts afresh).
 * RFC 9051 dropped \Recent; sessions that ENABLE IMAP4rev2 neither see nor claim it.
 */
import type { Mailbox } from '../store/mailbox.ts';

/** The lowest UID no session has been told about yet, per mailbox. */
const firstUnclaimed = new WeakMap<Mailbox, number>();

/**
 * Claims every message of `mailbox` with a UID at or above the mark and returns their UIDs.
 * With `readOnly` (EXAMINE) the messages are reported recent but left for a read-write session,
 * as Dovecot does: EXAMINE must not change the mailbox's state (RFC 3501 §6.3.2).
 */
export function claimRecent(mailbox: Mailbox, uids: readonly number[], readOnly: boolean): number[] {
  const mark = firstUnclaimed.get(mailbox) ?? 1;
  const claimed = uids.filter((uid) => uid >= mark);
  if (!readOnly && claimed.length) firstUnclaimed.set(mailbox, Math.max(mark, claimed[claimed.length - 1]! + 1));
  return claimed;
}

/** Messages nobody has claimed yet: what STATUS RECENT counts (RFC 3501 §6.3.10). */
export function unclaimedRecent(mailbox: Mailbox): number {
  const mark = firstUnclaimed.get(mailbox) ?? 1;
  let n = 0;
  for (let i = mailbox.messages.length - 1; i >= 0 && mailbox.messages[i]!.uid >= mark; i--) n++;
  return n;
}
