import { describe, expect, it } from 'vitest';
import { utf8Bytes } from '../wire/bytes.ts';
import { DEFAULT_MAILBOXES, MailStore } from './mail-store.ts';
import type { StoreChange } from './types.ts';

const A = 'alice@example.com';
const raw = (s: string) => utf8Bytes(s);

function store(): { s: MailStore; changes: StoreChange[] } {
  const s = new MailStore(100);
  s.addAccount('Alice@Example.com', 'wonderland');
  s.addAccount('bob@example.org', 'builder');
  const changes: StoreChange[] = [];
  s.subscribe((c) => changes.push(c));
  return { s, changes };
}

function names(s: MailStore, address = A): string[] {
  return [...s.account(address)!.mailboxes.keys()].sort();
}

describe('MailStore accounts and login', () => {
  it('creates the default mailboxes with distinct, ascending UIDVALIDITY values', () => {
    const { s } = store();
    expect(names(s)).toEqual(DEFAULT_MAILBOXES.map((m) => m.name).sort());
    const validities = [...s.accounts.values()].flatMap((a) => [...a.mailboxes.values()].map((b) => b.uidValidity));
    expect(new Set(validities).size).toBe(validities.length);
    expect(s.uidValiditySeed).toBeGreaterThan(Math.max(...validities));
    expect(s.account(A)!.bySpecialUse('\\Sent')?.name).toBe('Sent');
    expect(() => s.addAccount(A, 'x')).toThrow(/exists/);
  });

  it('authenticates by full address or local part, and a wrong password looks like no user', () => {
    const { s } = store();
    expect(s.authenticate('alice', 'wonderland', ['example.com'])?.address).toBe(A);
    expect(s.authenticate('ALICE@example.com', 'wonderland', ['example.com'])?.address).toBe(A);
    expect(s.authenticate('alice', 'Wonderland', ['example.com'])).toBeNull();
    expect(s.authenticate('nobody', 'wonderland', ['example.com'])).toBeNull();
    // A user of another domain cannot log in on a host that does not serve it.
    expect(s.authenticate('bob@example.org', 'builder', ['example.com'])).toBeNull();
    expect(s.authenticate('bob', 'builder', ['example.com', 'example.org'])?.address).toBe('bob@example.org');
  });
});

