/**
 * Reading and writing the lab's world. It lives in IndexedDB (message octets as bytes); a world an
 * older build kept in localStorage (JSON, octets as base64) is moved there once. A stored world
 * that cannot be read (corrupted, or written by another version) is reported with its raw text,
 * never dropped: the page asks the learner to reset or to download it first.
 */
import { deserializeWorld, serializeWorldBytes, worldFromJson, worldToJson, type SerializedWorld } from '../../simulator/world/serialize.ts';
import type { World } from '../../simulator/world/world.ts';
import { encodeBase64 } from '../../simulator/wire/base64.ts';
import type { KeyValueStorage } from '../browser/page-storage.ts';

/** The localStorage key under which older builds kept the world (JSON from serialize.ts). */
export const WORLD_KEY = 'mailwire:world';

/**
 * The localStorage key of the last-moment copy: a page that goes away with a save still pending
 * writes the world here at once (localStorage writes synchronously; an IndexedDB write begun while
 * the page unloads may never commit). The next load takes it into the database.
 */
export const JOURNAL_KEY = 'mailwire:world-journal';

/** Writes the last-moment copy; false when localStorage refuses it (full, or forbidden). */
export function writeJournal(storage: KeyValueStorage, world: World): boolean {
  try {
    storage.setItem(JOURNAL_KEY, worldToJson(world));
    return true;
  } catch {
    return false;
  }
}

export type StoredWorld =
  | { kind: 'none' }
  | { kind: 'ok'; world: World; migrated: boolean }
  | { kind: 'broken'; error: string; raw: string };

export type SaveResult = { ok: true } | { ok: false; error: string };

/**
 * Where the world is kept. A write replaces the whole record or, when it fails, leaves the one
 * before it as it was (an IndexedDB transaction is all or nothing), so a full disk loses nothing
 * already saved.
 */
export interface WorldDb {
  get(): Promise<unknown>;
  put(world: SerializedWorld<Uint8Array>): Promise<void>;
  remove(): Promise<void>;
}

/** What `raw` (a localStorage value, or null) holds. */
export function readStoredWorld(raw: string | null): StoredWorld {
  if (raw === null || raw === '') return { kind: 'none' };
  const result = worldFromJson(raw);
  return result.ok ? { kind: 'ok', world: result.value, migrated: false } : { kind: 'broken', error: result.error, raw };
}

/** The stored record as JSON text (bytes as base64), for the learner to download when it is unreadable. */
function recordText(value: unknown): string {
  try {
    return JSON.stringify(value, (_key, v: unknown) => (v instanceof Uint8Array ? encodeBase64(v) : v)) ?? '';
  } catch {
    return String(value);
  }
}

function describeError(e: unknown): string {
  if (e instanceof DOMException && e.name === 'QuotaExceededError') return 'the browser has no more storage for this site';
  return e instanceof Error ? e.message : String(e);
}

/**
 * The saved world: from the database, else from an older build's localStorage, which is then
 * moved into the database (and removed from localStorage only once the database holds it).
 */
export async function loadWorld(db: WorldDb, legacy: KeyValueStorage & { removeItem?(key: string): void }): Promise<StoredWorld> {
  const journal = await takeJournal(db, legacy);
  if (journal) return journal;
  let value: unknown;
  try {
    value = await db.get();
  } catch (e) {
    return { kind: 'broken', error: `storage unreadable: ${describeError(e)}`, raw: '' };
  }
  if (value !== undefined) {
    const result = deserializeWorld(value);
    return result.ok ? { kind: 'ok', world: result.value, migrated: false } : { kind: 'broken', error: result.error, raw: recordText(value) };
  }
  let old: StoredWorld;
  try {
    old = readStoredWorld(legacy.getItem(WORLD_KEY));
  } catch (e) {
    return { kind: 'broken', error: `storage unreadable: ${describeError(e)}`, raw: '' };
  }
  if (old.kind !== 'ok') return old;
  const moved = await saveWorld(db, old.world);
  if (moved.ok) legacy.removeItem?.(WORLD_KEY);
  return { ...old, migrated: moved.ok };
}

/**
 * The last-moment copy, when there is one: it is never older than the database's record (it was
 * written after every change the page saw), so it replaces that record, and is then forgotten.
 */
async function takeJournal(db: WorldDb, legacy: KeyValueStorage & { removeItem?(key: string): void }): Promise<StoredWorld | null> {
  let text: string | null;
  try {
    text = legacy.getItem(JOURNAL_KEY);
  } catch {
    return null;
  }
  if (!text) return null;
  const read = worldFromJson(text);
  if (!read.ok) {
    legacy.removeItem?.(JOURNAL_KEY);
    return null;
  }
  const saved = await saveWorld(db, read.value);
  if (saved.ok) legacy.removeItem?.(JOURNAL_KEY);
  return { kind: 'ok', world: read.value, migrated: false };
}

/** Saves the world; says why when the storage refuses (full, or forbidden in a privacy mode). */
export async function saveWorld(db: WorldDb, world: World): Promise<SaveResult> {
  try {
    await db.put(serializeWorldBytes(world));
    return { ok: true };
  } catch (e) {
    return { ok: false, error: describeError(e) };
  }
}

/**
 * A WorldDb on a key-value storage (JSON text): where IndexedDB is missing or refused, and for
 * tests in Node. A refused setItem leaves the old value, as localStorage does.
 */
export function keyValueWorldDb(storage: KeyValueStorage & { removeItem?(key: string): void }, key = 'mailwire:world-db'): WorldDb {
  return {
    get: async () => {
      const text = storage.getItem(key);
      if (text === null || text === '') return undefined;
      // Hand back what was stored; deserializeWorld checks it and names what is wrong.
      try {
        return JSON.parse(text) as unknown;
      } catch {
        return text;
      }
    },
    put: async (world) => {
      storage.setItem(key, recordText(world));
    },
    remove: async () => {
      if (storage.removeItem) storage.removeItem(key);
      else storage.setItem(key, '');
    },
  };
}

/**
 * Calls `save` once things have been quiet for `delayMs` (a delivery touches the store several
 * times; one write after the burst is enough), never two at once: a request during a write
 * starts one more write after it.
 */
export class SaveScheduler {
  #timer: ReturnType<typeof setTimeout> | null = null;
  #enabled = true;
  #writing: Promise<void> | null = null;
  #again = false;

  constructor(
    private readonly save: () => Promise<void> | void,
    private readonly delayMs = 250,
  ) {}

  request(): void {
    if (!this.#enabled || this.#timer !== null) return;
    this.#timer = setTimeout(() => void this.flush(), this.delayMs);
  }

  /** A change is waiting to be written, or a write is under way. */
  pending(): boolean {
    return this.#enabled && (this.#timer !== null || this.#writing !== null);
  }

  /** Saves now if a save is pending; resolves when the write (and any queued after it) is done. */
  async flush(): Promise<void> {
    if (this.#timer === null) return this.#writing ?? undefined;
    clearTimeout(this.#timer);
    this.#timer = null;
    if (!this.#enabled) return;
    if (this.#writing) {
      this.#again = true;
      return this.#writing;
    }
    this.#writing = this.#write();
    return this.#writing;
  }

  async #write(): Promise<void> {
    try {
      do {
        this.#again = false;
        if (this.#enabled) await this.save();
      } while (this.#again && this.#enabled);
    } finally {
      this.#writing = null;
    }
  }

  /** Stops saving for good (before a reset reloads the page, so the old world is not written back). */
  stop(): void {
    this.#enabled = false;
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
  }
}
