import { ArenaMessage } from './arena-message.ts';
import { keepBytes } from './byte-arena.ts';
import type { SpecialUse, StoredMessage } from './types.ts';

/** One mailbox (folder): its messages in ascending UID order and the counters IMAP exposes. */
export class Mailbox {
  name: string;
  /** RFC 9051 §2.3.1.1: changes whenever UIDs of this name can no longer be trusted. */
  uidValidity: number;
  uidNext: number;
  highestModseq: number;
  specialUse: SpecialUse | null;
  subscribed: boolean;
  readonly messages: StoredMessage[] = [];

  constructor(init: {
    name: string;
    uidValidity: number;
    uidNext?: number;
    highestModseq?: number;
    specialUse?: SpecialUse | null;
    subscribed?: boolean;
  }) {
    this.name = init.name;
    this.uidValidity = init.uidValidity;
    this.uidNext = init.uidNext ?? 1;
    this.highestModseq = init.highestModseq ?? 1;
    this.specialUse = init.specialUse ?? null;
    this.subscribed = init.subscribed ?? true;
  }

  get size(): number {
    let total = 0;
    for (const m of this.messages) total += m.raw.length;
    return total;
  }

  /** Adds a message with the next UID (RFC 9051 §2.3.1.1: UIDs only ascend). */
  add(raw: Uint8Array, flags: Iterable<string>, internalDate: number): StoredMessage {
    const kept = keepBytes(raw);
    const message = new ArenaMessage(this.uidNext++, kept.slab, kept.start, raw.length, flags, internalDate, ++this.highestModseq);
    this.messages.push(message);
    return message;
  }

  /** Restores a message with a known UID (deserialisation); keeps UID order. */
  restore(message: StoredMessage): void {
    const last = this.messages[this.messages.length - 1];
    if (last && last.uid >= message.uid) throw new Error(`UID ${message.uid} is not above ${last.uid} in ${this.name}`);
    this.messages.push(message);
    if (message.uid >= this.uidNext) this.uidNext = message.uid + 1;
    if (message.modseq > this.highestModseq) this.highestModseq = message.modseq;
  }

  /** The position of `uid` in `messages`, or -1. */
  indexOfUid(uid: number): number {
    let lo = 0;
    let hi = this.messages.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const at = this.messages[mid]!.uid;
      if (at === uid) return mid;
      if (at < uid) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  byUid(uid: number): StoredMessage | undefined {
    const i = this.indexOfUid(uid);
    return i < 0 ? undefined : this.messages[i];
  }

  /** Replaces the flags of a message; returns false when nothing changed. */
  setFlags(uid: number, flags: Iterable<string>): boolean {
    const message = this.byUid(uid);
    if (!message) return false;
    const next = new Set(flags);
    if (next.size === message.flags.size && [...next].every((f) => message.flags.has(f))) return false;
    message.flags = next;
    message.modseq = ++this.highestModseq;
    return true;
  }

  /** Removes the messages with these UIDs; returns the UIDs actually removed, ascending. */
  remove(uids: Iterable<number>): number[] {
    const doomed = new Set(uids);
    const removed: number[] = [];
    let kept = 0;
    for (const m of this.messages) {
      if (doomed.has(m.uid)) removed.push(m.uid);
      else this.messages[kept++] = m;
    }
    this.messages.length = kept;
    if (removed.length) this.highestModseq++;
    return removed;
  }
}
