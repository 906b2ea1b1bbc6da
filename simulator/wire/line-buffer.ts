/**
 * Input framing for line-oriented protocols: CRLF lines with a length limit, plus exact byte
 * counts for payloads that are not lines (IMAP literals, SMTP BDAT chunks).
 * Memory stays bounded: an over-long line is discarded as it arrives, not buffered.
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

export class LineBuffer {
  private chunks: Uint8Array[] = [];
  private size = 0;
  private discarding = false;

  /** Bytes waiting to be read. */
  get length(): number {
    return this.size;
  }

  push(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    this.chunks.push(bytes);
    this.size += bytes.length;
  }

  /** Drops everything buffered (RFC 3207 §4.2: plaintext after STARTTLS must not be used). */
  clear(): void {
    this.chunks = [];
    this.size = 0;
    this.discarding = false;
  }

  /**
   * The next complete line, or null if none has arrived yet.
   * `max` counts the octets of the line including its CRLF (RFC 5321 §4.5.3.1 counts that way).
   */
  readLine(max: number): Line | null {
    const all = this.flatten();
    const lf = all.indexOf(LF);
    if (lf < 0) {
      if (this.discarding || all.length > max) {
        // Keep a trailing CR: it may be half of the CRLF that ends the discarded line.
        const keep = all[all.length - 1] === CR ? 1 : 0;
        this.replace(all.subarray(all.length - keep));
        this.discarding = true;
      }
      return null;
    }
    const crlf = lf > 0 && all[lf - 1] === CR;
    const end = crlf ? lf - 1 : lf;
    const rest = all.subarray(lf + 1);
    const overflow = this.discarding || lf + 1 > max;
    const bytes = overflow ? new Uint8Array(0) : all.slice(0, end);
    this.replace(rest);
    this.discarding = false;
    return { bytes, ending: crlf ? 'crlf' : 'lf', overflow };
  }

  /** Exactly `n` bytes, or null until that many have arrived. */
  readBytes(n: number): Uint8Array | null {
    if (this.size < n) return null;
    const all = this.flatten();
    const out = all.slice(0, n);
    this.replace(all.subarray(n));
    return out;
  }

  /** Up to `n` bytes of whatever has arrived (for streaming a large payload through). */
  readUpTo(n: number): Uint8Array {
    const all = this.flatten();
    const take = Math.min(n, all.length);
    const out = all.slice(0, take);
    this.replace(all.subarray(take));
    return out;
  }

  private flatten(): Uint8Array {
    if (this.chunks.length === 1) return this.chunks[0]!;
    const out = new Uint8Array(this.size);
    let offset = 0;
    for (const c of this.chunks) {
      out.set(c, offset);
      offset += c.length;
    }
    this.chunks = this.size ? [out] : [];
    return out;
  }

  private replace(rest: Uint8Array): void {
    this.chunks = rest.length ? [rest] : [];
    this.size = rest.length;
  }
}
