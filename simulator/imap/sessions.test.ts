/**
 * Two sessions on one mailbox (RFC 9051 §5.2, §7.5.1): each sees the other's flag changes,
 * new messages and expunges, at the points the RFC allows; IDLE pushes them as they happen;
 * POP3 deletions made through the store arrive as EXPUNGE.
 */
import { describe, expect, it } from 'vitest';
import { Pop3Server } from '../pop3/server.ts';
import { testContext } from '../testing/context.ts';
import { EngineDriver } from '../testing/transcript.ts';
import { utf8Bytes } from '../wire/bytes.ts';
import { freshWorld, imapServer, session, T0 } from './test-helpers.ts';

function pair(opts: { rev2?: boolean } = {}) {
  const world = freshWorld();
  const a = session(world, { user: 'alice', mailbox: 'INBOX', ...opts });
  const b = session(world, { user: 'alice', mailbox: 'INBOX', ...opts });
  return { world, a: a.driver, b: b.driver, serverA: a.server };
}

describe('two sessions on one mailbox', () => {
  it('sees the other session\'s flag changes at the next command, with UID (Appendix E item 21)', () => {
    const { a, b } = pair();
    expect(a.send('a1 STORE 2 +FLAGS (\\Seen)\r\n')).toEqual(['* 2 FETCH (FLAGS (\\Seen \\Recent))', 'a1 OK STORE completed']);
    expect(b.send('b1 NOOP\r\n')).toEqual(['* 2 FETCH (UID 2 FLAGS (\\Seen))', 'b1 OK NOOP completed']);
    expect(b.send('b2 NOOP\r\n')).toEqual(['b2 OK NOOP completed']);
  });

  it('gives \\Recent only to the first session that sees a new message (RFC 3501 §2.3.2)', () => {
    const { world, a, b } = pair();
    world.store.append('alice@example.com', 'INBOX', utf8Bytes('Subject: new\r\n\r\nhi\r\n'), { internalDate: T0 });
    expect(a.send('a1 NOOP\r\n')).toEqual(['* 4 EXISTS', '* 4 RECENT', 'a1 OK NOOP completed']);
    expect(b.send('b1 NOOP\r\n')).toEqual(['* 4 EXISTS', '* 0 RECENT', 'b1 OK NOOP completed']);
    expect(b.send('b2 FETCH 4 FLAGS\r\n')).toEqual(['* 4 FETCH (FLAGS ())', 'b2 OK FETCH completed']);
  });

  it('never sends EXPUNGE during FETCH, STORE or SEARCH, but does during UID FETCH and NOOP (§7.5.1)', () => {
    const { a, b } = pair();
    a.send('a1 STORE 1 +FLAGS.SILENT (\\Deleted)\r\n');
    expect(a.send('a2 EXPUNGE\r\n')).toEqual(['* 1 EXPUNGE', 'a2 OK EXPUNGE completed']);
    // b still numbers the expunged message 1 and can fetch it.
    expect(b.send('b1 FETCH 1:3 UID\r\n')).toEqual([
      '* 1 FETCH (UID 1)',
      '* 2 FETCH (UID 2)',
      '* 3 FETCH (UID 3)',
      '* 1 FETCH (UID 1 FLAGS (\\Seen \\Deleted))',
      'b1 OK FETCH completed',
    ]);
    expect(b.send('b2 STORE 3 +FLAGS (\\Answered)\r\n')).toEqual(['* 3 FETCH (FLAGS (\\Flagged \\Answered))', 'b2 OK STORE completed']);
    expect(b.send('b3 SEARCH ALL\r\n')).toEqual(['* SEARCH 1 2 3', 'b3 OK SEARCH completed']);
    expect(b.send('b4 UID FETCH 3 FLAGS\r\n')).toEqual(['* 3 FETCH (UID 3 FLAGS (\\Flagged \\Answered))', '* 1 EXPUNGE', 'b4 OK UID FETCH completed']);
    expect(a.send('a3 NOOP\r\n')).toEqual(['* 2 FETCH (UID 3 FLAGS (\\Flagged \\Answered \\Recent))', 'a3 OK NOOP completed']);
  });

  it('pushes new mail, expunges and flag changes during IDLE: storeChanged asks for a tick now (RFC 2177)', () => {
    const { world, a, b } = pair();
    expect(a.send('a1 IDLE\r\n')).toEqual(['+ idling']);
    world.store.append('alice@example.com', 'INBOX', utf8Bytes('Subject: pushed\r\n\r\nhi\r\n'), { internalDate: T0 });
    expect(a.wakeups).toBe(1);
    expect(a.tick()).toEqual(['* 4 EXISTS', '* 4 RECENT']);
    b.send('b1 STORE 2 +FLAGS.SILENT (\\Deleted)\r\n');
    expect(a.wakeups).toBe(2);
    expect(a.tick()).toEqual(['* 2 FETCH (UID 2 FLAGS (\\Deleted \\Recent))']);
    b.send('b2 EXPUNGE\r\n');
    expect(a.tick()).toEqual(['* 2 EXPUNGE']);
    expect(a.send('DONE\r\n')).toEqual(['a1 OK IDLE terminated']);
    const before = a.wakeups;
    world.store.append('alice@example.com', 'INBOX', utf8Bytes('Subject: later\r\n\r\nhi\r\n'), { internalDate: T0 });
    expect(a.wakeups).toBe(before);
  });

  it('wakes an IDLE session on the other session\'s APPEND', () => {
    const { a, b } = pair({ rev2: true });
    a.send('a1 IDLE\r\n');
    expect(b.send('b1 APPEND INBOX {4+}\r\nhi\r\n\r\n').at(-1)).toMatch(/^b1 OK \[APPENDUID \d+ 4\]/);
    expect(a.wakeups).toBeGreaterThan(0);
    expect(a.tick()).toEqual(['* 4 EXISTS']);
  });

  it('sees a POP3 DELE+QUIT made through the store as EXPUNGE', () => {
    const { world, a } = pair();
    // What the POP3 engine does on QUIT in the UPDATE state (RFC 1939 §6).
    world.store.expunge('alice@example.com', 'INBOX', [1, 3], 'pop3-session');
    expect(a.send('a1 FETCH 1:* UID\r\n')).toEqual(['* 1 FETCH (UID 1)', '* 2 FETCH (UID 2)', '* 3 FETCH (UID 3)', 'a1 OK FETCH completed']);
    expect(a.send('a2 NOOP\r\n')).toEqual(['* 1 EXPUNGE', '* 2 EXPUNGE', 'a2 OK NOOP completed']);
    expect(a.send('a3 FETCH 1:* UID\r\n')).toEqual(['* 1 FETCH (UID 2)', 'a3 OK FETCH completed']);
  });

  it('tells a MOVE to the other session as EXPUNGE there and EXISTS in the target', () => {
    const world = freshWorld();
    const a = session(world, { user: 'alice', mailbox: 'INBOX' }).driver;
    const b = session(world, { user: 'alice', mailbox: 'Archive' }).driver;
    const moved = a.send('a1 UID MOVE 2 Archive\r\n');
    expect(moved[0]).toMatch(/^\* OK \[COPYUID \d+ 2 1\] Moved$/);
    expect(moved.slice(1)).toEqual(['* 2 EXPUNGE', 'a1 OK UID MOVE completed']);
    expect(b.send('b1 NOOP\r\n')).toEqual(['* 1 EXISTS', '* 1 RECENT', 'b1 OK NOOP completed']);
    expect(b.send('b2 UID FETCH 1 (FLAGS)\r\n')).toEqual(['* 1 FETCH (UID 1 FLAGS (\\Recent))', 'b2 OK UID FETCH completed']);
  });

  it('leaves the store alone: its driver listens, once per connection, until LOGOUT or the drop', () => {
    const world = freshWorld();
    const listeners = (): number => world.store.listenerCount;
    const before = listeners();
    const server = imapServer(world);
    const bare = new EngineDriver(server);
    bare.start();
    bare.send('x LOGIN alice wonderland\r\ny SELECT INBOX\r\nz IDLE\r\n');
    expect(listeners()).toBe(before);
    const a = session(world, { user: 'alice', mailbox: 'INBOX' });
    const b = session(world, { user: 'alice', mailbox: 'INBOX' });
    b.driver.send('b1 IDLE\r\n');
    expect(listeners()).toBe(before + 2);
    a.driver.send('a1 LOGOUT\r\n');
    b.driver.drop();
    expect(listeners()).toBe(before);
    expect(b.server.state).toBe('logout');
  });
});

