import { describe, expect, it } from 'vitest';
import { History } from './history.ts';
import { MemoryStorage, type KeyValueStorage } from '../browser/page-storage.ts';

describe('History', () => {
  it('walks back and forth and gives the draft back after the newest', () => {
    const h = new History(new MemoryStorage(), 't');
    h.add('EHLO a');
    h.add('QUIT');
    expect(h.previous('draft')).toBe('QUIT');
    expect(h.previous('QUIT')).toBe('EHLO a');
    expect(h.previous('EHLO a')).toBeUndefined();
    expect(h.next()).toBe('QUIT');
    expect(h.next()).toBe('draft');
    expect(h.next()).toBeUndefined();
  });

  it('skips empty lines and immediate repeats', () => {
    const h = new History(new MemoryStorage(), 't');
    for (const l of ['NOOP', 'NOOP', '', '   ', 'QUIT', 'NOOP']) h.add(l);
    expect(h.entries).toEqual(['NOOP', 'QUIT', 'NOOP']);
  });

  it('persists per terminal id across instances (reloads)', () => {
    const storage = new MemoryStorage();
    new History(storage, 'lab').add('/help');
    new History(storage, 'other').add('/hosts');
    expect(new History(storage, 'lab').entries).toEqual(['/help']);
    expect(new History(storage, 'other').entries).toEqual(['/hosts']);
  });

  it('keeps at most the limit, dropping the oldest', () => {
    const storage = new MemoryStorage();
    const h = new History(storage, 't', 3);
    for (const l of ['a', 'b', 'c', 'd']) h.add(l);
    expect(h.entries).toEqual(['b', 'c', 'd']);
    expect(new History(storage, 't', 3).entries).toEqual(['b', 'c', 'd']);
  });

  it('survives storage that throws or holds garbage', () => {
    const broken: KeyValueStorage = {
      getItem: () => { throw new Error('SecurityError'); },
      setItem: () => { throw new Error('QuotaExceededError'); },
    };
    const h = new History(broken, 't');
    h.add('NOOP');
    expect(h.entries).toEqual(['NOOP']);
    const junk = new MemoryStorage();
    junk.setItem('mailwire:history:t', '{"not":"a list"');
    expect(new History(junk, 't').entries).toEqual([]);
    junk.setItem('mailwire:history:t', '["ok", 3, null]');
    expect(new History(junk, 't').entries).toEqual(['ok']);
  });
});
