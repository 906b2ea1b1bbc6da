/**
 * The mail store as a JSON-safe object and back, losslessly: accounts, mailboxes with their
 * UIDVALIDITY/UIDNEXT/HIGHESTMODSEQ, messages with UIDs, flags, internal dates and modseqs.
 * A saved World (simulator/world/serialize.ts) holds it under "store". Session state (POP3 locks,
 * store listeners) is not the store's data and is not saved.
 */
import { arr, list, bool, fail, int, num, obj, octets, oneOf, str, type RawOctets } from '../wire/json-read.ts';
import { Account, canonicalMailboxName } from './account.ts';
import { MailStore } from './mail-store.ts';
import { Mailbox } from './mailbox.ts';
import type { SpecialUse } from './types.ts';

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

export interface SerializedStore<R extends RawOctets = string> {
  uidValiditySeed: number;
  accounts: SerializedAccount<R>[];
}

/** The store, with each message's octets as `encode` gives them (base64, or a copy of the bytes). */
export function serializeStore<R extends RawOctets>(store: MailStore, encode: (raw: Uint8Array) => R): SerializedStore<R> {
  return {
    uidValiditySeed: store.uidValiditySeed,
    accounts: [...store.accounts.values()].map((account) => ({
      address: account.address,
      password: account.password,
      quota: account.quota,
      mailboxes: [...account.mailboxes.values()].map((box) => serializeMailbox(box, encode)),
    })),
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

/** Checks `data` (found at `at`) and rebuilds the store; throws InvalidData naming the first fault. */
export function readStore(data: unknown, at: string): MailStore {
  const o = obj(data, at);
  const seed = int(o.uidValiditySeed, `${at}.uidValiditySeed`, 0);
  const store = new MailStore(seed);
  arr(o.accounts, `${at}.accounts`).forEach((a, i) => {
    const account = readAccount(a, `${at}.accounts[${i}]`);
    if (store.accounts.has(account.address)) fail(`${at}.accounts[${i}]: account ${account.address} appears twice`);
    store.accounts.set(account.address, account);
  });
  for (const account of store.accounts.values()) {
    for (const box of account.mailboxes.values()) {
      // RFC 9051 §2.3.1.1: a new mailbox must never get a UIDVALIDITY an existing one has.
      if (box.uidValidity >= seed) fail(`${at}.uidValiditySeed ${seed} is not above UIDVALIDITY ${box.uidValidity} of ${account.address}/${box.name}`);
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
    const flags = list(mo.flags, `${where}.flags`, str);
    box.restore({ uid, raw, flags: new Set(flags), internalDate: num(mo.internalDate, `${where}.internalDate`), modseq });
    lastUid = uid;
  });
  box.uidNext = uidNext;
  box.highestModseq = highestModseq;
  return box;
}