describe('\\Seen semantics (RFC 9051 §6.4.5)', () => {
  it('sets \\Seen on BODY[] and BINARY[] but not on their .PEEK forms, and tells the other session', () => {
    const { a, b } = pair({ rev2: true });
    expect(a.send('a1 FETCH 2 (BODY.PEEK[] BINARY.PEEK[1])\r\n').at(-1)).toBe('a1 OK FETCH completed');
    expect(a.send('a2 FETCH 2 FLAGS\r\n')).toEqual(['* 2 FETCH (FLAGS ())', 'a2 OK FETCH completed']);
    const fetched = a.send('a3 FETCH 2 BINARY[1]\r\n');
    expect(fetched.join('\n')).toMatch(/ FLAGS \(\\Seen\)\)\na3 OK FETCH completed$/);
    expect(b.send('b1 NOOP\r\n')).toEqual(['* 2 FETCH (UID 2 FLAGS (\\Seen))', 'b1 OK NOOP completed']);
    expect(a.send('a4 FETCH 2 BODY[TEXT]\r\n').join('\n')).not.toContain('FLAGS');
  });

  it('answers NO [UNKNOWN-CTE] for BINARY of a body it cannot decode (RFC 3516 §4.3)', () => {
    const world = freshWorld();
    world.store.append('alice@example.com', 'INBOX', utf8Bytes('Content-Transfer-Encoding: x-uuencode\r\n\r\nbegin 644 x\r\n'), { internalDate: T0 });
    const { driver } = session(world, { user: 'alice', mailbox: 'INBOX' });
    expect(driver.send('a1 FETCH 4 BINARY[1]\r\n').at(-1)).toBe('a1 NO [UNKNOWN-CTE] Cannot decode Content-Transfer-Encoding "x-uuencode"');
    expect(driver.send('a2 FETCH 4 BODY.PEEK[1]\r\n')[0]).toBe('* 4 FETCH (BODY[1] {13}');
  });
});

