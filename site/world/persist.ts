/**
 * Reading and writing the lab's world in the page's storage. A stored world that cannot be read
 * (corrupted, or written by another version) is reported with its raw text, never dropped: the
 * page asks the learner to reset or to download it first.
 */
import { worldFromJson, worldToJson } from '../../simulator/store/serialize.ts';
import type { World } from '../../simulator/net/world.ts';
import type { KeyValueStorage } from '../terminal/history.ts';

/** The storage key of the saved world (JSON from simulator/store/serialize.ts). */
export const WORLD_KEY = 'mailwire:world';

export type StoredWorld =
  | { kind: 'none' }
  | { kind: 'ok'; world: World }
  | { kind: 'broken'; error: string; raw: string };

/** What `raw` (the storage's value, or null) holds. */
export function readStoredWorld(raw: string | null): StoredWorld {
  if (raw === null || raw === '') return { kind: 'none' };
  const result = worldFromJson(raw);
  return result.ok ? { kind: 'ok', world: result.value } : { kind: 'broken', error: result.error, raw };
}

export function loadWorld(storage: KeyValueStorage): StoredWorld {
  try {
    return readStoredWorld(storage.getItem(WORLD_KEY));
  } catch (e) {
    return { kind: 'broken', error: `storage unreadable: ${e instanceof Error ? e.message : String(e)}`, raw: '' };
  }
}

/** Saves the world; false when the storage refuses (full, or forbidden in a privacy mode). */
export function saveWorld(storage: KeyValueStorage, world: World): boolean {
  try {
    storage.setItem(WORLD_KEY, worldToJson(world));
    return true;
  } catch {
    return false;
  }
}

/**
 * Calls `save` once things have been quiet for `delayMs`: a message delivery touches the store
 * several times, and one write after the burst is enough.
 */
export class SaveScheduler {
  #timer: ReturnType<typeof setTimeout> | null = null;
  #enabled = true;

  constructor(
    private readonly save: () => void,
    private readonly delayMs = 250,
  ) {}

  request(): void {
    if (!this.#enabled || this.#timer !== null) return;
    this.#timer = setTimeout(() => this.flush(), this.delayMs);
  }

  /** Saves now if a save is pending. */
  flush(): void {
    if (this.#timer === null) return;
    clearTimeout(this.#timer);
    this.#timer = null;
    if (this.#enabled) this.save();
  }

  /** Stops saving for good (before a reset reloads the page, so the old world is not written back). */
  stop(): void {
    this.#enabled = false;
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
  }
}
