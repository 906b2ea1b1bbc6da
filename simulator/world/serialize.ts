/**
 * The whole World as a JSON-safe object and back, losslessly: accounts, mailboxes with their
 * UIDVALIDITY/UIDNEXT/HIGHESTMODSEQ, messages with UIDs, flags, internal dates and modseqs, the
 * hosts, the DNS records and the outbound queue. Message octets travel as base64 (RFC 4648).
 *
 * The reader validates everything and never throws on bad input: a saved lab from an older build
 * or a hand-edited file gets `{ ok: false, error }` naming the first thing wrong and where.
 * Session state (POP3 locks, store listeners) is not part of a World's data and is not saved.
 */
import { Dns, type DnsRecord } from './dns.ts';
import type { HostConfig } from './host.ts';
import type { QueuedMessage } from './queue.ts';
import type { World } from './world.ts';
import { decodeBase64, encodeBase64 } from '../wire/base64.ts';
import { Account, canonicalMailboxName } from '../store/account.ts';
import { MailStore } from '../store/mail-store.ts';
import { Mailbox } from '../store/mailbox.ts';
import type { SpecialUse } from '../store/types.ts';

export const WORLD_FORMAT = 'mailwire-world';
/** Bump when the shape changes; the reader refuses other versions with a clear message. */
export const WORLD_VERSION = 1;

/**
 * How message octets are kept: base64 in JSON (files, exports), or the bytes themselves where the
 * storage keeps binary data (IndexedDB's structured clone).
 */
export type RawOctets = string | Uint8Array;

export interface SerializedMessage<R extends RawOctets = string> {
  uid: number;
  /** The RFC 5322 octets: base64 in JSON, or bytes. */
  raw: R;
  flags: string[];
  internalDate: number;
  modseq: number;
}

export interface SerializedMailbox<R extends RawOctets = string> {
  name: string;
  uidValidity: number;
  uidNext: number;
  highestModseq: number;
  specialUse: SpecialUse | null;
  subscribed: boolean;
  messages: SerializedMessage<R>[];
}

export interface SerializedAccount<R extends RawOctets = string> {
  address: string;
  password: string;
  quota: number;
  mailboxes: SerializedMailbox<R>[];
}

export type SerializedQueuedMessage<R extends RawOctets = string> = Omit<QueuedMessage, 'raw'> & { raw: R };

export interface SerializedWorld<R extends RawOctets = string> {
  format: typeof WORLD_FORMAT;
  version: typeof WORLD_VERSION;
  store: { uidValiditySeed: number; accounts: SerializedAccount<R>[] };
  hosts: HostConfig[];
  dns: DnsRecord[];
  queue: SerializedQueuedMessage<R>[];
}

export type ReadResult<T> = { ok: true; value: T } | { ok: false; error: string };

// ── Writing ──────────────────────────────────────────────────────────────────

export function serializeWorld(world: World): SerializedWorld {
  return serializeWorldWith(world, encodeBase64);
}

/** The world with message octets as bytes (copies), for a storage that keeps binary data. */
export function serializeWorldBytes(world: World): SerializedWorld<Uint8Array> {
  return serializeWorldWith(world, (raw) => raw.slice());
}

function serializeWorldWith<R extends RawOctets>(world: World, encode: (raw: Uint8Array) => R): SerializedWorld<R> {
  return {
    format: WORLD_FORMAT,
    version: WORLD_VERSION,
    store: {
      uidValiditySeed: world.store.uidValiditySeed,
      accounts: [...world.store.accounts.values()].map((account) => ({
        address: account.address,
        password: account.password,
        quota: account.quota,
        mailboxes: [...account.mailboxes.values()].map((box) => serializeMailbox(box, encode)),
      })),
    },
    hosts: structuredClone(world.hosts),
    dns: structuredClone(world.dns.records),
    queue: world.queue.map(({ raw, ...rest }) => ({ ...structuredClone(rest), raw: encode(raw) })),
  };
}

function serializeMailbox<R extends RawOctets>(box: Mailbox, encode: (raw: Uint8Array) => R): SerializedMailbox<R> {
  return {
    name: box.name,
    uidValidity: box.uidValidity,
    uidNext: box.uidNext,
    highestModseq: box.highestModseq,
    specialUse: box.specialUse,
    subscribed: box.subscribed,
    messages: box.messages.map((m) => ({
      uid: m.uid,
      raw: encode(m.raw),
      flags: [...m.flags],
      internalDate: m.internalDate,
      modseq: m.modseq,
    })),
  };
}

export function worldToJson(world: World): string {
  return JSON.stringify(serializeWorld(world));
}

// ── Reading ──────────────────────────────────────────────────────────────────

export function worldFromJson(text: string): ReadResult<World> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `not JSON: ${e instanceof Error ? e.message : String(e)}` };
  }
  return deserializeWorld(data);
}

