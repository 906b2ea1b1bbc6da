/** RFC 1939 §6: the UPDATE state, the maildrop lock and the login snapshot, as the store sees them. */
import { describe, expect, it } from 'vitest';
import { defaultWorld } from '../world/world.ts';
import type { StoreChange } from '../store/types.ts';
import { utf8Bytes } from '../wire/bytes.ts';
import { bobLoggedIn, pop3, T0 } from './fixtures.test-helper.ts';

const BOB = 'bob@example.org';

function world() {
  return defaultWorld(Date.UTC(2026, 10, 26, 8, 0, 0));
}

function inboxUids(w: ReturnType<typeof world>): number[] {
  return w.store.mailbox(BOB, 'INBOX')!.messages.map((m) => m.uid);
}

describe('POP3 UPDATE state (RFC 1939 §6)', () => {
  it('DELE then a dropped connection deletes nothing and releases the lock', () => {
    const w = world();
    const f = bobLoggedIn(w);
    const changes: StoreChange[] = [];
    w.store.subscribe((c) => changes.push(c));
    expect(f.driver.send('DELE 1\r\nDELE 2\r\n')).toEqual(['+OK message 1 deleted', '+OK message 2 deleted']);
    expect(w.store.isLocked(BOB)).toBe(true);
    f.driver.take(f.server.closed(T0 + 1000));
    expect(inboxUids(w)).toEqual([1, 2]);
    expect(changes).toEqual([]);
    expect(w.store.isLocked(BOB)).toBe(false);
    expect(f.server.state).toBe('CLOSED');
    expect(f.driver.events).toContainEqual({ kind: 'state', from: 'TRANSACTION', to: 'CLOSED' });
  });

  it('DELE then QUIT expunges, and a store subscriber (an IMAP session) sees the expunge', () => {
    const w = world();
    const f = bobLoggedIn(w);
    const changes: StoreChange[] = [];
    w.store.subscribe((c) => changes.push(c));
    f.driver.send('DELE 1\r\n');
    expect(changes).toEqual([]);
    expect(f.driver.send('QUIT\r\n')).toEqual(['+OK mail.example.org POP3 server signing off (1 message left)']);
    expect(inboxUids(w)).toEqual([2]);
    expect(changes).toContainEqual({ kind: 'expunge', account: BOB, mailbox: 'INBOX', uids: [1], origin: f.sessionId });
    expect(w.store.isLocked(BOB)).toBe(false);
    expect(f.driver.closed).toBe(true);
    expect(f.driver.events).toContainEqual({ kind: 'update', account: BOB, expunged: [1], seen: [] });
  });

  it('RSET unmarks: QUIT after RSET deletes nothing', () => {
    const w = world();
    const f = bobLoggedIn(w);
    f.driver.send('DELE 1\r\nRSET\r\nQUIT\r\n');
    expect(inboxUids(w)).toEqual([1, 2]);
  });

  it('RETR marks a kept message \\Seen at QUIT (Dovecot does the same); TOP does not', () => {
    const w = world();
    const f = bobLoggedIn(w);
    const first = () => w.store.mailbox(BOB, 'INBOX')!.byUid(1)!;
    expect(first().flags.has('\\Seen')).toBe(false);
    f.driver.send('TOP 1 0\r\nRETR 1\r\n');
    expect(first().flags.has('\\Seen')).toBe(false);
    f.driver.send('QUIT\r\n');
    expect(first().flags.has('\\Seen')).toBe(true);
  });

  it('the autologout timer closes without UPDATE (RFC 1939 §3)', () => {
    const w = world();
    const f = bobLoggedIn(w);
    f.driver.send('DELE 1\r\n');
    const timer = f.driver.outputs.filter((o) => o.type === 'timer').at(-1);
    expect(timer).toEqual({ type: 'timer', at: T0 + 10 * 60_000 });
    expect(f.server.tick(T0 + 60_000)).toEqual([{ type: 'timer', at: T0 + 10 * 60_000 }]);
    const outs = f.server.tick(T0 + 10 * 60_000);
    expect(outs.filter((o) => o.type === 'write')).toEqual([]);
    expect(outs).toContainEqual({ type: 'close' });
    expect(f.server.state).toBe('CLOSED');
    expect(inboxUids(w)).toEqual([1, 2]);
    expect(w.store.isLocked(BOB)).toBe(false);
  });

  it('with autologout off, no timer is asked for and tick does nothing', () => {
    const f = pop3({ options: { autologoutMs: 0 } });
    f.driver.send('USER bob\r\nPASS builder\r\n');
    expect(f.driver.outputs.some((o) => o.type === 'timer')).toBe(false);
    expect(f.server.tick(T0 + 86_400_000)).toEqual([]);
    expect(f.server.state).toBe('TRANSACTION');
    expect(() => pop3({ options: { autologoutMs: 60_000 } })).toThrow(/at least 10 minutes/);
  });
});