describe('MailStore mailboxes', () => {
  it('CREATE makes missing superiors and refuses bad or existing names (RFC 9051 §6.3.4)', () => {
    const { s, changes } = store();
    const made = s.createMailbox(A, 'Work/2026/Q4/');
    expect(made.ok && made.value.name).toBe('Work/2026/Q4');
    expect(names(s)).toEqual(expect.arrayContaining(['Work', 'Work/2026', 'Work/2026/Q4']));
    expect(changes.map((c) => c.kind === 'mailbox-created' && c.mailbox)).toEqual(['Work', 'Work/2026', 'Work/2026/Q4']);
    expect(s.createMailbox(A, 'inbox')).toMatchObject({ ok: false, error: 'already-exists' });
    expect(s.createMailbox(A, 'a//b')).toMatchObject({ ok: false, error: 'cannot' });
    expect(s.createMailbox(A, '/')).toMatchObject({ ok: false, error: 'cannot' });
    expect(s.createMailbox('nobody@x', 'A')).toMatchObject({ ok: false, error: 'nonexistent' });
    expect(s.createMailbox(A, 'INBOX/Sub')).toMatchObject({ ok: true });
    expect(s.mailbox(A, 'inbox/Sub')?.name).toBe('INBOX/Sub');
  });

  it('DELETE refuses INBOX, keeps inferiors, and announces the expunge of the contents', () => {
    const { s, changes } = store();
    s.createMailbox(A, 'P/Q');
    s.append(A, 'P', raw('x'), { internalDate: 1 });
    changes.length = 0;
    expect(s.deleteMailbox(A, 'INBOX')).toMatchObject({ ok: false, error: 'cannot' });
    expect(s.deleteMailbox(A, 'P')).toMatchObject({ ok: true });
    expect(names(s)).toContain('P/Q');
    expect(names(s)).not.toContain('P');
    expect(changes).toEqual([
      { kind: 'expunge', account: A, mailbox: 'P', uids: [1], origin: undefined },
      { kind: 'mailbox-deleted', account: A, mailbox: 'P', origin: undefined },
    ]);
    expect(s.deleteMailbox(A, 'P')).toMatchObject({ ok: false, error: 'nonexistent' });
  });

  it('RENAME moves inferiors and creates superiors of the new name (RFC 9051 §6.3.6)', () => {
    const { s, changes } = store();
    s.createMailbox(A, 'Old/Child');
    const uidValidity = s.mailbox(A, 'Old')!.uidValidity;
    expect(s.renameMailbox(A, 'Old', 'New/Place')).toMatchObject({ ok: true });
    expect(names(s)).toEqual(expect.arrayContaining(['New', 'New/Place', 'New/Place/Child']));
    expect(names(s)).not.toContain('Old');
    expect(s.mailbox(A, 'New/Place')!.uidValidity).toBe(uidValidity);
    expect(changes.filter((c) => c.kind === 'mailbox-renamed').map((c) => c.kind === 'mailbox-renamed' && [c.mailbox, c.to])).toEqual([
      ['Old', 'New/Place'],
      ['Old/Child', 'New/Place/Child'],
    ]);
    expect(s.renameMailbox(A, 'New', 'New/Inside')).toMatchObject({ ok: false, error: 'cannot' });
    expect(s.renameMailbox(A, 'Sent', 'Drafts')).toMatchObject({ ok: false, error: 'already-exists' });
    expect(s.renameMailbox(A, 'Missing', 'X')).toMatchObject({ ok: false, error: 'nonexistent' });
  });

  it('RENAME refuses when an inferior would land on an existing mailbox', () => {
    const { s } = store();
    s.createMailbox(A, 'A/x');
    s.createMailbox(A, 'B/x');
    s.append(A, 'B/x', raw('keep me'), { internalDate: 1 });
    s.deleteMailbox(A, 'B');
    expect(s.renameMailbox(A, 'A', 'B')).toMatchObject({ ok: false, error: 'already-exists' });
    expect(s.mailbox(A, 'B/x')!.messages).toHaveLength(1);
    expect(s.mailbox(A, 'A/x')).toBeDefined();
  });

  it('RENAME of INBOX moves its messages to the new name and leaves INBOX empty (RFC 9051 §6.3.6)', () => {
    const { s, changes } = store();
    s.append(A, 'INBOX', raw('one'), { internalDate: 1, flags: ['\\Seen'] });
    s.append(A, 'INBOX', raw('two'), { internalDate: 2 });
    const inbox = s.mailbox(A, 'INBOX')!;
    const { uidValidity, uidNext } = inbox;
    changes.length = 0;
    const moved = s.renameMailbox(A, 'inbox', 'Old-Inbox');
    expect(moved.ok && moved.value.messages.map((m) => [m.uid, [...m.flags]])).toEqual([[1, ['\\Seen']], [2, []]]);
    expect(inbox.messages).toEqual([]);
    expect([inbox.uidValidity, inbox.uidNext]).toEqual([uidValidity, uidNext]);
    expect(s.append(A, 'INBOX', raw('three'), { internalDate: 3 }).ok && inbox.messages[0]!.uid).toBe(3);
    expect(changes).toContainEqual({ kind: 'expunge', account: A, mailbox: 'INBOX', uids: [1, 2], origin: undefined });
    expect(changes).toContainEqual({ kind: 'mailbox-created', account: A, mailbox: 'Old-Inbox', origin: undefined });
  });

  it('subscription is a mailbox attribute', () => {
    const { s } = store();
    expect(s.setSubscribed(A, 'Junk', false)).toMatchObject({ ok: true });
    expect(s.mailbox(A, 'Junk')!.subscribed).toBe(false);
    expect(s.setSubscribed(A, 'Nope', true)).toMatchObject({ ok: false, error: 'nonexistent' });
  });
});

