import { describe, expect, it, vi } from 'vitest';
import { defaultWorld } from '../../simulator/world/world.ts';
import { worldToJson } from '../../simulator/world/serialize.ts';
import { MemoryStorage } from '../browser/page-storage.ts';
import { JOURNAL_KEY, keyValueWorldDb, loadWorld, readStoredWorld, saveWorld, SaveScheduler, WORLD_KEY, writeJournal } from './persist.ts';

describe('readStoredWorld', () => {
  it('has nothing when nothing is stored', () => {
    expect(readStoredWorld(null)).toEqual({ kind: 'none' });
    expect(readStoredWorld('')).toEqual({ kind: 'none' });
  });

  it('reads back a saved world with its messages', () => {
    const world = defaultWorld(1_700_000_000_000);
    world.store.append('bob@example.org', 'INBOX', new TextEncoder().encode('Subject: kept\r\n\r\nhi\r\n'), { internalDate: 1_700_000_000_000 });
    const read = readStoredWorld(worldToJson(world));
    expect(read.kind).toBe('ok');
    if (read.kind !== 'ok') return;
    const inbox = read.world.store.mailbox('bob@example.org', 'INBOX')!;
    expect(new TextDecoder().decode(inbox.messages.at(-1)!.raw)).toContain('Subject: kept');
  });

  it('reports a corrupted or foreign world with the raw text kept', () => {
    const broken = readStoredWorld('{"format":"mailwire-world","version":1,"store":');
    expect(broken).toMatchObject({ kind: 'broken', raw: '{"format":"mailwire-world","version":1,"store":' });
    expect(readStoredWorld(JSON.stringify({ format: 'mailwire-world', version: 0 }))).toMatchObject({ kind: 'broken', error: expect.stringMatching(/version 0/) });
    expect(readStoredWorld('[]')).toMatchObject({ kind: 'broken' });
  });
});

/** A storage that refuses every write after `room` of them, keeping what it held, as a full localStorage does. */
function fillingStorage(room: number): MemoryStorage {
  const storage = new MemoryStorage();
  const setItem = storage.setItem.bind(storage);
  let left = room;
  storage.setItem = (key: string, value: string) => {
    if (left-- <= 0) throw new DOMException('full', 'QuotaExceededError');
    setItem(key, value);
  };
  return storage;
}

function message(world: ReturnType<typeof defaultWorld>, subject: string): void {
  world.store.append('bob@example.org', 'INBOX', new TextEncoder().encode(`Subject: ${subject}\r\n\r\nhi\r\n`), { internalDate: 1_700_000_000_000 });
}

function subjects(world: ReturnType<typeof defaultWorld>): string[] {
  return world.store.mailbox('bob@example.org', 'INBOX')!.messages.map((m) => /Subject: (.*)\r/.exec(new TextDecoder().decode(m.raw))?.[1] ?? '');
}

