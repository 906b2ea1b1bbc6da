import { describe, expect, it } from 'vitest';
import { utf8Bytes } from '../wire/bytes.ts';
import { Pop3Device } from './pop3-device.ts';
import { DEFAULT_POP3_SETTINGS, type Pop3Settings } from './pop3-types.ts';
import { DAY, fixture, T0, type Fixture } from './test-fixture.test-helper.ts';

const ALICE = 'alice@example.com';

function pop3(f: Fixture, name: string, settings: Partial<Pop3Settings> = {}, port = 110, clock?: () => number): Pop3Device {
  const options = f.device(name, port);
  return new Pop3Device(clock ? { ...options, now: clock } : options, { ...DEFAULT_POP3_SETTINGS, ...settings });
}

const commands = (d: Pop3Device): string[] => d.transcript.lines.filter((l) => l.direction === 'C').map((l) => l.text);
const inbox = (f: Fixture): number => f.world.store.mailbox(ALICE, 'INBOX')!.messages.length;
const deliver = (f: Fixture, subject: string): void => {
  f.world.store.append(ALICE, 'INBOX', utf8Bytes(`Subject: ${subject}\r\nMessage-ID: <${subject}@example.com>\r\n\r\nhi\r\n`), { internalDate: T0 });
};

describe('Pop3Device against the POP3 engine over the virtual network', () => {
  it('without "leave a copy": downloads everything over STLS, deletes it, and the next device finds nothing', async () => {
    const f = fixture();
    const laptop = pop3(f, 'laptop');
    const result = await f.run(laptop.check());
    expect(result).toMatchObject({ ok: true, result: { tls: true, downloaded: [expect.any(String), expect.any(String), expect.any(String)] } });
    expect(commands(laptop)).toEqual(['CAPA', 'STLS', 'CAPA', `USER ${ALICE}`, 'PASS wonderland', 'UIDL', 'RETR 1', 'RETR 2', 'RETR 3', 'DELE 1', 'DELE 2', 'DELE 3', 'QUIT']);
    expect(laptop.messages().map((m) => m.subject)).toEqual(['Welcome to Mailwire', expect.any(String), expect.any(String)]);
    expect(laptop.messages().every((m) => m.onlyLocal)).toBe(true);
    expect(inbox(f)).toBe(0);
    const phone = pop3(f, 'phone', { leaveOnServer: true });
    expect((await f.run(phone.check())).result?.serverUidls).toEqual([]);
    expect(phone.messages()).toEqual([]);
    expect(laptop.transcript.byId(result.ref!)?.text).toMatch(/^\+OK .*signing off \(maildrop empty\)/);
  });

  it('with "leave a copy": keeps the server copy and never downloads a UIDL twice', async () => {
    const f = fixture();
    const phone = pop3(f, 'phone', { leaveOnServer: true });
    await f.run(phone.check());
    expect(inbox(f)).toBe(3);
    expect(phone.messages()).toHaveLength(3);
    deliver(f, 'fourth');
    const before = phone.counters.received;
    const second = await f.run(phone.check());
    expect(second.result).toMatchObject({ downloaded: [expect.any(String)], deletedOnServer: [] });
    expect(commands(phone).filter((c) => c.startsWith('RETR'))).toEqual(['RETR 1', 'RETR 2', 'RETR 3', 'RETR 4']);
    expect(phone.messages().map((m) => m.subject)).toContain('fourth');
    const third = await f.run(phone.check());
    expect(third.result?.downloaded).toEqual([]);
    expect(phone.messages()).toHaveLength(4);
    expect(phone.counters.received - before).toBeGreaterThan(0);
  });

  it('"remove from server after N days" deletes only once the days have passed on the device clock', async () => {
    const f = fixture();
    let skew = 0;
    const phone = pop3(f, 'phone', { leaveOnServer: true, removeAfterDays: 7 }, 110, () => f.scheduler.now + skew);
    await f.run(phone.check());
    skew = 3 * DAY;
    expect((await f.run(phone.check())).result?.deletedOnServer).toEqual([]);
    expect(inbox(f)).toBe(3);
    skew = 8 * DAY;
    const late = await f.run(phone.check());
    expect(late.result?.deletedOnServer).toHaveLength(3);
    expect(commands(phone).filter((c) => c.startsWith('DELE'))).toEqual(['DELE 1', 'DELE 2', 'DELE 3']);
    expect(inbox(f)).toBe(0);
    expect(phone.messages()).toHaveLength(3);
  });

  it('"remove from server when deleted here" deletes that one message at the next check, and does not fetch it again', async () => {
    const f = fixture();
    const phone = pop3(f, 'phone', { leaveOnServer: true, removeWhenDeleted: true });
    await f.run(phone.check());
    expect(phone.delete('Welcome to Mailwire').ok).toBe(true);
    const next = await f.run(phone.check());
    expect(next.result).toMatchObject({ downloaded: [], deletedOnServer: [expect.any(String)] });
    expect(inbox(f)).toBe(2);
    expect(phone.messages()).toHaveLength(2);
  });

  it('a local delete without that setting leaves the server copy and is not downloaded again', async () => {
    const f = fixture();
    const phone = pop3(f, 'phone', { leaveOnServer: true });
    await f.run(phone.check());
    phone.delete('Welcome to Mailwire');
    expect((await f.run(phone.check())).result).toMatchObject({ downloaded: [], deletedOnServer: [] });
    expect(inbox(f)).toBe(3);
  });

  it('gets [IN-USE] while another session holds the maildrop lock (RFC 1939 §8, RFC 2449 §8.1.1)', async () => {
    const f = fixture();
    const laptop = pop3(f, 'laptop');
    const phone = pop3(f, 'phone', { leaveOnServer: true });
    const [a, b] = await f.run(Promise.all([laptop.check(), phone.check()]));
    expect(a.ok).toBe(true);
    expect(b).toMatchObject({ ok: false, result: { inUse: true } });
    expect(phone.transcript.byId(b.ref!)?.text).toMatch(/^-ERR \[IN-USE\]/);
    expect(phone.messages()).toEqual([]);
    expect(f.world.store.isLocked(ALICE)).toBe(false);
  });

  it('speaks TLS from the first byte on 995 and logs in with AUTH PLAIN', async () => {
    const f = fixture();
    const laptop = pop3(f, 'laptop', { tls: 'implicit', auth: 'PLAIN', leaveOnServer: true }, 995);
    const result = await f.run(laptop.check());
    expect(result.result).toMatchObject({ ok: true, tls: true });
    expect(commands(laptop).slice(0, 3)).toEqual(['CAPA', expect.stringMatching(/^AUTH PLAIN /), 'UIDL']);
  });

  it('reports a server that refuses plaintext logins when STLS is switched off, without throwing', async () => {
    const f = fixture();
    f.world.hosts[0]!.settings.disabled.push('STLS');
    const laptop = pop3(f, 'laptop');
    const result = await f.run(laptop.check());
    expect(result).toMatchObject({ ok: false, result: { tls: false, failure: { code: 'AUTH' } } });
    expect(inbox(f)).toBe(3);
  });

  it('cannot check while offline, and files into folders on the device only', async () => {
    const f = fixture();
    const laptop = pop3(f, 'laptop', { leaveOnServer: true });
    await f.run(laptop.check());
    expect(laptop.move('Welcome to Mailwire', 'Archive')).toMatchObject({ ok: false, text: expect.stringContaining('POP3 has no folders on the server') });
    expect(laptop.find('Welcome to Mailwire')?.folder).toBe('Archive');
    laptop.goOffline();
    expect(await laptop.check()).toMatchObject({ ok: false, text: expect.stringContaining('offline') });
  });
});