describe('MailStore messages', () => {
  it('append, setFlags and expunge are announced with their origin', () => {
    const { s, changes } = store();
    const added = s.append('ALICE@example.com', 'INBOX', raw('hi'), { internalDate: 5, origin: 'smtp-1' });
    expect(added.ok && added.value.uid).toBe(1);
    expect(s.setFlags(A, 'INBOX', 1, ['\\Seen'], 'imap-2')).toBe(true);
    expect(s.setFlags(A, 'INBOX', 1, ['\\Seen'], 'imap-2')).toBe(false);
    expect(s.expunge(A, 'INBOX', [1, 7], 'pop3-3')).toEqual([1]);
    expect(s.expunge(A, 'INBOX', [1], 'pop3-3')).toEqual([]);
    expect(s.expunge(A, 'Nope', [1])).toEqual([]);
    expect(changes).toEqual([
      { kind: 'append', account: A, mailbox: 'INBOX', uid: 1, origin: 'smtp-1' },
      { kind: 'flags', account: A, mailbox: 'INBOX', uid: 1, flags: ['\\Seen'], origin: 'imap-2' },
      { kind: 'expunge', account: A, mailbox: 'INBOX', uids: [1], origin: 'pop3-3' },
    ]);
    expect(s.append(A, 'Nope', raw('x'), { internalDate: 1 })).toMatchObject({ ok: false, error: 'nonexistent' });
  });

  it('enforces the quota on append and copy', () => {
    const { s } = store();
    s.account(A)!.quota = 10;
    expect(s.append(A, 'INBOX', raw('123456'), { internalDate: 1 }).ok).toBe(true);
    expect(s.append(A, 'INBOX', raw('12345'), { internalDate: 1 })).toMatchObject({ ok: false, error: 'quota' });
    expect(s.copy(A, 'INBOX', [1], 'Archive')).toMatchObject({ ok: false, error: 'quota' });
    expect(s.append(A, 'INBOX', raw('1234'), { internalDate: 1 }).ok).toBe(true);
  });

  it('COPY gives new UIDs in the target, pairs in request order, and keeps flags and dates (RFC 4315)', () => {
    const { s, changes } = store();
    s.append(A, 'INBOX', raw('a'), { internalDate: 10, flags: ['\\Flagged'] });
    s.append(A, 'INBOX', raw('b'), { internalDate: 20 });
    s.append(A, 'Archive', raw('old'), { internalDate: 1 });
    changes.length = 0;
    const copied = s.copy(A, 'INBOX', [2, 1, 99], 'Archive', 'imap-1');
    expect(copied.ok && copied.value.pairs).toEqual([[2, 2], [1, 3]]);
    const archive = s.mailbox(A, 'Archive')!;
    expect(archive.byUid(3)).toMatchObject({ internalDate: 10, flags: new Set(['\\Flagged']) });
    expect(s.mailbox(A, 'INBOX')!.messages).toHaveLength(2);
    expect(changes.map((c) => c.kind)).toEqual(['append', 'append']);
    expect(s.copy(A, 'INBOX', [1], 'Nope')).toMatchObject({ ok: false, error: 'nonexistent' });
    expect(s.copy(A, 'Nope', [1], 'INBOX')).toMatchObject({ ok: false, error: 'nonexistent' });
  });

  it('MOVE is a copy then an expunge of the originals (RFC 6851)', () => {
    const { s, changes } = store();
    s.append(A, 'INBOX', raw('a'), { internalDate: 10 });
    s.append(A, 'INBOX', raw('b'), { internalDate: 20 });
    changes.length = 0;
    const moved = s.move(A, 'INBOX', [1], 'Trash', 'imap-1');
    expect(moved.ok && moved.value.pairs).toEqual([[1, 1]]);
    expect(s.mailbox(A, 'INBOX')!.messages.map((m) => m.uid)).toEqual([2]);
    expect(changes.map((c) => [c.kind, c.mailbox])).toEqual([['append', 'Trash'], ['expunge', 'INBOX']]);
  });

  it('listeners can unsubscribe, and one may unsubscribe while being called', () => {
    const { s } = store();
    const seen: string[] = [];
    const off = s.subscribe(() => {
      seen.push('once');
      off();
    });
    const off2 = s.subscribe(() => seen.push('always'));
    s.append(A, 'INBOX', raw('a'), { internalDate: 1 });
    s.append(A, 'INBOX', raw('b'), { internalDate: 1 });
    off2();
    s.append(A, 'INBOX', raw('c'), { internalDate: 1 });
    expect(seen).toEqual(['once', 'always', 'always']);
  });
});

describe('MailStore POP3 maildrop lock (RFC 1939 §8)', () => {
  it('is exclusive, re-entrant for its holder, and only the holder releases it', () => {
    const { s } = store();
    expect(s.lock(A, 'pop-1')).toBe(true);
    expect(s.lock(A, 'pop-1')).toBe(true);
    expect(s.lock(A, 'pop-2')).toBe(false);
    s.unlock(A, 'pop-2');
    expect(s.isLocked(A)).toBe(true);
    s.unlock(A, 'pop-1');
    expect(s.isLocked(A)).toBe(false);
    expect(s.lock(A, 'pop-2')).toBe(true);
    expect(s.lock('bob@example.org', 'pop-1')).toBe(true);
  });
});
