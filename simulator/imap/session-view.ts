/**
 * One session's view of its selected mailbox: the sequence number → message map as the client
 * knows it, and the changes other sessions made that the client has not been told about yet.
 *
 * RFC 9051 §7.5.1: "An EXPUNGE response MUST NOT be sent when no command is in progress, nor
 * while responding to a FETCH, STORE, or SEARCH command." So an expunged message stays in this
 * view (and can still be fetched) until an EXPUNGE response for it may be sent.
 *
 * The changes arrive as an input (`storeChanged`, fed by the engine from its driver), never
 * through a subscription of its own.
 */
import type { Mailbox } from '../store/mailbox.ts';
import type { MailBackend, MailChange } from '../backend.ts';
import type { StoredMessage } from '../store/types.ts';
import type { SeqRange, SequenceSet } from './parse/ast.ts';
import { claimRecent } from './recent.ts';
import { flagList } from './flags.ts';

export interface ViewOptions {
  readOnly: boolean;
  /**
   * The UIDs this session holds as \Recent in the mailbox, kept by the session across SELECTs
   * (RFC 3501 §2.3.2); null for IMAP4rev2 sessions, which have no \Recent (Appendix E item 12).
   */
  recent: Set<number> | null;
  sessionId: string;
}

export type Resolved = { ok: true; messages: StoredMessage[] } | { ok: false; message: string };

export class SessionView {
  /** The messages in sequence-number order (index + 1 is the sequence number). */
  private messages: StoredMessage[];
  private readonly recentUids: Set<number>;
  private pendingNew: number[] = [];
  private readonly pendingExpunge = new Set<number>();
  private readonly pendingFlags = new Set<number>();
  /** RFC 9051 §6.4.4.1: the `$` search result, as UIDs (expunged ones drop out). */
  saved: number[] = [];
  /** Another session deleted the mailbox. */
  deleted = false;
  constructor(
    private readonly backend: MailBackend,
    readonly account: string,
    readonly mailbox: Mailbox,
    readonly options: ViewOptions,
  ) {
    this.messages = [...mailbox.messages];
    this.recentUids = options.recent ?? new Set();
    if (options.recent) {
      for (const uid of this.recentUids) if (!mailbox.byUid(uid)) this.recentUids.delete(uid);
      for (const uid of claimRecent(mailbox, this.messages.map((m) => m.uid), options.readOnly)) this.recentUids.add(uid);
    }
  }

  get readOnly(): boolean {
    return this.options.readOnly;
  }

  /** The number of messages the client knows of (what its last EXISTS said, less EXPUNGEs). */
  get exists(): number {
    return this.messages.length;
  }

  get recentCount(): number {
    return this.recentUids.size;
  }

  all(): readonly StoredMessage[] {
    return this.messages;
  }

  at(seq: number): StoredMessage | undefined {
    return this.messages[seq - 1];
  }

  isRecent(uid: number): boolean {
    return this.recentUids.has(uid);
  }