/** Validates `data` and rebuilds the World it describes. */
export function deserializeWorld(data: unknown): ReadResult<World> {
  try {
    const root = obj(data, 'world');
    if (root.format !== WORLD_FORMAT) return { ok: false, error: `not a Mailwire world: "format" must be "${WORLD_FORMAT}"` };
    if (root.version !== WORLD_VERSION) {
      return { ok: false, error: `unsupported world version ${JSON.stringify(root.version)}: this build reads version ${WORLD_VERSION}` };
    }
    const storeData = obj(root.store, 'store');
    const store = readStore(storeData);
    const hosts = arr(root.hosts, 'hosts').map((h, i) => readHost(h, `hosts[${i}]`));
    const dns = new Dns(arr(root.dns, 'dns').map((r, i) => readDnsRecord(r, `dns[${i}]`)));
    const queue = arr(root.queue, 'queue').map((q, i) => readQueued(q, `queue[${i}]`));
    return { ok: true, value: { store, hosts, dns, queue } };
  } catch (e) {
    if (e instanceof InvalidData) return { ok: false, error: e.message };
    return { ok: false, error: `corrupted world data: ${e instanceof Error ? e.message : String(e)}` };
  }
}

function readStore(data: Record<string, unknown>): MailStore {
  const seed = int(data.uidValiditySeed, 'store.uidValiditySeed', 0);
  const store = new MailStore(seed);
  arr(data.accounts, 'store.accounts').forEach((a, i) => {
    const account = readAccount(a, `store.accounts[${i}]`);
    if (store.accounts.has(account.address)) fail(`store.accounts[${i}]: account ${account.address} appears twice`);
    store.accounts.set(account.address, account);
  });
  for (const account of store.accounts.values()) {
    for (const box of account.mailboxes.values()) {
      // RFC 9051 §2.3.1.1: a new mailbox must never get a UIDVALIDITY an existing one has.
      if (box.uidValidity >= seed) fail(`store.uidValiditySeed ${seed} is not above UIDVALIDITY ${box.uidValidity} of ${account.address}/${box.name}`);
    }
  }
  return store;
}

function readAccount(data: unknown, at: string): Account {
  const o = obj(data, at);
  const address = str(o.address, `${at}.address`);
  if (!/^[^@\s]+@[^@\s]+$/.test(address)) fail(`${at}.address: "${address}" is not an address`);
  const account = new Account(address, str(o.password, `${at}.password`), int(o.quota, `${at}.quota`, 0));
  arr(o.mailboxes, `${at}.mailboxes`).forEach((m, i) => {
    const box = readMailbox(m, `${at}.mailboxes[${i}]`);
    const key = canonicalMailboxName(box.name);
    if (key !== box.name) fail(`${at}.mailboxes[${i}]: name "${box.name}" should be spelled "${key}"`);
    if (account.mailboxes.has(key)) fail(`${at}.mailboxes[${i}]: mailbox ${key} appears twice`);
    account.mailboxes.set(key, box);
  });
  if (!account.mailboxes.has('INBOX')) fail(`${at}: account ${account.address} has no INBOX`);
  return account;
}

const SPECIAL_USES: ReadonlyArray<SpecialUse> = ['\\All', '\\Archive', '\\Drafts', '\\Flagged', '\\Junk', '\\Sent', '\\Trash'];

function readMailbox(data: unknown, at: string): Mailbox {
  const o = obj(data, at);
  const name = str(o.name, `${at}.name`);
  if (!name) fail(`${at}.name: empty`);
  const specialUse = o.specialUse === null ? null : oneOf(o.specialUse, SPECIAL_USES, `${at}.specialUse`);
  const box = new Mailbox({
    name,
    uidValidity: int(o.uidValidity, `${at}.uidValidity`, 1),
    specialUse,
    subscribed: bool(o.subscribed, `${at}.subscribed`),
  });
  const uidNext = int(o.uidNext, `${at}.uidNext`, 1);
  const highestModseq = int(o.highestModseq, `${at}.highestModseq`, 0);
  let lastUid = 0;
  arr(o.messages, `${at}.messages`).forEach((m, i) => {
    const where = `${at}.messages[${i}]`;
    const mo = obj(m, where);
    const uid = int(mo.uid, `${where}.uid`, 1);
    if (uid <= lastUid) fail(`${where}.uid: ${uid} is not above the previous UID ${lastUid} (UIDs ascend, RFC 9051 §2.3.1.1)`);
    if (uid >= uidNext) fail(`${where}.uid: ${uid} is not below the mailbox's uidNext ${uidNext}`);
    const modseq = int(mo.modseq, `${where}.modseq`, 1);
    if (modseq > highestModseq) fail(`${where}.modseq: ${modseq} is above the mailbox's highestModseq ${highestModseq}`);
    const raw = octets(mo.raw, `${where}.raw`);
    const flags = arr(mo.flags, `${where}.flags`).map((f, j) => str(f, `${where}.flags[${j}]`));
    box.restore({ uid, raw, flags: new Set(flags), internalDate: num(mo.internalDate, `${where}.internalDate`), modseq });
    lastUid = uid;
  });
  box.uidNext = uidNext;
  box.highestModseq = highestModseq;
  return box;
}

