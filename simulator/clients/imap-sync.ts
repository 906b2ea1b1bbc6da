/**
 * Keeping the replica in step with the server, as a series of commands on one connection:
 * LIST the folders; push local changes folder by folder (UID STORE, UID MOVE or COPY+STORE+
 * EXPUNGE, UID EXPUNGE); then per folder pull: `UID FETCH 1:* (UID FLAGS)` brings the server's
 * flags and shows which cached UIDs are gone, and `UID FETCH <uidnext>:* (…BODY.PEEK[])`
 * downloads what is new. BODY.PEEK leaves \Seen alone (RFC 9051 §6.4.5).
 */
import type { ImapValue } from '../imap/wire/value.ts';
import { decodeMutf7, encodeMutf7 } from '../imap/wire/mutf7.ts';
import type { ImapReplica, PendingOp } from './imap-replica.ts';
import { atomText, type ImapResponse } from './imap-response.ts';
import type { ImapClientEvent } from './imap-types.ts';

export type StatusResponse = Extract<ImapResponse, { type: 'status' }>;

export interface CommandHandlers {
  /** Untagged data that arrived while the command ran (after the client's own handling). */
  onData?: (values: ImapValue[]) => void;
  done: (status: StatusResponse) => void;
}

/** What the client knows of the selected mailbox: message numbers map to UIDs (RFC 9051 §2.3.1.2). */
export interface SelectedMailbox {
  name: string;
  exists: number;
  seqMap: Array<number | null>;
  uidValidity: number | null;
  uidNext: number | null;
}

export interface SyncHost {
  readonly replica: ImapReplica;
  readonly capabilities: ReadonlySet<string>;
  selected: SelectedMailbox | null;
  run(command: string, handlers: CommandHandlers): void;
  emit(event: ImapClientEvent): void;
}

const NEW_MESSAGE_ITEMS = '(UID FLAGS RFC822.SIZE BODY.PEEK[])';

/** RFC 9051 §4.3 quoted string; mailbox names in modified UTF-7 (RFC 3501 §5.1.3) when not ASCII. */
export function quoteString(text: string, mailbox = false): string {
  const wire = mailbox && /[^\x20-\x7e]/.test(text) ? encodeMutf7(text) : text;
  return `"${wire.replace(/[\\"]/g, (c) => '\\' + c)}"`;
}

/**
 * RFC 9051 §6.3.2 SELECT (kept when already selected); a changed UIDVALIDITY empties the
 * folder's cache (§2.3.1.1).
 * @rfc 9051#2.3.1.1
 */
export function select(h: SyncHost, name: string, then: (ok: boolean) => void): void {
  if (h.selected?.name === name) return then(true);
  const selected: SelectedMailbox = { name, exists: 0, seqMap: [], uidValidity: null, uidNext: null };
  h.selected = selected;
  h.run(`SELECT ${quoteString(name, true)}`, {
    done: (s) => {
      if (s.condition !== 'OK') {
        h.selected = null;
        return then(false);
      }
      const cache = h.replica.folder(name);
      const v = selected.uidValidity;
      if (v !== null && cache.uidValidity !== null && cache.uidValidity !== v) {
        const from = cache.uidValidity;
        const dropped = h.replica.discard(name, v);
        h.emit({ kind: 'uidvalidity-reset', folder: name, from, to: v, dropped });
      } else if (v !== null) cache.uidValidity = v;
      then(true);
    },
  });
}

/** Runs `step` on each item in turn (each calls `next` when its commands are done), then `then`. */
function inTurn<T>(items: readonly T[], step: (item: T, next: () => void) => void, then: () => void): void {
  const [first, ...rest] = items;
  if (first === undefined) return then();
  step(first, () => inTurn(rest, step, then));
}

/**
 * LIST (with RFC 5819 LIST-STATUS when offered, so empty folders need no SELECT), push pending
 * changes, pull every folder (INBOX first).
 */
