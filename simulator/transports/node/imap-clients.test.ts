/**
 * IMAP with real clients nobody here wrote: Python imaplib, curl and imapflow, against the engine
 * on real sockets; two clients on one mailbox; SMTP in, IMAP out.
 */
import { ImapFlow } from 'imapflow';
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

type Reply = [string, Array<string | string[]>];

function flow(user: string, pass: string, secure = false): ImapFlow {
  return new ImapFlow({
    host: '127.0.0.1',
    port: port(servers, secure ? 'imaps' : 'imap'),
    secure,
    auth: { user, pass },
    tls: { rejectUnauthorized: false },
    logger: false,
    // IDLE as soon as the client is idle (imapflow waits 15 s by default).
    autoIdleDelay: 50,
  });
}

async function smtpIn(to: string, marker: string): Promise<Buffer> {
  const raw = crlfMessage(['From: bob@example.org', `To: ${to}`, `Subject: ${marker}`, '', `Body of ${marker}.`]);
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port: port(servers, 'smtp'), ignoreTLS: true });
  await transport.sendMail({ envelope: { from: 'bob@example.org', to: [to] }, raw });
  transport.close();
  return raw;
}

/** Puts a message straight into the store, for tests about IMAP alone. */
function put(to: string, marker: string): void {
  const raw = crlfMessage(['From: bob@example.org', `To: ${to}`, `Subject: ${marker}`, '', `Body of ${marker}.`]);
  const stored = servers.world.store.append(to, 'INBOX', raw, { internalDate: Date.now() });
  if (!stored.ok) throw new Error(stored.message);
}

describe('Python imaplib', () => {
  it('starttls, login, list, select, search, fetch, store, copy, append, status, uid, expunge, examine', async () => {
    const r = await python<Record<string, Reply | string[]>>('imap_client.py', ['tour', port(servers, 'imap'), 'alice', 'wonderland']);
    const text = (key: string): string => [r[key]].flat(3).join('\n');
    expect(r.before).toEqual(expect.arrayContaining(['STARTTLS', 'LOGINDISABLED']));
    expect(r.after).toEqual(expect.arrayContaining(['IMAP4REV1', 'IMAP4REV2']));
    expect(r.after).not.toContain('LOGINDISABLED');
    const listed = (r.list as Reply)[1] as string[];
    expect(listed).toContainEqual(expect.stringMatching(/\) "\/" INBOX$/));
    expect(listed).toContainEqual(expect.stringMatching(/\\Sent.*\) "\/" Sent$/));
    expect((r.select as Reply)[0]).toBe('OK');
    expect((r.select as Reply)[1]).toEqual(['3']);
    expect((r.search_unseen as Reply)[1]).toEqual(['2 3']);
    expect((r.search_from as Reply)[1]).toEqual(['1 3']);
    expect((r.search_subject as Reply)[1]).toEqual(['2']);
    expect((r.search_or as Reply)[1]).toEqual(['1 3']);
    expect((r.search_since as Reply)[1]).toEqual(['1 2 3']);
    expect((r.search_body as Reply)[1]).toEqual(['3']);
    // imaplib speaks IMAP4rev1, so it also sees \Recent (RFC 3501 §2.3.2).
    expect((r.flags as Reply)[1][0]).toMatch(/^1 \(FLAGS \(\\Seen( \\Recent)?\)\)$/);
    expect(text('envelope')).toContain('"Site plans for Monday"');
    expect(text('envelope')).toContain('(("Bob Builder" NIL "bob" "example.org"))');
    expect(text('bodystructure')).toMatch(/BODYSTRUCTURE \(\("TEXT" "PLAIN" .* "MIXED"/i);
    // The fields in the message's own order, and the blank line (RFC 9051 §6.4.5 HEADER.FIELDS).
    expect(text('headerfields')).toContain('From: Carol Singer <carol@example.com>\r\nSubject: Welcome to Mailwire\r\n\r\n');
    expect(text('flagsAfterPeek')).not.toContain('Seen');
    expect(text('flagsAfterBody')).toContain('\\Seen');
    expect(text('store')).toContain('\\Answered');
    expect((r.copy as Reply)[0]).toBe('OK');
    expect((r.append as Reply)[0]).toBe('OK');
    expect(text('append')).toMatch(/APPENDUID \d+ 1/);
    expect(text('status')).toMatch(/MESSAGES 1/);
    expect((r.uidSearch as Reply)[1]).toEqual(['1 2 3']);
    expect(text('uidFetch')).toMatch(/UID 3/);
    expect((r.expunge as Reply)[1]).toEqual(['1']);
    expect((r.examine as Reply)[1]).toEqual(['2']);
    expect(text('archiveFetch')).toContain('<welcome.1@example.com>');
    expect(inbox(servers.world, 'alice@example.com')).toHaveLength(2);
    const draft = inbox(servers.world, 'alice@example.com', 'Drafts')[0]!;
    expect(Buffer.from(draft.raw).toString('latin1')).toContain('A literal, {11}\r\nnot a literal.\r\n');
    expect(draft.flags.has('\\Draft')).toBe(true);
  });

  it('refuses LOGIN before STARTTLS (LOGINDISABLED)', async () => {
    const r = await python<{ capabilities: string[]; login: string }>(
      'imap_client.py', ['login-before-tls', port(servers, 'imap'), 'carol', 'singer'],
    );
    expect(r.capabilities).toContain('LOGINDISABLED');
    expect(r.login).not.toBe('accepted');
  });

  it('IMAP4_SSL on imaps (993, implicit TLS)', async () => {
    const r = await python<{ capabilities: string[]; select: Reply; fetch: Reply }>(
      'imap_client.py', ['implicit', port(servers, 'imaps'), 'alice@example.com', 'wonderland'],
    );
    expect(r.capabilities).not.toContain('STARTTLS');
    expect(r.select[0]).toBe('OK');
    const first = Buffer.from(inbox(servers.world, 'alice@example.com')[0]!.raw).toString('latin1');
    expect((r.fetch[1][0] as string[])[1]).toBe(first);
  });
});

