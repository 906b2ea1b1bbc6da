/**
 * The lab's world in IndexedDB, through idb-keyval (one database, one store, one record): binary
 * message octets without base64, and far more room than localStorage's few megabytes.
 */
import { createStore, del, get, set, type UseStore } from 'idb-keyval';
import type { WorldDb } from './persist.ts';

const RECORD = 'world';

export function indexedDbAvailable(): boolean {
  return typeof indexedDB !== 'undefined';
}

export function indexedDbWorld(database = 'mailwire', store = 'world'): WorldDb {
  let handle: UseStore | null = null;
  const db = (): UseStore => (handle ??= createStore(database, store));
  return {
    get: () => get(RECORD, db()),
    put: (world) => set(RECORD, world, db()),
    remove: () => del(RECORD, db()),
  };
}