export function syncAll(h: SyncHost, then: () => void): void {
  const folders: string[] = [];
  const empty = new Set<string>();
  const listStatus = h.capabilities.has('LIST-STATUS');
  h.run(listStatus ? 'LIST "" "*" RETURN (STATUS (MESSAGES UIDVALIDITY))' : 'LIST "" "*"', {
    onData: (values) => {
      const name = listedMailbox(values);
      if (name !== null) folders.push(name);
      const status = statusOf(values);
      if (status?.messages === 0) empty.add(status.name);
    },
    done: (s) => {
      if (s.condition !== 'OK') return then();
      for (const name of [...h.replica.folders.keys()]) if (!folders.includes(name)) h.replica.folders.delete(name);
      folders.sort((a, b) => (a === 'INBOX' ? -1 : b === 'INBOX' ? 1 : a.localeCompare(b)));
      const withChanges = folders.filter((f) => h.replica.pendingFor(f).length > 0);
      // A folder empty on the server and in the cache has nothing to pull, unless a move fills it.
      const movedTo = new Set(h.replica.pending.flatMap((op) => (op.kind === 'move' ? [op.to] : [])));
      const toPull = folders.filter((f) => movedTo.has(f) || !(empty.has(f) && (h.replica.folders.get(f)?.messages.size ?? 0) === 0));
      inTurn(withChanges, (f, next) => pushFolder(h, f, next), () =>
        inTurn(toPull, (f, next) => pullFolder(h, f, next), () => {
          h.emit({ kind: 'synced', folders });
          then();
        }),
      );
    },
  });
}

/** RFC 9051 §7.3.4: `* STATUS name (MESSAGES n …)`. */
function statusOf(values: ImapValue[]): { name: string; messages: number | null } | null {
  if (atomText(values[0]).toUpperCase() !== 'STATUS' || !Array.isArray(values[2])) return null;
  const wire = atomText(values[1]);
  const items = values[2] as readonly ImapValue[];
  let messages: number | null = null;
  for (let i = 0; i + 1 < items.length; i += 2) if (atomText(items[i]).toUpperCase() === 'MESSAGES' && typeof items[i + 1] === 'number') messages = items[i + 1] as number;
  return { name: wire.toUpperCase() === 'INBOX' ? 'INBOX' : (decodeMutf7(wire) ?? wire), messages };
}

/** RFC 9051 §7.3.1: `* LIST (attributes) delimiter name`; \Noselect folders hold no messages. */
function listedMailbox(values: ImapValue[]): string | null {
  if (atomText(values[0]).toUpperCase() !== 'LIST') return null;
  const attrs = Array.isArray(values[1]) ? (values[1] as readonly ImapValue[]).map((a) => atomText(a).toLowerCase()) : [];
  if (attrs.includes('\\noselect') || attrs.includes('\\nonexistent')) return null;
  const wire = atomText(values[3]);
  if (!wire) return null;
  return wire.toUpperCase() === 'INBOX' ? 'INBOX' : (decodeMutf7(wire) ?? wire);
}

function pushFolder(h: SyncHost, folder: string, next: () => void): void {
  select(h, folder, (ok) => {
    if (!ok) return next();
    inTurn(h.replica.pendingFor(folder), (op, done) => pushOp(h, op, done), next);
  });
}

/**
 * One local change to the server.
 * @rfc 6851#3.1 UID MOVE
 * @rfc 4315#2.1 UID EXPUNGE
 */
