/**
 * The page's key-value storage: localStorage where the page may use it, else memory. One probe for
 * the terminal's history, the relay setting, exercise progress and the world's last-moment copy.
 */

/** The part of the Web Storage API the site needs (localStorage fits; tests pass a MemoryStorage). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export class MemoryStorage implements KeyValueStorage {
  readonly #items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.#items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.#items.set(key, value);
  }
  removeItem(key: string): void {
    this.#items.delete(key);
  }
}

/** Where a page that may not use localStorage keeps things: for this page's life, shared by every caller. */
const pageMemory = new MemoryStorage();

/** localStorage when the page may use it (it throws in some privacy modes), else memory for this page. */
export function pageStorage(): KeyValueStorage {
  try {
    const probe = 'mailwire:probe';
    window.localStorage.setItem(probe, '1');
    window.localStorage.removeItem(probe);
    return window.localStorage;
  } catch {
    return pageMemory;
  }
}
