import { describe, expect, it } from 'vitest';
import { utf8Bytes } from '../wire/bytes.ts';
import { DEFAULT_IMAP_SETTINGS, ImapDevice, type ImapSettings } from './imap-device.ts';
import { fixture, T0, type Fixture } from './test-fixture.test-helper.ts';

const ALICE = 'alice@example.com';

function imap(f: Fixture, name: string, settings: Partial<ImapSettings> = {}, port = 143): ImapDevice {
  return new ImapDevice(f.device(name, port), { ...DEFAULT_IMAP_SETTINGS, ...settings });
}

const commands = (d: ImapDevice): string[] => d.transcript.lines.filter((l) => l.direction === 'C').map((l) => l.text.replace(/^a\d+ /, ''));
const server = (f: Fixture, box = 'INBOX') => f.world.store.mailbox(ALICE, box)!;
const serverFlags = (f: Fixture, uid: number, box = 'INBOX'): string[] => [...(server(f, box).byUid(uid)?.flags ?? [])].sort();
const deliver = (f: Fixture, subject: string): void => {
  f.world.store.append(ALICE, 'INBOX', utf8Bytes(`Subject: ${subject}\r\nMessage-ID: <${subject}@example.com>\r\n\r\nhi\r\n`), { internalDate: T0 });
};
const WELCOME = 'Welcome to Mailwire';