const PROTOCOLS = ['smtp', 'pop3', 'imap'] as const;
const ROLES = ['relay', 'submission', 'access'] as const;
const TLS_MODES = ['none', 'starttls', 'implicit'] as const;

/** Hosts keep any fields a newer HostConfig adds; the ones the engines rely on are checked. */
function readHost(data: unknown, at: string): HostConfig {
  const o = obj(data, at);
  str(o.name, `${at}.name`);
  str(o.address, `${at}.address`);
  arr(o.domains, `${at}.domains`).forEach((d, i) => str(d, `${at}.domains[${i}]`));
  arr(o.ports, `${at}.ports`).forEach((p, i) => {
    const w = `${at}.ports[${i}]`;
    const po = obj(p, w);
    int(po.port, `${w}.port`, 1);
    oneOf(po.protocol, PROTOCOLS, `${w}.protocol`);
    oneOf(po.role, ROLES, `${w}.role`);
    oneOf(po.tls, TLS_MODES, `${w}.tls`);
    if (po.iana !== null) str(po.iana, `${w}.iana`);
    str(po.rfc, `${w}.rfc`);
  });
  const settings = obj(o.settings, `${at}.settings`);
  bool(settings.plaintextAuth, `${at}.settings.plaintextAuth`);
  if (settings.starttlsRequired !== undefined) bool(settings.starttlsRequired, `${at}.settings.starttlsRequired`);
  int(settings.maxMessageSize, `${at}.settings.maxMessageSize`, 0);
  arr(settings.disabled, `${at}.settings.disabled`).forEach((d, i) => str(d, `${at}.settings.disabled[${i}]`));
  return structuredClone(o) as unknown as HostConfig;
}

function readDnsRecord(data: unknown, at: string): DnsRecord {
  const o = obj(data, at);
  const name = str(o.name, `${at}.name`);
  if (o.type === 'A') return { type: 'A', name, address: str(o.address, `${at}.address`) };
  if (o.type === 'MX') return { type: 'MX', name, preference: int(o.preference, `${at}.preference`, 0), exchange: str(o.exchange, `${at}.exchange`) };
  return fail(`${at}.type: expected "A" or "MX", got ${JSON.stringify(o.type)}`);
}

const STATUSES = ['pending', 'delivered', 'deferred', 'failed'] as const;

function readQueued(data: unknown, at: string): QueuedMessage {
  const o = obj(data, at);
  str(o.id, `${at}.id`);
  str(o.fromHost, `${at}.fromHost`);
  str(o.from, `${at}.from`);
  num(o.queuedAt, `${at}.queuedAt`);
  arr(o.recipients, `${at}.recipients`).forEach((r, i) => {
    const w = `${at}.recipients[${i}]`;
    const ro = obj(r, w);
    str(ro.address, `${w}.address`);
    oneOf(ro.status, STATUSES, `${w}.status`);
    int(ro.attempts, `${w}.attempts`, 0);
    num(ro.nextAttempt, `${w}.nextAttempt`);
    if (ro.lastReply !== undefined) str(ro.lastReply, `${w}.lastReply`);
  });
  const raw = octets(o.raw, `${at}.raw`);
  return { ...(structuredClone(o) as unknown as QueuedMessage), raw };
}

// ── Checks: each returns the value typed, or stops the read with where and what ──

class InvalidData extends Error {}

function fail(message: string): never {
  throw new InvalidData(message);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`;
}

function obj(value: unknown, at: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(`${at}: expected an object, got ${describe(value)}`);
  return value as Record<string, unknown>;
}

function arr(value: unknown, at: string): unknown[] {
  if (!Array.isArray(value)) fail(`${at}: expected an array, got ${describe(value)}`);
  return value;
}

function str(value: unknown, at: string): string {
  if (typeof value !== 'string') fail(`${at}: expected a string, got ${describe(value)}`);
  return value;
}

/** Message octets: bytes as a binary storage keeps them, or base64 as JSON does. */
function octets(value: unknown, at: string): Uint8Array {
  if (value instanceof Uint8Array) return value.slice();
  const raw = decodeBase64(str(value, at));
  if (!raw) fail(`${at}: not valid base64`);
  return raw;
}

function bool(value: unknown, at: string): boolean {
  if (typeof value !== 'boolean') fail(`${at}: expected true or false, got ${describe(value)}`);
  return value;
}

function num(value: unknown, at: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) fail(`${at}: expected a number, got ${describe(value)}`);
  return value;
}

function int(value: unknown, at: string, min: number): number {
  const n = num(value, at);
  if (!Number.isSafeInteger(n) || n < min) fail(`${at}: expected an integer ≥ ${min}, got ${n}`);
  return n;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], at: string): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    fail(`${at}: expected one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}, got ${describe(value)}`);
  }
  return value as T;
}