describe('curl', () => {
  const base = (): string => `imap://127.0.0.1:${port(servers, 'imap')}`;
  const curl = (args: readonly string[]) => run('curl', ['-sS', '-k', '--ssl-reqd', '--user', 'bob@example.org:builder', ...args]);

  it('lists mailboxes', async () => {
    // bob lives on mail.example.org; this server is mail.example.com, so he is unknown here.
    const denied = await curl([`${base()}/`]);
    expect(denied.code).not.toBe(0);
    const r = await run('curl', ['-sS', '-k', '--ssl-reqd', '--user', 'carol:singer', `${base()}/`]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\* LIST \([^)]*\) "\/" INBOX\r$/m);
    expect(r.stdout).toMatch(/^\* LIST \([^)]*\\Sent[^)]*\) "\/" Sent\r$/m);
  });

  it('SMTP in, IMAP out: ;UID= fetches the message byte for byte, ;SECTION= a part', async () => {
    const user = ['--user', 'dave:diver'];
    const sent = await smtpIn('dave@example.com', 'imap-curl-uid');
    const stored = await delivered(servers.world, 'dave@example.com', 'imap-curl-uid');
    const whole = await run('curl', ['-sS', '-k', '--ssl-reqd', ...user, `${base()}/INBOX;UID=${stored.uid}`]);
    expect(whole.code).toBe(0);
    expect(withoutTrace(Buffer.from(whole.stdout, 'latin1')).equals(sent)).toBe(true);
    const part = await run('curl', ['-sS', '-k', '--ssl-reqd', ...user, `${base()}/INBOX;UID=${stored.uid};SECTION=HEADER.FIELDS%20(SUBJECT)`]);
    expect(part.stdout).toBe('Subject: imap-curl-uid\r\n\r\n');
  });

  it('?SEARCH, -X commands and -T append', async () => {
    const user = ['--user', 'erin:engineer'];
    put('erin@example.com', 'imap-curl-search');
    const search = await run('curl', ['-sS', '-k', '--ssl-reqd', ...user, `${base()}/INBOX?SUBJECT%20imap-curl-search`]);
    expect(search.stdout).toMatch(/^\* SEARCH 1\r$/m);
    const examine = await run('curl', ['-sS', '-k', '--ssl-reqd', ...user, '-X', 'EXAMINE INBOX', `${base()}/`]);
    expect(examine.stdout).toMatch(/^\* 1 EXISTS\r$/m);
    const file = writeTemp(dir, 'append.eml', crlfMessage(['Subject: imap-curl-append', '', 'appended by curl']));
    const append = await run('curl', ['-sS', '-k', '--ssl-reqd', ...user, '-T', file, `${base()}/Drafts`]);
    expect(append.code).toBe(0);
    const drafts = inbox(servers.world, 'erin@example.com', 'Drafts');
    expect(Buffer.from(drafts.at(-1)!.raw).toString()).toBe('Subject: imap-curl-append\r\n\r\nappended by curl\r\n');
  });
});