describe('ImapDevice against the IMAP engine over the virtual network', () => {
  it('logs in after STARTTLS, lists folders, fetches INBOX by UID and sits in IDLE', async () => {
    const f = fixture();
    const laptop = imap(f, 'laptop');
    expect(await f.run(laptop.check())).toMatchObject({ ok: true, text: 'synced 6 folders' });
    expect(commands(laptop)).toEqual([
      'STARTTLS',
      'CAPABILITY',
      `LOGIN "${ALICE}" "wonderland"`,
      'LIST "" "*" RETURN (STATUS (MESSAGES UIDVALIDITY))',
      'SELECT "INBOX"',
      'UID FETCH 1:* (UID FLAGS)',
      'UID FETCH 1:* (UID FLAGS RFC822.SIZE BODY.PEEK[])',
      'IDLE',
    ]);
    expect(laptop.idling).toBe(true);
    expect(laptop.messages().map((m) => [m.uid, m.flags.has('\\Seen')])).toEqual([[1, true], [2, false], [3, false]]);
    // BODY.PEEK leaves \Seen alone (RFC 9051 §6.4.5).
    expect(serverFlags(f, 2)).toEqual([]);
  });

  it('pushes a local read with UID STORE, and another session sees it', async () => {
    const f = fixture();
    const laptop = imap(f, 'laptop');
    await f.run(laptop.check());
    const key = laptop.messages()[1]!.key;
    laptop.read(key);
    await f.run(laptop.waitFor((e) => e.kind === 'synced'));
    expect(commands(laptop)).toContain('UID STORE 2 +FLAGS.SILENT (\\Seen)');
    expect(serverFlags(f, 2)).toEqual(['\\Seen']);
    expect(laptop.replica.pending).toEqual([]);
  });

  it('pulls flag changes made elsewhere: pushed during IDLE, and fetched at the next sync without it', async () => {
    const f = fixture();
    const idle = imap(f, 'laptop');
    const polling = imap(f, 'phone', { push: false });
    await f.run(Promise.all([idle.check(), polling.check()]));
    expect(polling.connected).toBe(false);
    f.world.store.setFlags(ALICE, 'INBOX', 2, ['\\Seen', '\\Flagged'], 'another-session');
    await f.network.settle();
    expect([...idle.find(idle.messages()[1]!.key)!.flags].sort()).toEqual(['\\Flagged', '\\Seen']);
    expect(idle.transcript.lines.map((l) => l.text)).toContainEqual(expect.stringMatching(/^\* 2 FETCH \(UID 2 FLAGS \(\\Seen \\Flagged/));
    expect(polling.messages()[1]!.flags.has('\\Seen')).toBe(false);
    await f.run(polling.check());
    expect([...polling.messages()[1]!.flags].sort()).toEqual(['\\Flagged', '\\Seen']);
  });

  it('IDLE push: new mail arrives without a check (RFC 2177)', async () => {
    const f = fixture();
    const phone = imap(f, 'phone');
    await f.run(phone.check());
    const fetched = phone.waitFor((e) => e.kind === 'fetched');
    deliver(f, 'pushed');
    expect(await f.run(fetched)).toMatchObject({ ok: true });
    const texts = phone.transcript.lines.map((l) => l.text);
    const exists = texts.indexOf('* 4 EXISTS');
    expect(exists).toBeGreaterThan(0);
    expect(texts.slice(exists)).toEqual(expect.arrayContaining(['DONE', 'a9 UID FETCH 4:* (UID FLAGS RFC822.SIZE BODY.PEEK[])', 'a10 IDLE']));
    expect(phone.find('pushed')?.uid).toBe(4);
    expect(phone.idling).toBe(true);
  });

  it('sees an expunge made by another session while idling', async () => {
    const f = fixture();
    const phone = imap(f, 'phone');
    await f.run(phone.check());
    f.world.store.expunge(ALICE, 'INBOX', [1], 'another-session');
    await f.network.settle();
    expect(phone.messages().map((m) => m.uid)).toEqual([2, 3]);
  });

  it('moves with UID MOVE (RFC 6851), and the message shows up in the target folder', async () => {
    const f = fixture();
    const laptop = imap(f, 'laptop');
    await f.run(laptop.check());
    laptop.move(WELCOME, 'Archive');
    await f.run(laptop.waitFor((e) => e.kind === 'synced'));
    expect(commands(laptop)).toContain('UID MOVE 1 "Archive"');
    expect(server(f).messages.map((m) => m.uid)).toEqual([2, 3]);
    expect(server(f, 'Archive').messages).toHaveLength(1);
    expect(laptop.find(WELCOME)).toMatchObject({ folder: 'Archive', uid: 1 });
    expect(laptop.messages()).toHaveLength(3);
  });

  it('moves with COPY, STORE \\Deleted and UID EXPUNGE when the server has no MOVE', async () => {
    const f = fixture();
    f.world.hosts[0]!.settings.disabled.push('MOVE');
    const laptop = imap(f, 'laptop');
    await f.run(laptop.check());
    laptop.move(WELCOME, 'Archive');
    await f.run(laptop.waitFor((e) => e.kind === 'synced'));
    const sent = commands(laptop);
    const copy = sent.indexOf('UID COPY 1 "Archive"');
    expect(sent.slice(copy, copy + 3)).toEqual(['UID COPY 1 "Archive"', 'UID STORE 1 +FLAGS.SILENT (\\Deleted)', 'UID EXPUNGE 1']);
    expect(server(f, 'Archive').messages).toHaveLength(1);
    expect(server(f).messages).toHaveLength(2);
  });

  it('deletes with \\Deleted and UID EXPUNGE (RFC 4315), sparing messages others marked', async () => {
    const f = fixture();
    const laptop = imap(f, 'laptop');
    await f.run(laptop.check());
    f.world.store.setFlags(ALICE, 'INBOX', 3, ['\\Deleted'], 'another-session');
    laptop.delete(WELCOME);
    await f.run(laptop.waitFor((e) => e.kind === 'synced'));
    expect(commands(laptop)).toEqual(expect.arrayContaining(['UID STORE 1 +FLAGS.SILENT (\\Deleted)', 'UID EXPUNGE 1']));
    expect(server(f).messages.map((m) => m.uid)).toEqual([2, 3]);
    expect(laptop.messages().map((m) => m.uid)).toEqual([2, 3]);
  });

  it('reads offline from the cache, and pushes the change when back online', async () => {
    const f = fixture();
    const phone = imap(f, 'phone');
    await f.run(phone.check());
    phone.goOffline();
    await f.network.settle();
    expect(phone.connected).toBe(false);
    expect(phone.read(phone.messages()[2]!.key).text).toMatch(/offline, queued/);
    expect(serverFlags(f, 3)).toEqual(['\\Flagged']);
    phone.goOnline();
    await f.run(phone.check());
    expect(serverFlags(f, 3)).toEqual(['\\Flagged', '\\Seen']);
    expect(phone.replica.pending).toEqual([]);
  });

  it('empties the folder cache and resyncs when UIDVALIDITY changes (RFC 9051 §2.3.1.1)', async () => {
    const f = fixture();
    const laptop = imap(f, 'laptop', { push: false });
    await f.run(laptop.check());
    const box = server(f);
    const old = box.uidValidity;
    box.uidValidity = f.world.store.uidValiditySeed++;
    // Queued against the old UIDs: after the change UID 2 may be another message, so it is dropped.
    expect(laptop.read(laptop.messages()[1]!.key).text).toMatch(/queued for the next sync/);
    const reset = laptop.waitFor((e) => e.kind === 'uidvalidity-reset');
    const synced = laptop.check();
    expect(await f.run(reset)).toMatchObject({ ok: true });
    await synced;
    expect(laptop.replica.folder('INBOX').uidValidity).toBe(box.uidValidity);
    expect(laptop.replica.folder('INBOX').uidValidity).not.toBe(old);
    expect(laptop.messages()).toHaveLength(3);
    expect(commands(laptop).filter((c) => c === 'UID FETCH 1:* (UID FLAGS RFC822.SIZE BODY.PEEK[])')).toHaveLength(2);
    expect(laptop.replica.pending).toEqual([]);
    expect(serverFlags(f, 2)).toEqual([]);
  });

  it('logs out when push is off, and refuses to send a password in plaintext (LOGINDISABLED)', async () => {
    const f = fixture();
    const laptop = imap(f, 'laptop', { push: false });
    await f.run(laptop.check());
    expect(commands(laptop).at(-1)).toBe('LOGOUT');
    expect(laptop.connected).toBe(false);
    const careless = imap(f, 'phone', { tls: 'none' });
    const result = await f.run(careless.check());
    expect(result).toMatchObject({ ok: false, text: expect.stringContaining('LOGINDISABLED') });
    expect(commands(careless).some((c) => c.startsWith('LOGIN'))).toBe(false);
  });

  it('leaves IDLE with DONE and logs out when told to disconnect', async () => {
    const f = fixture();
    const laptop = imap(f, 'laptop');
    await f.run(laptop.check());
    expect(await f.run(laptop.disconnect())).toMatchObject({ ok: true });
    expect(commands(laptop).slice(-2)).toEqual(['DONE', 'LOGOUT']);
    expect(laptop.connected).toBe(false);
    expect(laptop.transcript.lines.map((l) => l.text)).toContainEqual(expect.stringMatching(/^\* BYE/));
  });

  it('works over implicit TLS on 993 without STARTTLS', async () => {
    const f = fixture();
    const laptop = imap(f, 'laptop', { tls: 'implicit' }, 993);
    await f.run(laptop.check());
    expect(commands(laptop)[0]).toBe(`LOGIN "${ALICE}" "wonderland"`);
    expect(laptop.messages()).toHaveLength(3);
  });
});

describe('ImapDevice when the server cannot be reached', () => {
  it('reports a refused connection as a failed check', async () => {
    const f = fixture();
    const lost = new ImapDevice({ ...f.device('laptop', 143), host: 'mail.nowhere.test' }, DEFAULT_IMAP_SETTINGS);
    const result = await f.run(lost.check());
    expect(result.ok).toBe(false);
    expect(lost.transcript.lines.map((l) => l.text)).toContainEqual(expect.stringMatching(/^connection error \(DNS\)/));
  });
});
