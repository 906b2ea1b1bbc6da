import { Mailbox } from './mailbox.ts';
import type { SpecialUse } from './types.ts';

/** A mail user: the address mail is delivered to, the login and password, and their mailboxes. */
export class Account {
  /** The address, lower-cased: `alice@example.com`. */
  readonly address: string;
  password: string;
  /** Storage quota in octets; 0 means none. */
  quota: number;
  /** Keyed by the canonical name (INBOX upper-cased, others as created). */
  readonly mailboxes = new Map<string, Mailbox>();

  constructor(address: string, password: string, quota = 0) {
    this.address = address.toLowerCase();
    this.password = password;
    this.quota = quota;
  }

  get localPart(): string {
    return this.address.slice(0, this.address.lastIndexOf('@'));
  }

  get domain(): string {
    return this.address.slice(this.address.lastIndexOf('@') + 1);
  }

  get used(): number {
    let total = 0;
    for (const box of this.mailboxes.values()) total += box.size;
    return total;
  }

  mailbox(name: string): Mailbox | undefined {
    return this.mailboxes.get(canonicalMailboxName(name));
  }

  get inbox(): Mailbox {
    const inbox = this.mailboxes.get('INBOX');
    if (!inbox) throw new Error(`account ${this.address} has no INBOX`);
    return inbox;
  }

  bySpecialUse(use: SpecialUse): Mailbox | undefined {
    for (const box of this.mailboxes.values()) if (box.specialUse === use) return box;
    return undefined;
  }
}

/** RFC 9051 §5.1: INBOX is case-insensitive; every other name is case-sensitive. */
export function canonicalMailboxName(name: string): string {
  if (name.toUpperCase() === 'INBOX') return 'INBOX';
  const slash = name.indexOf('/');
  if (slash > 0 && name.slice(0, slash).toUpperCase() === 'INBOX') return 'INBOX' + name.slice(slash);
  return name;
}