describe('saveWorld / loadWorld', () => {
  it('round-trips through a world store, message octets and all', async () => {
    const db = keyValueWorldDb(new MemoryStorage());
    const world = defaultWorld(1_700_000_000_000);
    message(world, 'kept');
    expect(await saveWorld(db, world)).toEqual({ ok: true });
    const read = await loadWorld(db, new MemoryStorage());
    expect(read.kind).toBe('ok');
    if (read.kind === 'ok') expect(subjects(read.world)).toContain('kept');
  });

  it('moves an older build\'s localStorage world into the store, then forgets the old copy', async () => {
    const legacy = new MemoryStorage();
    const old = defaultWorld(1_700_000_000_000);
    message(old, 'from localStorage');
    legacy.setItem(WORLD_KEY, worldToJson(old));
    const db = keyValueWorldDb(new MemoryStorage());
    const read = await loadWorld(db, legacy);
    expect(read).toMatchObject({ kind: 'ok', migrated: true });
    expect(legacy.getItem(WORLD_KEY)).toBeNull();
    const again = await loadWorld(db, legacy);
    expect(again).toMatchObject({ kind: 'ok', migrated: false });
    if (again.kind === 'ok') expect(subjects(again.world)).toContain('from localStorage');
  });

  it('keeps an unreadable older world where it is and reports it', async () => {
    const legacy = new MemoryStorage();
    legacy.setItem(WORLD_KEY, '{"format":"mailwire-world","version":1,"store":');
    const read = await loadWorld(keyValueWorldDb(new MemoryStorage()), legacy);
    expect(read).toMatchObject({ kind: 'broken', raw: '{"format":"mailwire-world","version":1,"store":' });
    expect(legacy.getItem(WORLD_KEY)).not.toBeNull();
  });

  it('says why when the storage is full, and the world saved before is still there', async () => {
    const db = keyValueWorldDb(fillingStorage(1));
    const first = defaultWorld(1_700_000_000_000);
    message(first, 'first');
    expect(await saveWorld(db, first)).toEqual({ ok: true });
    message(first, 'second');
    expect(await saveWorld(db, first)).toEqual({ ok: false, error: 'the browser has no more storage for this site' });
    const read = await loadWorld(db, new MemoryStorage());
    expect(read.kind).toBe('ok');
    if (read.kind === 'ok') expect(subjects(read.world).filter((s) => s === 'first' || s === 'second')).toEqual(['first']);
  });

  it('a last-moment copy (a page gone with a save pending) wins over the database, moves into it, and is forgotten', async () => {
    const db = keyValueWorldDb(new MemoryStorage());
    const older = defaultWorld(1_700_000_000_000);
    message(older, 'saved');
    await saveWorld(db, older);
    const legacy = new MemoryStorage();
    message(older, 'pending at unload');
    expect(writeJournal(legacy, older)).toBe(true);
    const read = await loadWorld(db, legacy);
    expect(read.kind).toBe('ok');
    if (read.kind === 'ok') expect(subjects(read.world)).toContain('pending at unload');
    expect(legacy.getItem(JOURNAL_KEY)).toBeNull();
    const again = await loadWorld(db, legacy);
    if (again.kind === 'ok') expect(subjects(again.world)).toContain('pending at unload');
  });

  it('never throws on a storage that refuses to be read', async () => {
    const denied = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('denied'); } };
    expect(await loadWorld(keyValueWorldDb(denied), new MemoryStorage())).toMatchObject({ kind: 'broken', error: expect.stringMatching(/denied/) });
  });
});

describe('SaveScheduler', () => {
  it('saves once after a burst, and not at all once stopped', async () => {
    vi.useFakeTimers();
    try {
      const save = vi.fn();
      const s = new SaveScheduler(save, 100);
      s.request();
      s.request();
      await vi.advanceTimersByTimeAsync(99);
      expect(save).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(1);
      expect(save).toHaveBeenCalledTimes(1);
      s.request();
      await s.flush();
      expect(save).toHaveBeenCalledTimes(2);
      s.request();
      s.stop();
      await vi.advanceTimersByTimeAsync(500);
      s.request();
      await s.flush();
      expect(save).toHaveBeenCalledTimes(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('never runs two writes at once: a change during a write is saved by one more write after it', async () => {
    let running = 0;
    let most = 0;
    let release: () => void = () => undefined;
    const save = vi.fn(async () => {
      running++;
      most = Math.max(most, running);
      await new Promise<void>((r) => (release = r));
      running--;
    });
    const s = new SaveScheduler(save, 1_000);
    s.request();
    const first = s.flush();
    s.request();
    const second = s.flush();
    s.request();
    void s.flush();
    release();
    await Promise.resolve();
    await new Promise((r) => setTimeout(r, 0));
    release();
    await Promise.all([first, second]);
    expect(save).toHaveBeenCalledTimes(2);
    expect(most).toBe(1);
  });
});