describe('messages another session expunged (RFC 5530 EXPUNGEISSUED, RFC 2180 §4)', () => {
  it('refuses STORE, COPY and MOVE on them until the EXPUNGE has been told', () => {
    const { a, b } = pair();
    a.send('a1 STORE 1 +FLAGS.SILENT (\\Deleted)\r\na2 EXPUNGE\r\n');
    expect(b.send('b1 STORE 1:2 +FLAGS (\\Answered)\r\n')).toEqual([
      '* 2 FETCH (FLAGS (\\Answered))',
      '* 1 FETCH (UID 1 FLAGS (\\Seen \\Deleted))',
      'b1 NO [EXPUNGEISSUED] Some of the messages were expunged by another session; NOOP will tell which',
    ]);
    // COPY may carry EXPUNGE responses, so the refusal also brings the news.
    expect(b.send('b2 COPY 1 Archive\r\n')).toEqual(['* 1 EXPUNGE', expect.stringMatching(/^b2 NO \[EXPUNGEISSUED\]/)]);
    expect(b.send('b3 MOVE 1:* Archive\r\n').at(-1)).toBe('b3 OK MOVE completed');
  });
});

describe('POP3 and IMAP on one store', () => {
  it('shows a real POP3 DELE+QUIT to a selected IMAP session as EXPUNGE (RFC 1939 §6)', () => {
    const { world, a } = pair();
    const pop = new EngineDriver(new Pop3Server(testContext('mail.example.com', 995, world)));
    pop.start();
    for (const line of ['USER alice', 'PASS wonderland', 'DELE 2', 'QUIT']) pop.send(`${line}\r\n`);
    expect(pop.closed).toBe(true);
    expect(a.send('a1 NOOP\r\n')).toEqual(['* 2 EXPUNGE', 'a1 OK NOOP completed']);
  });
});

describe('a deleted selected mailbox', () => {
  it('is closed for the session that deleted it, and ends the other sessions with BYE', () => {
    const world = freshWorld();
    world.store.createMailbox('alice@example.com', 'Temp');
    world.store.append('alice@example.com', 'Temp', utf8Bytes('Subject: t\r\n\r\nt\r\n'), { internalDate: T0 });
    const a = session(world, { user: 'alice', mailbox: 'Temp', rev2: true });
    const b = session(world, { user: 'alice', mailbox: 'Temp' });
    b.driver.send('b1 IDLE\r\n');
    expect(a.driver.send('a1 DELETE Temp\r\n')).toEqual(['* OK [CLOSED] The selected mailbox was deleted', 'a1 OK DELETE completed']);
    expect(a.server.state).toBe('authenticated');
    expect(b.driver.wakeups).toBeGreaterThan(0);
    expect(b.driver.tick()).toEqual(['* 1 EXPUNGE', '* BYE Selected mailbox was deleted, have to disconnect']);
    expect(b.driver.closed).toBe(true);
  });
});