function pushOp(h: SyncHost, op: PendingOp, next: () => void): void {
  const settle = (s: StatusResponse): void => {
    h.replica.done(op);
    const message = h.replica.folder(op.folder).messages.get(op.uid);
    if (s.condition === 'OK') {
      if (op.kind !== 'flags') h.replica.folder(op.folder).messages.delete(op.uid);
      h.emit({ kind: 'pushed', op });
    } else {
      if (message) {
        message.folder = op.folder;
        message.deleted = false;
      }
      h.emit({ kind: 'push-failed', op, reason: s.text });
    }
    next();
  };
  switch (op.kind) {
    case 'flags':
      return storeFlags(h, op, settle);
    case 'delete':
      // RFC 9051 §6.4.3: \Deleted, then expunge; UID EXPUNGE (RFC 4315 §2.1) spares messages others marked.
      return h.run(`UID STORE ${op.uid} +FLAGS.SILENT (\\Deleted)`, { done: (s) => (s.condition === 'OK' ? expunge(h, op.uid, settle) : settle(s)) });
    case 'move':
      // RFC 6851 §3.1 UID MOVE; without MOVE the RFC's §1 fallback: COPY, STORE \Deleted, EXPUNGE.
      if (h.capabilities.has('MOVE')) return h.run(`UID MOVE ${op.uid} ${quoteString(op.to, true)}`, { done: settle });
      return h.run(`UID COPY ${op.uid} ${quoteString(op.to, true)}`, {
        done: (s) => (s.condition === 'OK' ? h.run(`UID STORE ${op.uid} +FLAGS.SILENT (\\Deleted)`, { done: () => expunge(h, op.uid, settle) }) : settle(s)),
      });
  }
}

function storeFlags(h: SyncHost, op: Extract<PendingOp, { kind: 'flags' }>, settle: (s: StatusResponse) => void): void {
  const steps: string[] = [];
  if (op.add.length) steps.push(`UID STORE ${op.uid} +FLAGS.SILENT (${op.add.join(' ')})`);
  if (op.remove.length) steps.push(`UID STORE ${op.uid} -FLAGS.SILENT (${op.remove.join(' ')})`);
  let last: StatusResponse = { type: 'status', tag: '', condition: 'OK', code: null, text: 'nothing to store' };
  inTurn(steps, (command, next) => h.run(command, { done: (s) => ((last = s), next()) }), () => settle(last));
}

function expunge(h: SyncHost, uid: number, then: (s: StatusResponse) => void): void {
  h.run(h.capabilities.has('UIDPLUS') ? `UID EXPUNGE ${uid}` : 'EXPUNGE', { done: then });
}

function pullFolder(h: SyncHost, folder: string, next: () => void): void {
  select(h, folder, (ok) => {
    if (!ok) return next();
    const cache = h.replica.folder(folder);
    if (h.selected?.exists === 0) {
      for (const uid of [...cache.messages.keys()]) expunged(h, folder, uid);
      return next();
    }
    const seen = new Set<number>();
    h.run('UID FETCH 1:* (UID FLAGS)', {
      onData: (values) => {
        const uid = fetchedUid(values);
        if (uid !== null) seen.add(uid);
      },
      done: (s) => {
        if (s.condition !== 'OK') return next();
        for (const uid of [...cache.messages.keys()]) if (!seen.has(uid)) expunged(h, folder, uid);
        if (![...seen].some((uid) => uid >= cache.uidNext)) return next();
        fetchNew(h, next);
      },
    });
  });
}

/** New mail in the selected folder: everything from the cached UIDNEXT up. */
export function fetchNew(h: SyncHost, then: () => void): void {
  const selected = h.selected;
  if (!selected) return then();
  const cache = h.replica.folder(selected.name);
  // RFC 9051 §6.4.9 / §9 seq-range: "n:*" always includes the highest UID, even one below n: the
  // client ignores what it already has (./imap-client.ts only adds unknown UIDs).
  h.run(`UID FETCH ${cache.uidNext}:* ${NEW_MESSAGE_ITEMS}`, {
    done: () => {
      if (selected.uidNext !== null) cache.uidNext = Math.max(cache.uidNext, selected.uidNext);
      then();
    },
  });
}

function fetchedUid(values: ImapValue[]): number | null {
  if (typeof values[0] !== 'number' || atomText(values[1]).toUpperCase() !== 'FETCH' || !Array.isArray(values[2])) return null;
  const items = values[2] as readonly ImapValue[];
  for (let i = 0; i + 1 < items.length; i += 2) if (atomText(items[i]).toUpperCase() === 'UID' && typeof items[i + 1] === 'number') return items[i + 1] as number;
  return null;
}

function expunged(h: SyncHost, folder: string, uid: number): void {
  if (h.replica.folder(folder).messages.delete(uid)) h.emit({ kind: 'expunged', folder, uid });
}
