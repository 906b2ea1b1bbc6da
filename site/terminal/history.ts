/** Command history of one terminal, kept across reloads in an injected key-value storage. */

import type { KeyValueStorage } from '../browser/page-storage.ts';

export const HISTORY_LIMIT = 200;

export class History {
  readonly #storage: KeyValueStorage;
  readonly #key: string;
  #entries: string[];
  /** Position while walking with up/down; equals entries.length when at the draft. */
  #index: number;
  #draft = '';

  constructor(storage: KeyValueStorage, terminalId: string, readonly limit = HISTORY_LIMIT) {
    this.#storage = storage;
    this.#key = `mailwire:history:${terminalId}`;
    this.#entries = this.#load();
    this.#index = this.#entries.length;
  }

  get entries(): readonly string[] {
    return this.#entries;
  }

  /** Records a submitted line (not empty, not a repeat of the last one) and ends any walk. */
  add(line: string): void {
    if (line.trim() !== '' && this.#entries.at(-1) !== line) {
      this.#entries.push(line);
      if (this.#entries.length > this.limit) this.#entries.splice(0, this.#entries.length - this.limit);
      this.#save();
    }
    this.reset();
  }

  /** Up: the previous entry, remembering `current` as the draft; undefined at the oldest. */
  previous(current: string): string | undefined {
    if (this.#index === 0) return undefined;
    if (this.#index === this.#entries.length) this.#draft = current;
    this.#index--;
    return this.#entries[this.#index];
  }

  /** Down: the next entry, or the draft again after the newest; undefined when already there. */
  next(): string | undefined {
    if (this.#index >= this.#entries.length) return undefined;
    this.#index++;
    return this.#index === this.#entries.length ? this.#draft : this.#entries[this.#index];
  }

  reset(): void {
    this.#index = this.#entries.length;
    this.#draft = '';
  }

  #load(): string[] {
    try {
      const parsed: unknown = JSON.parse(this.#storage.getItem(this.#key) ?? '[]');
      return Array.isArray(parsed) ? parsed.filter((e): e is string => typeof e === 'string').slice(-this.limit) : [];
    } catch {
      return []; // unreadable or blocked storage: start empty rather than fail
    }
  }

  #save(): void {
    try {
      this.#storage.setItem(this.#key, JSON.stringify(this.#entries));
    } catch {
      // Quota or privacy mode: history still works for this page, it just won't survive a reload.
    }
  }
}
