import { describe, expect, it } from 'vitest';
import { utf8Bytes } from '../wire/bytes.ts';
import { Account, canonicalMailboxName } from './account.ts';
import { Mailbox } from './mailbox.ts';

const raw = (s: string) => utf8Bytes(s);

describe('Mailbox', () => {
  it('gives ascending UIDs and a fresh modseq to each message (RFC 9051 §2.3.1.1)', () => {
    const box = new Mailbox({ name: 'INBOX', uidValidity: 7 });
    const a = box.add(raw('a'), ['\\Seen'], 1);
    const b = box.add(raw('bb'), [], 2);
    expect([a.uid, b.uid]).toEqual([1, 2]);
    expect(box.uidNext).toBe(3);
    expect(b.modseq).toBeGreaterThan(a.modseq);
    expect(box.highestModseq).toBe(b.modseq);
    expect(box.size).toBe(3);
  });

  it('never reuses a UID after removal', () => {
    const box = new Mailbox({ name: 'INBOX', uidValidity: 1 });
    box.add(raw('a'), [], 1);
    box.add(raw('b'), [], 1);
    const before = box.highestModseq;
    expect(box.remove([2, 99])).toEqual([2]);
    expect(box.highestModseq).toBe(before + 1);
    expect(box.add(raw('c'), [], 1).uid).toBe(3);
    expect(box.messages.map((m) => m.uid)).toEqual([1, 3]);
    expect(box.remove([42])).toEqual([]);
  });

  it('finds messages by UID with binary search', () => {
    const box = new Mailbox({ name: 'X', uidValidity: 1 });
    for (let i = 0; i < 50; i++) box.add(raw(String(i)), [], i);
    box.remove([10, 11, 12, 40]);
    expect(box.indexOfUid(13)).toBe(9);
    expect(box.byUid(11)).toBeUndefined();
    expect(box.byUid(50)?.uid).toBe(50);
    expect(box.indexOfUid(0)).toBe(-1);
    expect(box.indexOfUid(51)).toBe(-1);
  });

  it('setFlags bumps the modseq only when something changed', () => {
    const box = new Mailbox({ name: 'X', uidValidity: 1 });
    const m = box.add(raw('a'), ['\\Seen'], 1);
    const modseq = m.modseq;
    expect(box.setFlags(1, ['\\Seen'])).toBe(false);
    expect(m.modseq).toBe(modseq);
    expect(box.setFlags(1, ['\\Seen', '\\Flagged'])).toBe(true);
    expect(m.modseq).toBeGreaterThan(modseq);
    expect(box.setFlags(99, [])).toBe(false);
  });

  it('restore keeps known UIDs and counters, and refuses UIDs out of order', () => {
    const box = new Mailbox({ name: 'X', uidValidity: 1 });
    box.restore({ uid: 5, raw: raw('a'), flags: new Set(), internalDate: 1, modseq: 9 });
    expect(box.uidNext).toBe(6);
    expect(box.highestModseq).toBe(9);
    expect(() => box.restore({ uid: 5, raw: raw('b'), flags: new Set(), internalDate: 1, modseq: 1 })).toThrow(/not above/);
  });
});

describe('Account', () => {
  it('lower-cases the address and splits it', () => {
    const a = new Account('Alice@Example.COM', 'pw');
    expect([a.address, a.localPart, a.domain]).toEqual(['alice@example.com', 'alice', 'example.com']);
    expect(() => a.inbox).toThrow(/no INBOX/);
  });

  it('treats INBOX case-insensitively and every other name case-sensitively (RFC 9051 §5.1)', () => {
    expect(canonicalMailboxName('inbox')).toBe('INBOX');
    expect(canonicalMailboxName('InBox/Sub')).toBe('INBOX/Sub');
    expect(canonicalMailboxName('Sent')).toBe('Sent');
    expect(canonicalMailboxName('sent')).toBe('sent');
    expect(canonicalMailboxName('INBOXES')).toBe('INBOXES');
  });
});
