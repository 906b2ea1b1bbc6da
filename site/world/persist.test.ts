import { describe, expect, it, vi } from 'vitest';
import { defaultWorld } from '../../simulator/net/world.ts';
import { worldToJson } from '../../simulator/store/serialize.ts';
import { MemoryStorage } from '../terminal/history.ts';
import { loadWorld, readStoredWorld, saveWorld, SaveScheduler, WORLD_KEY } from './persist.ts';

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

describe('saveWorld / loadWorld', () => {
  it('round-trips through a storage', () => {
    const storage = new MemoryStorage();
    expect(saveWorld(storage, defaultWorld(1_700_000_000_000))).toBe(true);
    expect(storage.getItem(WORLD_KEY)).toContain('mailwire-world');
    expect(loadWorld(storage).kind).toBe('ok');
  });

  it('says so when the storage refuses, and never throws', () => {
    const full = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('quota'); } };
    expect(saveWorld(full, defaultWorld(1))).toBe(false);
    expect(loadWorld(full)).toMatchObject({ kind: 'broken', error: expect.stringMatching(/denied/) });
  });
});

describe('SaveScheduler', () => {
  it('saves once after a burst, and not at all once stopped', () => {
    vi.useFakeTimers();
    try {
      const save = vi.fn();
      const s = new SaveScheduler(save, 100);
      s.request();
      s.request();
      vi.advanceTimersByTime(99);
      expect(save).not.toHaveBeenCalled();
      vi.advanceTimersByTime(1);
      expect(save).toHaveBeenCalledTimes(1);
      s.request();
      s.flush();
      expect(save).toHaveBeenCalledTimes(2);
      s.request();
      s.stop();
      vi.advanceTimersByTime(500);
      s.request();
      s.flush();
      expect(save).toHaveBeenCalledTimes(2);
    } finally {
      vi.useRealTimers();
    }
  });
});
