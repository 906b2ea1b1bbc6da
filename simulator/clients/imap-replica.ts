/**
 * The IMAP device's local replica: per server folder, the UIDVALIDITY its UIDs belong to, the
 * UIDNEXT seen at the last sync, and the messages by UID; plus the changes made on the device
 * that the server has not been told about yet (offline reads, deletes, moves).
 */
import type { LocalMessage } from './local-message.ts';

export interface FolderCache {
  name: string;
  /** RFC 9051 §2.3.1.1: the cached UIDs mean something only under this UIDVALIDITY. */
  uidValidity: number | null;
  /** UIDs from here up have not been fetched yet (RFC 9051 §2.3.1.1 "next unique identifier"). */
  uidNext: number;
  messages: Map<number, LocalMessage>;
}

/** A local change waiting to be pushed; `uid` is the message's UID in `folder`. */
export type PendingOp =
  | { kind: 'flags'; folder: string; uid: number; add: string[]; remove: string[] }
  | { kind: 'move'; folder: string; uid: number; to: string }
  | { kind: 'delete'; folder: string; uid: number };

export class ImapReplica {
  readonly folders = new Map<string, FolderCache>();
  pending: PendingOp[] = [];

  folder(name: string): FolderCache {
    let cache = this.folders.get(name);
    if (!cache) {
      cache = { name, uidValidity: null, uidNext: 1, messages: new Map() };
      this.folders.set(name, cache);
    }
    return cache;
  }

  /** Every message the device shows (deleted ones are hidden until expunged). */
  messages(): LocalMessage[] {
    return [...this.folders.values()].flatMap((f) => [...f.messages.values()]).filter((m) => !m.deleted);
  }

  /**
   * RFC 9051 §2.3.1.1: after a UIDVALIDITY change "the client MUST empty its local cache of
   * that mailbox and resynchronize": the messages go, and so do changes addressed by old UIDs.
   */
  discard(name: string, uidValidity: number): number {
    const cache = this.folder(name);
    const dropped = cache.messages.size;
    cache.messages.clear();
    cache.uidValidity = uidValidity;
    cache.uidNext = 1;
    this.pending = this.pending.filter((op) => op.folder !== name);
    return dropped;
  }

  pendingFor(folder: string): PendingOp[] {
    return this.pending.filter((op) => op.folder === folder);
  }

  done(op: PendingOp): void {
    this.pending = this.pending.filter((p) => p !== op);
  }
}
