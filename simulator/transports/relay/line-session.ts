/**
 * Drives a Transport like a person at a terminal: send a line, wait for the reply text. Waits
 * end on the transport's own events (data, tls, error, closed), never on a polling timer; the only
 * timer is the deadline that turns a hang into a failure.
 */
import type { Transport, TransportEvent } from '../../transport.ts';
import { latin1Text, utf8Bytes } from '../../wire/bytes.ts';

export class LineSession<T extends Transport = Transport> {
  text = '';
  readonly events: TransportEvent[] = [];
  private mark = 0;
  private readonly waiters = new Set<() => void>();

  constructor(readonly transport: T) {
    transport.on((e) => {
      this.events.push(e);
      if (e.type === 'data') this.text += latin1Text(e.bytes);
      for (const wake of [...this.waiters]) wake();
    });
  }

  /** Waits until the text received since the last `expect` matches. */
  expect(pattern: RegExp, ms = 10_000): Promise<string> {
    return this.until<string>(ms, () => {
      const fresh = this.text.slice(this.mark);
      const m = pattern.exec(fresh);
      if (!m) return { fail: () => `waiting for ${pattern}: ${this.failure() ?? 'timed out'}; got ${JSON.stringify(fresh)}` };
      this.mark += m.index + m[0].length;
      return { value: fresh.slice(0, m.index + m[0].length) };
    });
  }

  send(line: string): void {
    this.transport.send(utf8Bytes(line + '\r\n'));
  }

  tls(ms = 10_000): Promise<NonNullable<Transport['tls']>> {
    return this.until<NonNullable<Transport['tls']>>(ms, () => {
      const tls = this.transport.tls;
      return tls ? { value: tls } : { fail: () => `no TLS: ${this.failure() ?? 'timed out'}` };
    });
  }

  private failure(): string | undefined {
    const failure = this.events.find((e) => e.type === 'error' || e.type === 'closed');
    return failure && JSON.stringify(failure);
  }

  /** Checks `test` now and after every transport event; fails on an error or close event, or at the deadline. */
  private until<V>(ms: number, test: () => { value: V } | { fail: () => string }): Promise<V> {
    return new Promise((resolve, reject) => {
      const finish = (): void => {
        clearTimeout(deadline);
        this.waiters.delete(check);
      };
      const check = (): void => {
        const result = test();
        if ('value' in result) {
          finish();
          resolve(result.value);
        } else if (this.failure() !== undefined) {
          finish();
          reject(new Error(result.fail()));
        }
      };
      const deadline = setTimeout(() => {
        finish();
        const result = test();
        if ('value' in result) resolve(result.value);
        else reject(new Error(result.fail()));
      }, ms);
      this.waiters.add(check);
      check();
    });
  }
}
