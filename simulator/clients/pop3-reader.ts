/**
 * Reading POP3 responses on the client side (RFC 1939 §3): a status line "+OK"/"-ERR" with an
 * optional RFC 2449 §8 response code, and for multi-line responses the lines up to a lone ".",
 * with the byte-stuffing undone.
 */
import { concatBytes, latin1Text, utf8Bytes } from '../wire/bytes.ts';
import { LineBuffer } from '../wire/line-buffer.ts';
import { pop3StatusLine } from '../observe/reply-lines.ts';

export interface Pop3Response {
  ok: boolean;
  /** RFC 2449 §8: the bracketed code after the status indicator (`IN-USE`, `AUTH` …). */
  code: string | null;
  text: string;
  /** The status line as received. */
  line: string;
  /** Multi-line responses: the data lines, un-stuffed, without the terminating ".". */
  lines?: string[];
  /** The same data as octets with CRLF line ends (a RETR's message). */
  body?: Uint8Array;
}

/** Message lines may be long (RFC 5322 §2.1.1 allows 998); a response line over this is an error. */
const MAX_LINE = 64 * 1024;
/** A multi-line response larger than this is a misbehaving server, not mail (memory bound). */
const MAX_BODY = 32 * 1024 * 1024;

export type Pop3Read = { response: Pop3Response } | { error: string } | null;

export class Pop3ResponseReader {
  private readonly buffer = new LineBuffer();
  private pending: { status: Pop3Response; lines: Uint8Array[]; size: number } | null = null;

  push(bytes: Uint8Array): void {
    this.buffer.push(bytes);
  }

  /** RFC 2595 §4: whatever arrived before the TLS handshake is not to be trusted after it. */
  clear(): void {
    this.buffer.clear();
    this.pending = null;
  }

  /** The next complete response; `multi` says whether a "+OK" to the command being answered has data lines. */
  next(multi: boolean): Pop3Read {
    if (this.pending) return this.body();
    const line = this.buffer.readLine(MAX_LINE);
    if (!line) return null;
    if (line.overflow) return { error: 'response line too long' };
    const text = latin1Text(line.bytes);
    const m = pop3StatusLine(text);
    if (!m) return { error: `expected "+OK" or "-ERR", got ${JSON.stringify(text.slice(0, 60))}` };
    const status: Pop3Response = { ...m, line: text };
    // RFC 1939 §3: only a positive response to a multi-line command carries data lines.
    if (!multi || !status.ok) return { response: status };
    this.pending = { status, lines: [], size: 0 };
    return this.body();
  }

  private body(): Pop3Read {
    const p = this.pending!;
    for (;;) {
      const line = this.buffer.readLine(MAX_LINE);
      if (!line) return null;
      if (line.overflow) return this.fail('data line too long');
      const bytes = line.bytes;
      if (bytes.length === 1 && bytes[0] === 0x2e) break;
      // RFC 1939 §3: a line starting with "." has had another "." put before it.
      const data = bytes[0] === 0x2e ? bytes.subarray(1) : bytes;
      p.size += data.length + 2;
      if (p.size > MAX_BODY) return this.fail('multi-line response too large');
      p.lines.push(data);
    }
    this.pending = null;
    const crlf = utf8Bytes('\r\n');
    const body = concatBytes(p.lines.flatMap((l) => [l, crlf]));
    return { response: { ...p.status, lines: p.lines.map((l) => latin1Text(l)), body } };
  }

  private fail(error: string): Pop3Read {
    this.pending = null;
    return { error };
  }
}