  /** The sequence number of `uid` in this view, or 0. */
  seqOf(uid: number): number {
    let lo = 0;
    let hi = this.messages.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const at = this.messages[mid]!.uid;
      if (at === uid) return mid + 1;
      if (at < uid) lo = mid + 1;
      else hi = mid - 1;
    }
    return 0;
  }

  /** Does the message still exist in the store (not expunged by anyone)? */
  isLive(message: StoredMessage): boolean {
    return !this.deleted && this.mailbox.byUid(message.uid) === message;
  }

  /**
   * Messages named by a sequence set of sequence numbers. RFC 9051 §9 seq-number: "The server
   * should respond with a tagged BAD response to a command that uses a message sequence number
   * greater than the number of messages in the selected mailbox. This includes "*" if the
   * selected mailbox is empty." `lenient` (SEARCH keys) drops such numbers instead.
   */
  bySeq(set: SequenceSet, lenient = false): Resolved {
    if (set.kind === 'saved') return { ok: true, messages: this.savedMessages() };
    const n = this.messages.length;
    const spans = set.ranges.map((range) => seqSpan(range, n));
    const over = spans.find(([lo, hi]) => hi > n || lo < 1);
    if (over && !lenient) return { ok: false, message: outOfRange(n, over[1]) };
    // One range (`1:*`, `5`, `3:7`): the messages in it, in order, without a set of every number.
    if (spans.length === 1) return { ok: true, messages: this.messages.slice(Math.max(spans[0]![0], 1) - 1, Math.min(spans[0]![1], n)) };
    const picked = new Set<number>();
    for (const [lo, hi] of spans) for (let seq = Math.max(lo, 1); seq <= Math.min(hi, n); seq++) picked.add(seq);
    return { ok: true, messages: [...picked].sort((a, b) => a - b).map((seq) => this.messages[seq - 1]!) };
  }

  /** Messages named by a set of UIDs; UIDs not in the mailbox are ignored (RFC 9051 §6.4.9). */
  byUid(set: SequenceSet): StoredMessage[] {
    if (set.kind === 'saved') return this.savedMessages();
    const last = this.messages.length ? this.messages[this.messages.length - 1]!.uid : this.mailbox.uidNext;
    const bounds = set.ranges.map((r) => uidBounds(r, last));
    return this.messages.filter((m) => bounds.some(([lo, hi]) => m.uid >= lo && m.uid <= hi));
  }

  private savedMessages(): StoredMessage[] {
    const uids = new Set(this.saved);
    return this.messages.filter((m) => uids.has(m.uid));
  }

  /** The STORE/FETCH that changed these flags reported them itself. */
  flagsReported(uid: number): void {
    this.pendingFlags.delete(uid);
  }

  hasPending(allowExpunge: boolean): boolean {
    return this.deleted || this.pendingNew.length > 0 || this.pendingFlags.size > 0 || (allowExpunge && this.pendingExpunge.size > 0);
  }

  /**
   * The untagged responses (without the leading "* ") for what changed since the client last
   * heard: EXPUNGE (only when `allowExpunge`), then EXISTS/RECENT, then FETCH FLAGS
   * ("If the server chooses to send unsolicited FETCH responses, they MUST include a UID FETCH
   * item", RFC 9051 §6.3.13 and Appendix E item 21).
   */
  drain(allowExpunge: boolean): string[] {
    const lines: string[] = [];
    if (allowExpunge && this.pendingExpunge.size) lines.push(...this.drainExpunges());
    if (this.pendingNew.length) lines.push(...this.drainNew());
    for (const uid of [...this.pendingFlags].sort((a, b) => a - b)) {
      const seq = this.seqOf(uid);
      const message = this.messages[seq - 1];
      if (message) lines.push(`${seq} FETCH (UID ${uid} FLAGS ${flagList(this.flagsOf(message))})`);
    }
    this.pendingFlags.clear();
    return lines;
  }

  /** The flags as this session shows them: \Recent added for IMAP4rev1 sessions. */
  flagsOf(message: StoredMessage): string[] {
    if (message.flags.size === 0 && !this.recentUids.has(message.uid)) return [];
    const flags = [...message.flags];
    if (this.recentUids.has(message.uid)) flags.push('\\Recent');
    return flags;
  }

  private drainExpunges(): string[] {
    const lines: string[] = [];
    const kept: StoredMessage[] = [];
    for (const m of this.messages) {
      if (this.pendingExpunge.has(m.uid)) {
        // Lower to higher: each EXPUNGE renumbers the messages after it (RFC 9051 §7.5.1).
        lines.push(`${kept.length + 1} EXPUNGE`);
        this.recentUids.delete(m.uid);
        this.pendingFlags.delete(m.uid);
      } else {
        kept.push(m);
      }
    }
    const gone = this.pendingExpunge;
    this.saved = this.saved.filter((uid) => !gone.has(uid));
    this.messages = kept;
    this.pendingExpunge.clear();
    return lines;
  }

  private drainNew(): string[] {
    const arrived: StoredMessage[] = [];
    const last = this.messages.length ? this.messages[this.messages.length - 1]!.uid : 0;
    for (const uid of this.pendingNew) {
      const message = this.mailbox.byUid(uid);
      if (message && uid > last) arrived.push(message);
    }
    this.pendingNew = [];
    if (!arrived.length) return [];
    for (const m of arrived) this.messages.push(m);
    const lines = [`${this.messages.length} EXISTS`];
    if (this.options.recent) {
      for (const uid of claimRecent(this.mailbox, arrived.map((m) => m.uid), this.options.readOnly)) this.recentUids.add(uid);
      lines.push(`${this.recentUids.size} RECENT`);
    }
    return lines;
  }

  /** A change of the store, whoever made it: recorded until it may be told. */
  storeChanged(change: MailChange): void {
    if (change.account !== this.account) return;
    if (change.kind === 'mailbox-deleted') {
      if (change.mailbox === this.mailbox.name && this.backend.mailbox(this.account, change.mailbox) !== this.mailbox) this.deleted = true;
      return;
    }
    if (change.mailbox !== this.mailbox.name || this.deleted) return;
    // Other sessions' changes (and POP3's, and SMTP deliveries) wait here for the next point
    // where they may be told. This session's own appends and expunges wait too: its EXPUNGE,
    // MOVE, APPEND and COPY report them through the same queue, in the right order.
    switch (change.kind) {
      case 'append':
        this.pendingNew.push(change.uid);
        break;
      case 'expunge':
        for (const uid of change.uids) if (this.seqOf(uid)) this.pendingExpunge.add(uid);
        break;
      case 'flags':
        // This session's own STORE and FETCH report their flag changes themselves.
        if (change.origin !== this.options.sessionId && this.seqOf(change.uid)) this.pendingFlags.add(change.uid);
        break;
      default:
        break;
    }
  }
}

function uidBounds(range: SeqRange, last: number): [number, number] {
  const from = range.from === '*' ? last : range.from;
  const to = range.to === '*' ? last : range.to;
  return [Math.min(from, to), Math.max(from, to)];
}

/** A range's low and high sequence numbers, `*` being the last message (RFC 9051 §9 seq-range: either order). */
function seqSpan(range: SeqRange, n: number): [number, number] {
  const from = range.from === '*' ? n : range.from;
  const to = range.to === '*' ? n : range.to;
  return [Math.min(from, to), Math.max(from, to)];
}

/** RFC 9051 §9 seq-number: a number above the mailbox's messages is invalid (BAD). */
function outOfRange(n: number, hi: number): string {
  return n === 0 ? 'No messages in the mailbox: no sequence number is valid' : `Sequence number ${hi} is above the ${n} messages in the mailbox`;
}
