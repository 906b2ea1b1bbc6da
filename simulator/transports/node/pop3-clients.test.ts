/**
 * POP3 with real clients nobody here wrote: Python poplib, curl and fetchmail, against the engine
 * on real sockets, over the same store the SMTP listeners deliver into.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  crlfMessage, delivered, inbox, port, python, run, startTestServers, tempDir, waitFor, withoutTrace, writeTemp,
} from './conformance-harness.ts';
import type { RunningServers } from './servers.ts';

let servers: RunningServers;
let dir: string;

beforeAll(async () => {
  servers = await startTestServers();
  dir = tempDir();
});

afterAll(async () => {
  await servers?.close();
});

/** Sends one message through the MX listener (port 25's role) with nodemailer. */
async function smtpIn(to: string, marker: string, extra: readonly string[] = []): Promise<Buffer> {
  const raw = crlfMessage([
    'From: Bob <bob@example.org>',
    `To: ${to}`,
    `Subject: ${marker}`,
    `Message-ID: <${marker}@example.org>`,
    '',
    `Body of ${marker}.`,
    ...extra,
  ]);
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port: port(servers, 'smtp'), ignoreTLS: true });
  await transport.sendMail({ envelope: { from: 'bob@example.org', to: [to] }, raw });
  transport.close();
  await delivered(servers.world, to, marker);
  return raw;
}

/** Puts a message straight into the store, for tests about POP3 alone. */
function put(to: string, marker: string): Buffer {
  const raw = crlfMessage(['From: Bob <bob@example.org>', `To: ${to}`, `Subject: ${marker}`, '', `Body of ${marker}.`]);
  const stored = servers.world.store.append(to, 'INBOX', raw, { internalDate: Date.now() });
  if (!stored.ok) throw new Error(stored.message);
  return raw;
}

function b64(text: string): Buffer {
  return Buffer.from(text, 'base64');
}

describe('Python poplib', () => {
  it('capa, stls, user/pass_, stat, list, uidl, top, retr: SMTP in, POP3 out byte for byte', async () => {
    const sent = await smtpIn('dave@example.com', 'pop3-roundtrip', ['.', '..stuffed', 'last']);
    const r = await python<{
      capa: string[]; capaTls: string[]; userBeforeTls: string; stat: [number, number];
      list: string[]; uidl: string[]; uidl1: string; top: string; retr: string;
    }>('pop3_client.py', ['session', port(servers, 'pop3'), 'dave', 'diver']);
    const stored = inbox(servers.world, 'dave@example.com');
    expect(r.capa).toEqual(expect.arrayContaining(['STLS', 'TOP', 'UIDL', 'PIPELINING', 'RESP-CODES']));
    expect(r.capaTls).toEqual(expect.arrayContaining(['USER', 'TOP', 'UIDL']));
    expect(r.capaTls).not.toContain('STLS');
    expect(r.userBeforeTls).toMatch(/^-ERR/);
    expect(r.stat).toEqual([stored.length, stored.reduce((n, m) => n + m.raw.length, 0)]);
    expect(r.list).toEqual(stored.map((m, i) => `${i + 1} ${m.raw.length}`));
    expect(r.uidl).toHaveLength(stored.length);
    expect(r.uidl[0]).toBe(r.uidl1.replace(/^\+OK /, ''));
    const last = stored.at(-1)!;
    expect(b64(r.retr).equals(Buffer.from(last.raw))).toBe(true);
    expect(withoutTrace(b64(r.retr)).equals(sent)).toBe(true);
    const headerEnd = Buffer.from(last.raw).indexOf('\r\n\r\n') + 4;
    expect(b64(r.top).equals(Buffer.from(last.raw).subarray(0, headerEnd))).toBe(true);
  });

  it('apop with the banner timestamp (RFC 1939 §7)', async () => {
    const r = await python<{ welcome: string; reply: string; stat: [number, number] }>(
      'pop3_client.py', ['apop', port(servers, 'pop3'), 'alice', 'wonderland'],
    );
    expect(r.welcome).toMatch(/^\+OK .*<[^>]+@[^>]+>/);
    expect(r.reply).toMatch(/^\+OK/);
    expect(r.stat[0]).toBe(inbox(servers.world, 'alice@example.com').length);
  });

  it('dele, rset, dele, quit: deletes in UPDATE only what was still marked', async () => {
    put('erin@example.com', 'pop3-dele-1');
    put('erin@example.com', 'pop3-dele-2');
    const r = await python<{ count: number; deletedUid: string; retrDeleted: string; afterRset: number; quit: string }>(
      'pop3_client.py', ['dele-rset', port(servers, 'pop3'), 'erin', 'engineer'],
    );
    expect(r.count).toBe(2);
    expect(r.retrDeleted).toMatch(/^-ERR/);
    expect(r.afterRset).toBe(2);
    expect(r.quit).toMatch(/^\+OK/);
    const left = inbox(servers.world, 'erin@example.com');
    expect(left).toHaveLength(1);
    expect(Buffer.from(left[0]!.raw).includes('pop3-dele-2')).toBe(true);
  });

  it('a dropped TCP connection in TRANSACTION deletes nothing and frees the maildrop', async () => {
    put('frank@example.com', 'pop3-drop');
    const before = inbox(servers.world, 'frank@example.com').length;
    const r = await python<{ count: number }>('pop3_client.py', ['drop', port(servers, 'pop3'), 'frank', 'fisher']);
    expect(r.count).toBe(before);
    await waitFor('the maildrop lock to go', () => !servers.world.store.isLocked('frank@example.com'));
    expect(inbox(servers.world, 'frank@example.com')).toHaveLength(before);
  });

  it('a second session on a locked maildrop gets [IN-USE]', async () => {
    const r = await python<{ second: string }>('pop3_client.py', ['in-use', port(servers, 'pop3'), 'carol', 'singer']);
    expect(r.second).toMatch(/^-ERR \[IN-USE\]/);
  });

  it('POP3_SSL on pop3s (995, implicit TLS)', async () => {
    const sent = put('grace@example.com', 'pop3-implicit');
    const r = await python<{ capa: string[]; stat: [number, number]; retr: string }>(
      'pop3_client.py', ['implicit', port(servers, 'pop3s'), 'grace@example.com', 'gardener'],
    );
    expect(r.capa).toContain('USER');
    expect(r.capa).not.toContain('STLS');
    expect(withoutTrace(b64(r.retr)).equals(sent)).toBe(true);
  });
});

