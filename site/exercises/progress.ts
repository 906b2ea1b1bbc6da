/**
 * Exercise progress, kept in localStorage under one key and exportable as JSON, so a learner can
 * carry it to another browser. Storage is passed in, so tests use a plain object.
 */
import type { KeyValueStorage } from '../browser/page-storage.ts';

export const PROGRESS_KEY = 'mailwire:progress';

export interface Progress {
  version: 1;
  /** Exercise id → when it was first solved (ISO 8601). */
  done: Record<string, string>;
}


const EMPTY: Progress = { version: 1, done: {} };

/** Parses exported progress; anything malformed yields null (never throws). */
export function parseProgress(text: string): Progress | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { version, done } = value as { version?: unknown; done?: unknown };
  if (version !== 1 || typeof done !== 'object' || done === null || Array.isArray(done)) return null;
  const out: Record<string, string> = {};
  for (const [id, when] of Object.entries(done)) {
    if (/^[a-z0-9-]{1,64}$/.test(id) && typeof when === 'string' && when.length <= 40) out[id] = when;
  }
  return { version: 1, done: out };
}

export function loadProgress(storage: KeyValueStorage): Progress {
  const text = storage.getItem(PROGRESS_KEY);
  return (text && parseProgress(text)) || { ...EMPTY, done: {} };
}

export function markDone(storage: KeyValueStorage, id: string, when: Date): Progress {
  const p = loadProgress(storage);
  p.done[id] ??= when.toISOString();
  storage.setItem(PROGRESS_KEY, JSON.stringify(p));
  return p;
}

export function exportProgress(storage: KeyValueStorage): string {
  return JSON.stringify(loadProgress(storage), null, 2);
}

/** Merges imported progress with what is stored; returns how many exercises it added, or null if malformed. */
export function importProgress(storage: KeyValueStorage, text: string): number | null {
  const incoming = parseProgress(text);
  if (!incoming) return null;
  const p = loadProgress(storage);
  let added = 0;
  for (const [id, when] of Object.entries(incoming.done)) {
    if (!(id in p.done)) {
      p.done[id] = when;
      added++;
    }
  }
  storage.setItem(PROGRESS_KEY, JSON.stringify(p));
  return added;
}
