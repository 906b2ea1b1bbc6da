/**
 * Input framing for line-oriented protocols: CRLF lines with a length limit, plus exact byte
 * counts for payloads that are not lines (IMAP literals, SMTP BDAT chunks).
 * Memory stays bounded: an over-long line is discarded as it arrives, not buffered.
 * Work is linear in the octets received, however they are split: each octet is scanned for LF
 * once (a scan offset survives between calls) and copied a bounded number of times (the store
 * grows by doubling and compacts only when half of it is free).
 */

export interface Line {
  /** The line without its terminator. Empty when `overflow` is set. */
  bytes: Uint8Array;
  /** How the line ended: CRLF as the RFCs require, or a bare LF that some clients send. */
  ending: 'crlf' | 'lf';
  /** The line was longer than the limit; its content was dropped. */
  overflow: boolean;
}

const LF = 0x0a;
const CR = 0x0d;
const EMPTY = new Uint8Array(0);
/** The smallest store; one larger than this is let go when it empties (a big literal passed). */
const MIN_STORE = 4096;
const KEEP_STORE = 1 << 20;

export class LineBuffer {
  /** Unread input is `buf[start, end)`: a pushed chunk as it came, or `store`. */
  private buf: Uint8Array = EMPTY;
  private start = 0;
  private end = 0;
  /** Ours to write into; `buf === store` once two pushes had to be joined. */
  private store: Uint8Array = EMPTY;
  /** `buf[start, scanned)` holds no LF: a line that arrives in pieces is searched once. */
  private scanned = 0;
  private discarding = false;
  private octetsWorked = 0;

  /** Bytes waiting to be read. */
  get length(): number {
    return this.end - this.start;
  }

  /** Octets scanned for LF or copied so far (framing must stay linear in the octets pushed). */
  get work(): number {
    return this.octetsWorked;
  }

  push(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    if (this.start === this.end) {
      // Nothing waiting: read the chunk where it is; it is copied only if a line spans chunks.
      this.buf = bytes;
      this.start = this.scanned = 0;
      this.end = bytes.length;
      return;
    }
    this.reserve(bytes.length);
    this.buf.set(bytes, this.end);
    this.end += bytes.length;
    this.octetsWorked += bytes.length;
  }

  /** Drops everything buffered (RFC 3207 §4.2: plaintext after STARTTLS must not be used). */
  clear(): void {
    this.empty();
    this.discarding = false;
  }

  /**
   * The next complete line, or null if none has arrived yet.
   * `max` counts the octets of the line including its CRLF (RFC 5321 §4.5.3.1 counts that way).
   */
  readLine(max: number): Line | null {
    const from = Math.max(this.scanned, this.start);
    const found = this.buf.subarray(from, this.end).indexOf(LF);
    const lf = found < 0 ? -1 : from + found;
    this.octetsWorked += (lf < 0 ? this.end : lf + 1) - from;
    if (lf < 0) {
      this.scanned = this.end;
      if (this.discarding || this.end - this.start > max) {
        // Keep a trailing CR: it may be half of the CRLF that ends the discarded line.
        const keep = this.buf[this.end - 1] === CR ? 1 : 0;
        this.start = this.end - keep;
        this.discarding = true;
        if (keep === 0) this.empty();
      }
      return null;
    }
    const crlf = lf > this.start && this.buf[lf - 1] === CR;
    const overflow = this.discarding || lf + 1 - this.start > max;
    const bytes = overflow ? EMPTY : this.take(crlf ? lf - 1 : lf);
    this.discarding = false;
    this.consumeTo(lf + 1);
    return { bytes, ending: crlf ? 'crlf' : 'lf', overflow };
  }

  /** Exactly `n` bytes, or null until that many have arrived. */
  readBytes(n: number): Uint8Array | null {
    if (this.length < n) return null;
    const out = this.take(this.start + n);
    this.consumeTo(this.start + n);
    return out;
  }

  /** Up to `n` bytes of whatever has arrived (for streaming a large payload through). */
  readUpTo(n: number): Uint8Array {
    const at = this.start + Math.min(n, this.length);
    const out = this.take(at);
    this.consumeTo(at);
    return out;
  }

  /** A copy of `buf[start, to)`: callers keep what they read, and `store` is reused. */
  private take(to: number): Uint8Array {
    this.octetsWorked += to - this.start;
    return this.buf.slice(this.start, to);
  }

  private consumeTo(at: number): void {
    this.start = at;
    if (this.scanned < at) this.scanned = at;
    if (this.start === this.end) this.empty();
  }

  private empty(): void {
    if (this.store.length > KEEP_STORE) this.store = EMPTY;
    this.buf = EMPTY;
    this.start = this.end = this.scanned = 0;
  }

  /** Room for `more` octets after `end` in `store`, moving what is unread to its front. */
  private reserve(more: number): void {
    const live = this.end - this.start;
    const need = live + more;
    let target: Uint8Array;
    if (this.buf === this.store) {
      if (this.end + more <= this.store.length) return;
      // Compact in place only when that leaves half free: each copy is paid for by the pushes
      // that filled the space since, so copying stays linear.
      target = need <= this.store.length / 2 ? this.store : new Uint8Array(Math.max(MIN_STORE, need * 2));
    } else {
      target = need <= this.store.length ? this.store : new Uint8Array(Math.max(MIN_STORE, need * 2));
    }
    if (target === this.buf) target.copyWithin(0, this.start, this.end);
    else target.set(this.buf.subarray(this.start, this.end), 0);
    this.octetsWorked += live;
    this.scanned = Math.max(0, this.scanned - this.start);
    this.store = this.buf = target;
    this.start = 0;
    this.end = live;
  }
}