describe('POP3 maildrop lock and snapshot', () => {
  it('a second session for the same user gets [IN-USE] until the first QUITs', () => {
    const w = world();
    const first = bobLoggedIn(w);
    const second = pop3({ world: w });
    expect(second.driver.send('USER bob\r\nPASS builder\r\n')).toEqual([
      '+OK send PASS',
      '-ERR [IN-USE] maildrop is locked: another POP3 session for this user is running',
    ]);
    expect(second.server.state).toBe('AUTHORIZATION');
    first.driver.send('QUIT\r\n');
    expect(second.driver.send('USER bob\r\nPASS builder\r\n')[1]).toMatch(/^\+OK maildrop locked and ready/);
  });

  it('a failed login does not take the lock; another user is not blocked', () => {
    const w = world();
    const bob = bobLoggedIn(w);
    const alice = pop3({ world: w, host: 'mail.example.com' });
    expect(alice.driver.send('USER alice\r\nPASS wonderland\r\n')[1]).toMatch(/^\+OK/);
    expect(bob.server.state).toBe('TRANSACTION');
  });

  it('mail appended mid-session is not seen until the next login (RFC 1939 §5 numbering)', () => {
    const w = world();
    const f = bobLoggedIn(w);
    const raw = utf8Bytes('From: carol@example.com\r\nSubject: late\r\n\r\nhello\r\n');
    expect(w.store.append(BOB, 'INBOX', raw, { internalDate: T0 }).ok).toBe(true);
    expect(f.driver.send('STAT\r\nLIST 3\r\n')).toEqual([
      expect.stringMatching(/^\+OK 2 \d+$/),
      '-ERR no such message, only 2 messages in maildrop',
    ]);
    f.driver.send('DELE 1\r\nQUIT\r\n');
    // The late message survived the QUIT: only what DELE named went.
    expect(inboxUids(w)).toEqual([2, 3]);
    const next = bobLoggedIn(w);
    expect(next.driver.send(`STAT\r\nLIST 2\r\n`)).toEqual([`+OK 2 ${309 + raw.length}`, `+OK 2 ${raw.length}`]);
  });

  it('a message expunged by IMAP mid-session can still be read from the snapshot, and QUIT copes', () => {
    const w = world();
    const f = bobLoggedIn(w);
    w.store.expunge(BOB, 'INBOX', [1], 'imap-session');
    expect(f.driver.send('RETR 1\r\n')[0]).toMatch(/^\+OK \d+ octets$/);
    f.driver.send('DELE 1\r\n');
    expect(f.driver.send('QUIT\r\n')).toEqual(['+OK mail.example.org POP3 server signing off (1 message left)']);
    expect(inboxUids(w)).toEqual([2]);
  });

  it('LOGIN-DELAY is announced and enforced with [LOGIN-DELAY] when configured', () => {
    const w = world();
    const first = pop3({ world: w, options: { loginDelay: 60 } });
    expect(first.driver.send('CAPA\r\n')).toContain('LOGIN-DELAY 60');
    first.driver.send('USER bob\r\nPASS builder\r\nQUIT\r\n');
    const again = pop3({ world: w, options: { loginDelay: 60 } });
    again.driver.now = T0 + 20_000;
    expect(again.driver.send('USER bob\r\nPASS builder\r\n')[1]).toBe(
      '-ERR [LOGIN-DELAY] logged in too recently: wait 40 seconds between logins',
    );
    again.driver.now = T0 + 60_000;
    expect(again.driver.send('USER bob\r\nPASS builder\r\n')[1]).toMatch(/^\+OK/);
  });

  it('[SYS/TEMP] when the maildrop cannot be opened, or the UPDATE cannot remove what DELE marked', () => {
    const w = world();
    const inbox = w.store.mailbox(BOB, 'INBOX')!;
    w.store.account(BOB)!.mailboxes.delete('INBOX');
    const f = pop3({ world: w });
    expect(f.driver.send('USER bob\r\nPASS builder\r\n')[1]).toBe('-ERR [SYS/TEMP] maildrop unavailable, try again later');
    expect(w.store.isLocked(BOB)).toBe(false);
    w.store.account(BOB)!.mailboxes.set('INBOX', inbox);
    const g = bobLoggedIn(w);
    g.driver.send('DELE 1\r\n');
    w.store.account(BOB)!.mailboxes.delete('INBOX');
    expect(g.driver.send('QUIT\r\n')).toEqual(['-ERR [SYS/TEMP] some deleted messages not removed']);
    expect(w.store.isLocked(BOB)).toBe(false);
    expect(g.driver.closed).toBe(true);
  });

  it('three failed logins close the connection with [AUTH]', () => {
    const f = pop3();
    f.driver.send('USER bob\r\nPASS a\r\nUSER bob\r\nPASS b\r\n');
    expect(f.driver.send('USER bob\r\nPASS c\r\nNOOP\r\n')).toEqual(['+OK send PASS', '-ERR [AUTH] too many failed logins, closing connection']);
    expect(f.driver.closed).toBe(true);
    expect(f.server.state).toBe('CLOSED');
  });
});
