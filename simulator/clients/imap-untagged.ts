/**
 * Untagged data that changes the replica, wherever it arrives: during SELECT, inside a FETCH,
 * or pushed during IDLE (RFC 9051 §7: "the client MUST be prepared to accept any response at
 * all times"). Message numbers map to UIDs through the selected mailbox's `seqMap`.
 */
import type { ImapValue } from '../imap/wire/value.ts';
import { fetchItems } from './imap-fetch.ts';
import type { ImapReplica } from './imap-replica.ts';
import type { SelectedMailbox } from './imap-sync.ts';
import type { ImapClientEvent } from './imap-types.ts';
import { newLocalMessage } from './local-message.ts';

export interface UntaggedTarget {
  selected: SelectedMailbox | null;
  replica: ImapReplica;
  now: number;
  emit(event: ImapClientEvent): void;
}

/** RFC 9051 §7.5.1: EXPUNGE carries a message number; every later one moves down by one. */
export function applyExpunge(t: UntaggedTarget, seq: number): void {
  const s = t.selected;
  if (!s || seq < 1 || seq > s.seqMap.length) return;
  const [uid] = s.seqMap.splice(seq - 1, 1);
  s.exists = Math.max(0, s.exists - 1);
  const cache = t.replica.folder(s.name);
  if (uid !== null && uid !== undefined && cache.messages.delete(uid)) t.emit({ kind: 'expunged', folder: s.name, uid });
}

/**
 * RFC 9051 §7.5.2 FETCH: a body for an unknown UID is new mail; FLAGS for a known one are the
 * server's current flags (someone else's STORE, RFC 9051 §5.2), which the replica takes.
 */
export function applyFetch(t: UntaggedTarget, seq: number, list: ImapValue | undefined): void {
  const s = t.selected;
  if (!s || seq < 1) return;
  const items = fetchItems(list);
  while (s.seqMap.length < seq) s.seqMap.push(null);
  if (items.uid !== undefined) s.seqMap[seq - 1] = items.uid;
  const uid = items.uid ?? s.seqMap[seq - 1];
  if (uid === null || uid === undefined) return;
  const cache = t.replica.folder(s.name);
  const known = cache.messages.get(uid);
  if (!known && items.body) {
    cache.messages.set(uid, { ...newLocalMessage(items.body, { folder: s.name, flags: items.flags ?? [], at: t.now, ref: null }), uid });
    cache.uidNext = Math.max(cache.uidNext, uid + 1);
    t.emit({ kind: 'fetched', folder: s.name, uid });
  } else if (known && items.flags && !sameFlags(known.flags, items.flags)) {
    known.flags = new Set(items.flags);
    t.emit({ kind: 'flags', folder: s.name, uid, flags: items.flags });
  }
}

function sameFlags(a: ReadonlySet<string>, b: readonly string[]): boolean {
  return a.size === b.length && b.every((f) => a.has(f));
}
