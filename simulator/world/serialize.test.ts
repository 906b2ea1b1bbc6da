import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultWorld, type World } from './world.ts';
import { utf8Bytes } from '../wire/bytes.ts';
import { deserializeWorld, serializeWorld, serializeWorldBytes, WORLD_VERSION, worldFromJson, worldToJson, type SerializedWorld } from './serialize.ts';
import { encodeBase64 } from '../wire/base64.ts';

const NOW = Date.UTC(2026, 10, 26, 8, 0, 0);

/** A world with every kind of state touched: flags, expunges, renames, quota, queue, settings. */
function busyWorld(): World {
  const w = defaultWorld(NOW);
  const s = w.store;
  s.setFlags('alice@example.com', 'INBOX', 2, ['\\Answered', '$Important']);
  s.expunge('alice@example.com', 'INBOX', [1]);
  s.createMailbox('alice@example.com', 'Projects/2026');
  s.renameMailbox('bob@example.org', 'Archive', 'Old/Archive');
  s.setSubscribed('bob@example.org', 'Junk', false);
  s.append('carol@example.com', 'Sent', Uint8Array.of(0, 1, 2, 0xff, 0x0d, 0x0a), { internalDate: NOW + 1, flags: ['\\Seen'] });
  s.account('carol@example.com')!.quota = 1_000_000;
  w.hosts[0]!.settings.plaintextAuth = true;
  w.hosts[1]!.settings.disabled.push('STLS');
  w.queue.push({
    id: 'q1',
    fromHost: 'mail.example.com',
    from: '',
    recipients: [
      { address: 'x@example.net', status: 'deferred', attempts: 2, nextAttempt: NOW + 60_000, lastReply: '451 4.3.0 try later' },
      { address: 'y@example.net', status: 'pending', attempts: 0, nextAttempt: NOW },
    ],
    raw: utf8Bytes('Subject: bounce\r\n\r\nhi\r\n'),
    queuedAt: NOW,
  });
  return w;
}

/** Everything observable about a world, as plain data. */
function snapshot(w: World): unknown {
  return {
    seed: w.store.uidValiditySeed,
    accounts: [...w.store.accounts.values()].map((a) => ({
      address: a.address,
      password: a.password,
      quota: a.quota,
      boxes: [...a.mailboxes.entries()].map(([key, b]) => ({
        key, name: b.name, uidValidity: b.uidValidity, uidNext: b.uidNext, highestModseq: b.highestModseq,
        specialUse: b.specialUse, subscribed: b.subscribed,
        messages: b.messages.map((m) => ({ uid: m.uid, raw: [...m.raw], flags: [...m.flags].sort(), internalDate: m.internalDate, modseq: m.modseq })),
      })),
    })),
    hosts: w.hosts,
    dns: w.dns.records,
    queue: w.queue.map((q) => ({ ...q, raw: [...q.raw] })),
  };
}

