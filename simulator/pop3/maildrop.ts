/**
 * The maildrop as one POP3 session sees it: a snapshot of INBOX taken at login, numbered from 1,
 * with the session's deletion marks. RFC 1939 §5: message numbers stay fixed for the session,
 * and mail that arrives meanwhile is only seen at the next login.
 */
import type { Mailbox } from '../store/mailbox.ts';
import type { StoredMessage } from '../store/types.ts';
import { canonicalLines } from '../wire/line-endings.ts';

export interface MaildropMessage {
  /** The message-number of RFC 1939 §5: 1-based, fixed for the session. */
  readonly number: number;
  /** The store UID, for the UPDATE state's expunge and the unique-id. */
  readonly uid: number;
  /** @rfc 1939#7 UIDL unique-id: 1 to 70 characters in 0x21-0x7E, never reused in a maildrop. */
  readonly uniqueId: string;
  /** The octets RETR sends (before byte-stuffing), made when RETR or TOP asks; `size` is their length. */
  wire(): Uint8Array;
  readonly size: number;
}

/**
 * RFC 1939 §11: the size a message has on the wire, every line ending in CRLF, per stored
 * message. Stored octets never change, so each message is scanned for its line ends once, not at
 * every login: a login counts a maildrop it has seen before without reading its messages (a
 * profile of `npm run serve` under poplib: about a quarter of the server's CPU was these scans at PASS).
 * Keyed weakly: an expunged message's entry goes with it.
 */
const wireSizes = new WeakMap<StoredMessage, number>();

function wireSize(m: StoredMessage): number {
  let size = wireSizes.get(m);
  if (size === undefined) {
    size = canonicalLines(m.raw).length;
    wireSizes.set(m, size);
  }
  return size;
}

/** One message of the snapshot: the stored message stays readable for RETR even if IMAP expunges it meanwhile. */
class SnapshotMessage implements MaildropMessage {
  readonly number: number;
  readonly uid: number;
  readonly uniqueId: string;
  readonly size: number;
  private readonly stored: StoredMessage;

  constructor(number: number, uniqueId: string, stored: StoredMessage) {
    this.number = number;
    this.uid = stored.uid;
    this.uniqueId = uniqueId;
    this.size = wireSize(stored);
    this.stored = stored;
  }

  wire(): Uint8Array {
    return canonicalLines(this.stored.raw);
  }
}

export type Lookup =
  | { ok: true; message: MaildropMessage }
  | { ok: false; reason: 'no-such-message' | 'deleted' | 'bad-number' };

export class Maildrop {
  readonly messages: readonly MaildropMessage[];
  private readonly deleted = new Set<number>();
  /** Numbers fetched with RETR, marked \Seen in the UPDATE state. */
  private readonly retrieved = new Set<number>();

  constructor(inbox: Mailbox) {
    // UIDVALIDITY.UID: unique for as long as the mailbox exists, as Dovecot's default %v.%u.
    this.messages = inbox.messages.map((m, i) => new SnapshotMessage(i + 1, `${inbox.uidValidity}.${m.uid}`, m));
  }

  get count(): number {
    return this.messages.length - this.deleted.size;
  }

  /** RFC 1939 §5 STAT: "messages marked as deleted are not counted in either total". */
  get octets(): number {
    let total = 0;
    for (const m of this.live()) total += m.size;
    return total;
  }

  /** Messages not marked deleted, in number order. */
  live(): MaildropMessage[] {
    return this.messages.filter((m) => !this.deleted.has(m.number));
  }

  /** Resolves a message-number argument (RFC 1939 §3: a decimal number). */
  lookup(arg: string): Lookup {
    if (!/^[0-9]{1,10}$/.test(arg)) return { ok: false, reason: 'bad-number' };
    const n = Number(arg);
    const message = this.messages[n - 1];
    if (n < 1 || !message) return { ok: false, reason: 'no-such-message' };
    // RFC 1939 §5: a message-number "may NOT refer to a message marked as deleted".
    if (this.deleted.has(n)) return { ok: false, reason: 'deleted' };
    return { ok: true, message };
  }

  markDeleted(n: number): void {
    this.deleted.add(n);
  }

  markRetrieved(n: number): void {
    this.retrieved.add(n);
  }

  /** RFC 1939 §5 RSET: "If any messages have been marked as deleted by the POP3 server, they are unmarked." */
  unmarkAll(): void {
    this.deleted.clear();
  }

  /** Store UIDs of the messages marked deleted, for the UPDATE state. */
  deletedUids(): number[] {
    return this.messages.filter((m) => this.deleted.has(m.number)).map((m) => m.uid);
  }

  /** Store UIDs fetched with RETR and kept. */
  retrievedUids(): number[] {
    return this.messages.filter((m) => this.retrieved.has(m.number) && !this.deleted.has(m.number)).map((m) => m.uid);
  }
}
