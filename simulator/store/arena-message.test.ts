import { describe, expect, it } from 'vitest';
import { sameOctets } from '../mime/octets.ts';
import { Mailbox } from './mailbox.ts';

const bytes = (n: number, fill: number): Uint8Array => new Uint8Array(n).fill(fill);

describe('messages kept in shared slabs', () => {
  it('give back exactly the octets appended, each read a view of the same place, never the caller’s buffer', () => {
    const box = new Mailbox({ name: 'INBOX', uidValidity: 1 });
    const small = bytes(2000, 0x61);
    const large = bytes(100 * 1024, 0x62); // above the slab's per-message limit: an allocation of its own
    const a = box.add(small, [], 1);
    const b = box.add(large, [], 2);
    small.fill(0x7a);
    large.fill(0x7a);
    expect(a.raw).toEqual(bytes(2000, 0x61));
    expect(b.raw).toEqual(bytes(100 * 1024, 0x62));
    expect(a.raw).not.toBe(a.raw);
    expect(sameOctets(a.raw, a.raw)).toBe(true);
    expect(sameOctets(a.raw, b.raw)).toBe(false);
    expect(sameOctets(a.raw, a.raw.slice())).toBe(false);
  });

  it('many small messages share slabs without overlapping', () => {
    const box = new Mailbox({ name: 'INBOX', uidValidity: 1 });
    const messages = Array.from({ length: 2000 }, (_, i) => box.add(bytes(1000 + (i % 7), i % 251), [], i));
    messages.forEach((m, i) => expect(m.raw).toEqual(bytes(1000 + (i % 7), i % 251)));
    const buffers = new Set(messages.map((m) => m.raw.buffer));
    expect(buffers.size).toBeLessThan(5);
  });

  it('flags: messages without any share one empty set; a change replaces the set of that message only', () => {
    const box = new Mailbox({ name: 'INBOX', uidValidity: 1 });
    const a = box.add(bytes(10, 1), [], 1);
    const b = box.add(bytes(10, 2), [], 2);
    const c = box.add(bytes(10, 3), ['\\Seen'], 3);
    expect(a.flags).toBe(b.flags);
    expect(a.flags.size).toBe(0);
    expect([...c.flags]).toEqual(['\\Seen']);
    expect(box.setFlags(a.uid, ['\\Flagged'])).toBe(true);
    expect([...a.flags]).toEqual(['\\Flagged']);
    expect(b.flags.size).toBe(0);
    expect(box.setFlags(b.uid, [])).toBe(false);
  });
});