describe('world serialization', () => {
  it('round-trips a busy world losslessly through JSON', () => {
    const w = busyWorld();
    const back = worldFromJson(worldToJson(w));
    if (!back.ok) throw new Error(back.error);
    expect(snapshot(back.value)).toEqual(snapshot(w));
  });

  it('the restored store works: UIDs continue, UIDVALIDITY is never reused, DNS answers', () => {
    const w = busyWorld();
    const back = deserializeWorld(JSON.parse(worldToJson(w)));
    if (!back.ok) throw new Error(back.error);
    const r = back.value;
    const appended = r.store.append('alice@example.com', 'INBOX', utf8Bytes('x\r\n'), { internalDate: NOW });
    expect(appended.ok && appended.value.uid).toBe(w.store.mailbox('alice@example.com', 'INBOX')!.uidNext);
    const made = r.store.createMailbox('bob@example.org', 'New');
    const all = [...r.store.accounts.values()].flatMap((a) => [...a.mailboxes.values()]);
    expect(made.ok && all.filter((b) => b.uidValidity === made.value.uidValidity)).toHaveLength(1);
    expect(r.dns.mailHosts('example.org')).toEqual(['mail.example.org']);
    expect(r.store.authenticate('bob', 'builder', ['example.org'])?.address).toBe('bob@example.org');
  });

  it('is JSON-safe: stringify and parse give the same object', () => {
    const data = serializeWorld(busyWorld());
    expect(JSON.parse(JSON.stringify(data))).toEqual(data);
    expect(data.version).toBe(WORLD_VERSION);
  });

  it.each<[string, (d: SerializedWorld & Record<string, unknown>) => void, RegExp]>([
    ['an old version', (d) => { (d as { version: unknown }).version = 0; }, /unsupported world version 0: this build reads version 1/],
    ['a missing format', (d) => { delete (d as Partial<SerializedWorld>).format; }, /not a Mailwire world/],
    ['a broken base64 body', (d) => { d.store.accounts[0]!.mailboxes[0]!.messages[0]!.raw = '!!!'; }, /store\.accounts\[0\]\.mailboxes\[0\]\.messages\[0\]\.raw: not valid base64/],
    ['UIDs out of order', (d) => { d.store.accounts[0]!.mailboxes[0]!.messages.reverse(); }, /is not above the previous UID/],
    ['a UID at uidNext', (d) => { d.store.accounts[0]!.mailboxes[0]!.uidNext = 1; }, /is not below the mailbox's uidNext 1/],
    ['a modseq above highestModseq', (d) => { d.store.accounts[0]!.mailboxes[0]!.highestModseq = 0; }, /above the mailbox's highestModseq/],
    ['a string quota', (d) => { (d.store.accounts[0] as { quota: unknown }).quota = '5'; }, /store\.accounts\[0\]\.quota: expected a number, got string "5"/],
    ['a duplicate account', (d) => { d.store.accounts.push(d.store.accounts[0]!); }, /appears twice/],
    ['no INBOX', (d) => { d.store.accounts[0]!.mailboxes.shift(); }, /has no INBOX/],
    ['an unknown special-use', (d) => { (d.store.accounts[0]!.mailboxes[1] as { specialUse: unknown }).specialUse = '\\Spam'; }, /specialUse: expected one of/],
    ['a reused UIDVALIDITY seed', (d) => { d.store.uidValiditySeed = 5; }, /is not above UIDVALIDITY/],
    ['a bad DNS record', (d) => { (d.dns[0] as { type: unknown }).type = 'TXT'; }, /dns\[0\]\.type: expected "A" or "MX"/],
    ['a bad port', (d) => { (d.hosts[0]!.ports[0] as { tls: unknown }).tls = 'maybe'; }, /hosts\[0\]\.ports\[0\]\.tls/],
    ['a bad queue status', (d) => { (d.queue[0]!.recipients[0] as { status: unknown }).status = 'lost'; }, /queue\[0\]\.recipients\[0\]\.status/],
    ['hosts not an array', (d) => { (d as { hosts: unknown }).hosts = {}; }, /hosts: expected an array, got an object/],
  ])('refuses %s with a clear error', (_, corrupt, error) => {
    const data = JSON.parse(worldToJson(busyWorld()));
    corrupt(data);
    const result = deserializeWorld(data);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(error);
  });

  it('refuses text that is not JSON', () => {
    const result = worldFromJson('{"format": ');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/^not JSON: /);
  });

  it('never throws on random or randomly damaged input', () => {
    const good = JSON.parse(worldToJson(busyWorld())) as unknown;
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = deserializeWorld(value);
        expect(result.ok).toBe(false);
      }),
      { numRuns: 200 },
    );
    // Replace one value somewhere in a valid world.
    const paths: Array<Array<string | number>> = [];
    const walk = (v: unknown, path: Array<string | number>) => {
      paths.push(path);
      if (v && typeof v === 'object') for (const [k, c] of Object.entries(v)) walk(c, [...path, Array.isArray(v) ? Number(k) : k]);
    };
    walk(good, []);
    fc.assert(
      fc.property(fc.constantFrom(...paths.filter((p) => p.length > 0)), fc.jsonValue({ maxDepth: 1 }), (path, value) => {
        const data = JSON.parse(JSON.stringify(good)) as Record<string | number, unknown>;
        let at: Record<string | number, unknown> = data;
        for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
        at[path.at(-1)!] = value;
        const result = deserializeWorld(data);
        if (!result.ok) expect(result.error.length).toBeGreaterThan(5);
      }),
      { numRuns: 400 },
    );
  });

  /**
   * fixtures/world-v1.json was written by the one-file serialize.ts, before each module came to
   * serialise its own part: a world saved then (in IndexedDB, an export, a replay link) still
   * loads, and writes back the same octets.
   */
  it('loads a world saved by an earlier build and writes it back byte for byte', () => {
    const saved = readFileSync(new URL('./fixtures/world-v1.json', import.meta.url), 'utf8');
    const back = worldFromJson(saved);
    if (!back.ok) throw new Error(back.error);
    expect(worldToJson(back.value)).toBe(saved);
    // The binary form is the same data with bytes for base64.
    const bytes = serializeWorldBytes(back.value);
    const rebased = { ...bytes, store: { ...bytes.store, accounts: bytes.store.accounts.map((a) => ({ ...a, mailboxes: a.mailboxes.map((b) => ({ ...b, messages: b.messages.map((m) => ({ ...m, raw: encodeBase64(m.raw) })) })) })) }, queue: bytes.queue.map((q) => ({ ...q, raw: encodeBase64(q.raw) })) };
    expect(JSON.stringify(rebased)).toBe(saved);
    const again = deserializeWorld(bytes);
    if (!again.ok) throw new Error(again.error);
    expect(worldToJson(again.value)).toBe(saved);
  });
});