describe('imapflow', () => {
  it('lists, fetches, sets flags and UID MOVEs', async () => {
    const client = flow('carol', 'singer');
    await client.connect();
    const list = await client.list();
    expect(list.find((m) => m.path === 'Sent')?.specialUse).toBe('\\Sent');
    put('carol@example.com', 'imapflow-fetch');
    const lock = await client.getMailboxLock('INBOX');
    try {
      const messages = [];
      for await (const m of client.fetch('1:*', { uid: true, flags: true, envelope: true, source: true })) messages.push(m);
      const mine = messages.find((m) => m.envelope?.subject === 'imapflow-fetch')!;
      expect(mine).toBeDefined();
      expect(mine.envelope?.from?.[0]?.address).toBe('bob@example.org');
      await client.messageFlagsAdd({ uid: mine.uid }, ['\\Flagged', '$Important'], { uid: true });
      const stored = inbox(servers.world, 'carol@example.com').find((m) => m.uid === mine.uid)!;
      expect([...stored.flags]).toEqual(expect.arrayContaining(['\\Flagged', '$Important']));
      const moved = await client.messageMove(String(mine.uid), 'Archive', { uid: true });
      expect(moved && moved.uidMap?.get(mine.uid)).toBeGreaterThan(0);
      expect(inbox(servers.world, 'carol@example.com').some((m) => m.uid === mine.uid)).toBe(false);
      expect(inbox(servers.world, 'carol@example.com', 'Archive').length).toBeGreaterThan(0);
    } finally {
      lock.release();
      await client.logout();
    }
  });

  it('gets an IDLE notification when SMTP delivers', async () => {
    const client = flow('frank', 'fisher', true);
    await client.connect();
    await client.mailboxOpen('INBOX');
    const exists = new Promise<number>((resolve) => client.on('exists', (e: { count: number }) => resolve(e.count)));
    await new Promise((resolve) => setTimeout(resolve, 300)); // let imapflow enter IDLE
    await smtpIn('frank@example.com', 'imapflow-idle');
    expect(await exists).toBe(1);
    await client.logout();
  });

  it('two real clients on one mailbox see each other\'s flag changes and expunges', async () => {
    put('grace@example.com', 'two-clients-1');
    put('grace@example.com', 'two-clients-2');
    const [first, second] = inbox(servers.world, 'grace@example.com').map((m) => m.uid);
    const watcher = flow('grace', 'gardener');
    await watcher.connect();
    await watcher.mailboxOpen('INBOX');
    const flags: Array<{ uid?: number; flags: Set<string> }> = [];
    const expunges: number[] = [];
    watcher.on('flags', (e: { uid?: number; flags: Set<string> }) => flags.push(e));
    watcher.on('expunge', (e: { seq: number }) => expunges.push(e.seq));
    await new Promise((resolve) => setTimeout(resolve, 300)); // let imapflow enter IDLE
    const r = await python<Record<string, Reply>>('imap_client.py', ['flag-and-expunge', port(servers, 'imap'), 'grace', 'gardener', String(first), String(second)]);
    expect(r.flag![0]).toBe('OK');
    await waitFor('the FLAGS and EXPUNGE updates', () => flags.length > 0 && expunges.length > 0);
    expect([...flags[0]!.flags]).toContain('\\Flagged');
    expect(expunges).toEqual([2]);
    // And back: the watcher's change reaches the store the other client reads.
    await watcher.messageFlagsAdd('1', ['\\Seen']);
    expect(inbox(servers.world, 'grace@example.com')[0]!.flags.has('\\Seen')).toBe(true);
    await watcher.logout();
  });
});
