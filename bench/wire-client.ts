/** A bare TCP client for the benchmarks: write bytes, wait for markers in what comes back. */
import { connect, type Socket } from 'node:net';

const LF = 0x0a;

export class WireClient {
  /** Received bytes not yet consumed are `store[start, end)`; the store grows by doubling. */
  private store = Buffer.alloc(1 << 16);
  private start = 0;
  private end = 0;
  private waiter: (() => void) | null = null;
  private ended = false;
  /** Octets received so far (for MB/s). */
  received = 0;

  private constructor(private readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.received += chunk.length;
      this.append(chunk);
      this.waiter?.();
    });
    socket.on('close', () => {
      this.ended = true;
      this.waiter?.();
    });
  }

  static open(port: number, host = '127.0.0.1'): Promise<WireClient> {
    return new Promise((resolve, reject) => {
      const socket = connect(port, host, () => resolve(new WireClient(socket)));
      socket.setNoDelay(true);
      socket.once('error', reject);
    });
  }

  send(data: string | Buffer): void {
    this.socket.write(data);
  }

  /** Everything up to and including the first `marker`, consumed. */
  async until(marker: string): Promise<Buffer> {
    const at = await this.find(Buffer.from(marker, 'latin1'), () => true);
    return this.take(at + marker.length);
  }

  /** One CRLF line, without the CRLF. */
  async line(): Promise<string> {
    return (await this.until('\r\n')).subarray(0, -2).toString('latin1');
  }

  /** Up to and including the tagged completion line of `tag` (an IMAP response); its status. */
  async tagged(tag: string): Promise<{ data: Buffer; status: string }> {
    const needle = Buffer.from(`${tag} `, 'latin1');
    const at = await this.find(needle, (i) => i === this.start || this.store[i - 1] === LF);
    const offset = at - this.start;
    const eol = await this.find(Buffer.from('\r\n'), () => true, at);
    const from = this.start + offset + needle.length;
    const status = this.store.subarray(from, eol).toString('latin1').split(' ')[0] ?? '';
    return { data: this.take(eol + 2), status };
  }

  close(): void {
    this.socket.destroy();
  }

  private append(chunk: Buffer): void {
    if (this.end + chunk.length > this.store.length) {
      const live = this.end - this.start;
      const size = Math.max(this.store.length, (live + chunk.length) * 2);
      const next = size > this.store.length ? Buffer.alloc(size) : this.store;
      this.store.copy(next, 0, this.start, this.end);
      this.store = next;
      this.start = 0;
      this.end = live;
    }
    chunk.copy(this.store, this.end);
    this.end += chunk.length;
  }

  /** Absolute index of the first `needle` at or after `from` that `accept`s, waiting for data. */
  private async find(needle: Buffer, accept: (at: number) => boolean, from = this.start): Promise<number> {
    let searched = from;
    for (;;) {
      let at = this.store.subarray(0, this.end).indexOf(needle, searched);
      while (at >= 0 && !accept(at)) at = this.store.subarray(0, this.end).indexOf(needle, at + 1);
      if (at >= 0) return at;
      if (this.ended) throw new Error(`connection closed waiting for "${needle.toString().trim()}"`);
      const before = this.start;
      searched = Math.max(this.start, this.end - needle.length);
      await new Promise<void>((resolve) => (this.waiter = resolve));
      this.waiter = null;
      // The store may have been compacted: shift the positions with it.
      searched -= before - this.start;
      from -= before - this.start;
    }
  }

  private take(endAt: number): Buffer {
    const out = Buffer.from(this.store.subarray(this.start, endAt));
    this.start = endAt;
    if (this.start === this.end) this.start = this.end = 0;
    return out;
  }
}
