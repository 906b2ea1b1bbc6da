import { Account, canonicalMailboxName } from './account.ts';
import { Mailbox } from './mailbox.ts';
import { fail, ok } from './result.ts';
import {
  HIERARCHY_DELIMITER,
  type SpecialUse,
  type StoreChange,
  type StoreListener,
  type StoreResult,
  type StoredMessage,
} from './types.ts';

/** The mailboxes every new account starts with (RFC 6154 special-use). */
export const DEFAULT_MAILBOXES: ReadonlyArray<{ name: string; specialUse: SpecialUse | null }> = [
  { name: 'INBOX', specialUse: null },
  { name: 'Sent', specialUse: '\\Sent' },
  { name: 'Drafts', specialUse: '\\Drafts' },
  { name: 'Trash', specialUse: '\\Trash' },
  { name: 'Junk', specialUse: '\\Junk' },
  { name: 'Archive', specialUse: '\\Archive' },
];

/**
 * Every account and mailbox of the virtual world, shared by all protocol engines.
 * Synchronous and in memory; every mutation is announced to listeners so that IMAP sessions,
 * POP3 and the UI see one another's changes.
 */
export class MailStore {
  readonly accounts = new Map<string, Account>();
  /** Source of UIDVALIDITY values: ascends, so a recreated mailbox never reuses one. */
  uidValiditySeed: number;
  private readonly listeners = new Set<StoreListener>();
  /** RFC 1939 §8: the POP3 maildrop lock, by account address → holder. */
  private readonly locks = new Map<string, string>();
  /** RFC 2449 §6.5 LOGIN-DELAY: when each account last logged in over POP3 (runtime, like the locks). */
  private readonly logins = new Map<string, number>();

  constructor(uidValiditySeed = 1) {
    this.uidValiditySeed = uidValiditySeed;
  }