describe('curl', () => {
  const url = (path = ''): string => `pop3://127.0.0.1:${port(servers, 'pop3')}/${path}`;
  const curl = (args: readonly string[]) => run('curl', ['-sS', '-k', '--user', 'alice:wonderland', ...args]);

  it('pop3:// --ssl-reqd lists the maildrop', async () => {
    const r = await curl(['--ssl-reqd', url()]);
    expect(r.code).toBe(0);
    const stored = inbox(servers.world, 'alice@example.com');
    expect(r.stdout.trimEnd().split('\r\n')).toEqual(stored.map((m, i) => `${i + 1} ${m.raw.length}`));
  });

  it('retrieves a message by number', async () => {
    const r = await curl(['--ssl-reqd', url('1')]);
    expect(r.code).toBe(0);
    expect(Buffer.from(r.stdout, 'utf8').equals(Buffer.from(inbox(servers.world, 'alice@example.com')[0]!.raw))).toBe(true);
  });

  it('pop3s:// and -X UIDL', async () => {
    const r = await curl(['-X', 'UIDL', `pop3s://127.0.0.1:${port(servers, 'pop3s')}/`]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\r\n');
    expect(lines).toHaveLength(inbox(servers.world, 'alice@example.com').length);
    expect(lines[0]).toMatch(/^1 [\x21-\x7e]{1,70}$/);
  });

  it('-X DELE with -I deletes at QUIT', async () => {
    put('carol@example.com', 'pop3-curl-dele');
    const before = inbox(servers.world, 'carol@example.com').length;
    const r = await run('curl', ['-sS', '-k', '--ssl-reqd', '--user', 'carol:singer', '-X', `DELE ${before}`, '-I', url()]);
    expect(r.code).toBe(0);
    const after = inbox(servers.world, 'carol@example.com');
    expect(after).toHaveLength(before - 1);
    expect(after.some((m) => Buffer.from(m.raw).includes('pop3-curl-dele'))).toBe(false);
  });
});

describe('fetchmail', () => {
  const fetchmail = async (user: string, password: string, options: readonly string[]): Promise<string> => {
    const out = join(dir, `${user}-${Date.now()}.mbox`);
    const home = join(dir, `fetchmail-${user}`);
    mkdirSync(home, { recursive: true });
    const rc = writeTemp(home, 'fetchmailrc', [
      'set no syslog',
      `poll 127.0.0.1 with proto POP3 port ${port(servers, 'pop3')}`,
      `  user "${user}" there with password "${password}" is "${user}" here`,
      `  ${options.includes('keep') ? 'keep' : 'nokeep'} ${options.includes('uidl') ? '' : 'fetchall'}`,
      '  sslproto TLS1.2+ no sslcertck',
      `  mda "cat >> ${out}"`,
      '',
    ].join('\n'));
    chmodSync(rc, 0o600);
    const flags = options.includes('uidl') ? ['--uidl'] : [];
    const r = await run('fetchmail', ['-f', rc, '-i', join(home, 'fetchids'), '--nodetach', '--invisible', ...flags], {
      env: { HOME: home, FETCHMAILHOME: home },
    });
    // fetchmail exits 1 when there was no mail, 0 when it fetched some.
    expect([0, 1], `${r.stdout}\n${r.stderr}`).toContain(r.code);
    return existsSync(out) ? readFileSync(out, 'latin1') : '';
  };

  it('keep: fetches everything over STLS and leaves it on the server', async () => {
    put('dave@example.com', 'fetchmail-keep');
    const before = inbox(servers.world, 'dave@example.com').length;
    const mbox = await fetchmail('dave', 'diver', ['keep']);
    expect(mbox).toContain('fetchmail-keep');
    expect(inbox(servers.world, 'dave@example.com')).toHaveLength(before);
  });

  it('no-keep: fetches and deletes', async () => {
    put('grace@example.com', 'fetchmail-nokeep');
    const mbox = await fetchmail('grace', 'gardener', []);
    expect(mbox).toContain('fetchmail-nokeep');
    expect(inbox(servers.world, 'grace@example.com')).toHaveLength(0);
  });

  it('--uidl with keep: fetches only what is new the second time', async () => {
    put('erin@example.com', 'fetchmail-uidl-1');
    const first = await fetchmail('erin', 'engineer', ['keep', 'uidl']);
    expect(first).toContain('fetchmail-uidl-1');
    put('erin@example.com', 'fetchmail-uidl-2');
    const second = await fetchmail('erin', 'engineer', ['keep', 'uidl']);
    expect(second).toContain('fetchmail-uidl-2');
    expect(second).not.toContain('fetchmail-uidl-1');
  });
});