  subscribe(listener: StoreListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** How many listeners are subscribed: a session that ended must leave none behind. */
  get listenerCount(): number {
    return this.listeners.size;
  }

  private emit(change: StoreChange): void {
    for (const listener of [...this.listeners]) listener(change);
  }

  // ── Accounts ────────────────────────────────────────────────────────────────

  addAccount(address: string, password: string, quota = 0): Account {
    const account = new Account(address, password, quota);
    if (this.accounts.has(account.address)) throw new Error(`account ${account.address} exists`);
    for (const { name, specialUse } of DEFAULT_MAILBOXES) {
      account.mailboxes.set(name, new Mailbox({ name, specialUse, uidValidity: this.uidValiditySeed++ }));
    }
    this.accounts.set(account.address, account);
    return account;
  }

  account(address: string): Account | undefined {
    return this.accounts.get(address.toLowerCase());
  }

  /**
   * Finds the account a login name means on a host serving `domains`: a full address, or a bare
   * local part in the host's first domain that has it. Returns null on a wrong password — the
   * caller must not tell the two failures apart (RFC 1939 §13, RFC 4954 §9).
   */
  authenticate(login: string, password: string, domains: readonly string[]): Account | null {
    const account = this.resolveLogin(login, domains);
    if (!account || account.password !== password) return null;
    return account;
  }

  resolveLogin(login: string, domains: readonly string[]): Account | null {
    const name = login.toLowerCase();
    if (name.includes('@')) {
      const account = this.accounts.get(name);
      return account && domains.includes(account.domain) ? account : null;
    }
    for (const domain of domains) {
      const account = this.accounts.get(`${name}@${domain}`);
      if (account) return account;
    }
    return null;
  }

  // ── Maildrop lock (POP3) ───────────────────────────────────────────────────

  /** RFC 1939 §4: an exclusive-access lock on the maildrop; false when someone holds it. */
  lock(address: string, holder: string): boolean {
    const held = this.locks.get(address);
    if (held !== undefined && held !== holder) return false;
    this.locks.set(address, holder);
    return true;
  }

  unlock(address: string, holder: string): void {
    if (this.locks.get(address) === holder) this.locks.delete(address);
  }

  isLocked(address: string): boolean {
    return this.locks.has(address);
  }

  lastLogin(address: string): number | undefined {
    return this.logins.get(address);
  }

  recordLogin(address: string, at: number): void {
    this.logins.set(address, at);
  }

  // ── Mailboxes ───────────────────────────────────────────────────────────────

  mailbox(address: string, name: string): Mailbox | undefined {
    return this.account(address)?.mailbox(name);
  }

  /** RFC 9051 §6.3.4 CREATE: also creates missing superior names. */
  createMailbox(address: string, name: string, specialUse: SpecialUse | null = null, origin?: string): StoreResult<Mailbox> {
    const account = this.account(address);
    if (!account) return fail('nonexistent', `no account ${address}`);
    const canonical = canonicalMailboxName(stripTrailingDelimiter(name));
    if (!canonical || canonical.split(HIERARCHY_DELIMITER).some((part) => part === '')) {
      return fail('cannot', `"${name}" is not a valid mailbox name`);
    }
    if (account.mailboxes.has(canonical)) return fail('already-exists', `mailbox ${canonical} already exists`);
    const parts = canonical.split(HIERARCHY_DELIMITER);
    let created: Mailbox | undefined;
    for (let i = 1; i <= parts.length; i++) {
      const path = parts.slice(0, i).join(HIERARCHY_DELIMITER);
      if (account.mailboxes.has(path)) continue;
      created = new Mailbox({ name: path, uidValidity: this.uidValiditySeed++, specialUse: i === parts.length ? specialUse : null });
      account.mailboxes.set(path, created);
      this.emit({ kind: 'mailbox-created', account: account.address, mailbox: path, origin });
    }
    return ok(created!);
  }

  /** RFC 9051 §6.3.5 DELETE: INBOX cannot be deleted; inferiors stay. */
  deleteMailbox(address: string, name: string, origin?: string): StoreResult<Mailbox> {
    const account = this.account(address);
    const box = account?.mailbox(name);
    if (!account || !box) return fail('nonexistent', `no mailbox named ${name}`);
    if (box.name === 'INBOX') return fail('cannot', 'INBOX cannot be deleted');
    const uids = box.messages.map((m) => m.uid);
    account.mailboxes.delete(box.name);
    if (uids.length) this.emit({ kind: 'expunge', account: account.address, mailbox: box.name, uids, origin });
    this.emit({ kind: 'mailbox-deleted', account: account.address, mailbox: box.name, origin });
    return ok(box);
  }

  /**
   * RFC 9051 §6.3.6 RENAME, inferiors included. Renaming INBOX moves its messages to the new
   * name and leaves INBOX empty.
   */
  renameMailbox(address: string, from: string, to: string, origin?: string): StoreResult<Mailbox> {
    const account = this.account(address);
    const box = account?.mailbox(from);
    if (!account || !box) return fail('nonexistent', `no mailbox named ${from}`);
    const target = canonicalMailboxName(stripTrailingDelimiter(to));
    if (!target || target.split(HIERARCHY_DELIMITER).some((p) => p === '')) return fail('cannot', `"${to}" is not a valid mailbox name`);
    if (account.mailboxes.has(target)) return fail('already-exists', `mailbox ${target} already exists`);
    if (box.name === 'INBOX') {
      const made = this.createMailbox(address, target, null, origin);
      if (!made.ok) return made;
      const moved = box.messages.splice(0, box.messages.length);
      for (const m of moved) made.value.add(m.raw, m.flags, m.internalDate);
      if (moved.length) {
        box.highestModseq++;
        this.emit({ kind: 'expunge', account: account.address, mailbox: 'INBOX', uids: moved.map((m) => m.uid), origin });
      }
      return made;
    }
    if (target.startsWith(box.name + HIERARCHY_DELIMITER)) return fail('cannot', 'cannot rename a mailbox into itself');
    const source = box.name;
    const prefix = source + HIERARCHY_DELIMITER;
    const renames = [...account.mailboxes.values()].filter((b) => b === box || b.name.startsWith(prefix));
    // An inferior's new name must be free too, or the mailbox there would be overwritten.
    const taken = renames.find((b) => account.mailboxes.has(target + b.name.slice(source.length)));
    if (taken) return fail('already-exists', `mailbox ${target + taken.name.slice(source.length)} already exists`);
    for (const b of renames) {
      const oldName = b.name;
      account.mailboxes.delete(oldName);
      // `source`, not `box.name`: box is renamed first, and its inferiors keep their own suffix.
      b.name = target + oldName.slice(source.length);
      account.mailboxes.set(b.name, b);
      this.emit({ kind: 'mailbox-renamed', account: account.address, mailbox: oldName, to: b.name, origin });
    }
    // Superiors of the new name are created as needed (RFC 9051 §6.3.6).
    const parts = target.split(HIERARCHY_DELIMITER);
    for (let i = 1; i < parts.length; i++) {
      const path = parts.slice(0, i).join(HIERARCHY_DELIMITER);
      if (!account.mailboxes.has(path)) this.createMailbox(address, path, null, origin);
    }
    return ok(box);
  }

  setSubscribed(address: string, name: string, subscribed: boolean): StoreResult<Mailbox> {
    const box = this.mailbox(address, name);
    if (!box) return fail('nonexistent', `no mailbox named ${name}`);
    box.subscribed = subscribed;
    return ok(box);
  }

  // ── Messages ────────────────────────────────────────────────────────────────

  /** Stores a message; refuses when it would exceed the account's quota. */
  append(
    address: string,
    mailboxName: string,
    raw: Uint8Array,
    options: { flags?: Iterable<string>; internalDate: number; origin?: string },
  ): StoreResult<StoredMessage> {
    const account = this.account(address);
    const box = account?.mailbox(mailboxName);
    if (!account || !box) return fail('nonexistent', `no mailbox named ${mailboxName}`);
    if (account.quota > 0 && account.used + raw.length > account.quota) {
      return fail('quota', `quota of ${account.quota} octets exceeded`);
    }
    const message = box.add(raw, options.flags ?? [], options.internalDate);
    this.emit({ kind: 'append', account: account.address, mailbox: box.name, uid: message.uid, origin: options.origin });
    return ok(message);
  }

  setFlags(address: string, mailboxName: string, uid: number, flags: Iterable<string>, origin?: string): boolean {
    const box = this.mailbox(address, mailboxName);
    if (!box || !box.setFlags(uid, flags)) return false;
    const message = box.byUid(uid)!;
    this.emit({ kind: 'flags', account: address.toLowerCase(), mailbox: box.name, uid, flags: [...message.flags], origin });
    return true;
  }

  expunge(address: string, mailboxName: string, uids: Iterable<number>, origin?: string): number[] {
    const box = this.mailbox(address, mailboxName);
    if (!box) return [];
    const removed = box.remove(uids);
    if (removed.length) this.emit({ kind: 'expunge', account: address.toLowerCase(), mailbox: box.name, uids: removed, origin });
    return removed;
  }

  /** RFC 9051 §6.4.7 COPY: returns the new UIDs in the order of `uids` (RFC 4315 COPYUID). */
  copy(address: string, from: string, uids: readonly number[], to: string, origin?: string): StoreResult<{ target: Mailbox; pairs: Array<[number, number]> }> {
    const account = this.account(address);
    const source = account?.mailbox(from);
    const target = account?.mailbox(to);
    if (!account || !source) return fail('nonexistent', `no mailbox named ${from}`);
    if (!target) return fail('nonexistent', `no mailbox named ${to}`);
    const messages = uids.map((uid) => source.byUid(uid)).filter((m): m is StoredMessage => m !== undefined);
    const bytes = messages.reduce((n, m) => n + m.raw.length, 0);
    if (account.quota > 0 && account.used + bytes > account.quota) return fail('quota', `quota of ${account.quota} octets exceeded`);
    const pairs: Array<[number, number]> = [];
    for (const m of messages) {
      const copy = target.add(m.raw, m.flags, m.internalDate);
      pairs.push([m.uid, copy.uid]);
      this.emit({ kind: 'append', account: account.address, mailbox: target.name, uid: copy.uid, origin });
    }
    return ok({ target, pairs });
  }

  /** RFC 6851 MOVE: a copy, then an expunge of the originals. */
  move(address: string, from: string, uids: readonly number[], to: string, origin?: string): StoreResult<{ target: Mailbox; pairs: Array<[number, number]> }> {
    const copied = this.copy(address, from, uids, to, origin);
    if (!copied.ok) return copied;
    this.expunge(address, from, copied.value.pairs.map(([src]) => src), origin);
    return copied;
  }
}

function stripTrailingDelimiter(name: string): string {
  return name.endsWith(HIERARCHY_DELIMITER) ? name.slice(0, -1) : name;
}
