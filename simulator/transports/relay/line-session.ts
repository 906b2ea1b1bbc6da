/** Drives a Transport like a person at a terminal: send a line, wait for the reply text. */
import type { Transport, TransportEvent } from '../../transport.ts';
import { latin1Text, utf8Bytes } from '../../wire/bytes.ts';

export class LineSession {
  text = '';
  readonly events: TransportEvent[] = [];
  private mark = 0;

  constructor(readonly transport: Transport) {
    transport.on((e) => {
      this.events.push(e);
      if (e.type === 'data') this.text += latin1Text(e.bytes);
    });
  }

  /** Waits until the text received since the last `expect` matches. */
  async expect(pattern: RegExp, ms = 10_000): Promise<string> {
    const deadline = Date.now() + ms;
    for (;;) {
      const fresh = this.text.slice(this.mark);
      const m = pattern.exec(fresh);
      if (m) {
        this.mark += m.index + m[0].length;
        return fresh.slice(0, m.index + m[0].length);
      }
      const failure = this.events.find((e) => e.type === 'error' || e.type === 'closed');
      if (failure || Date.now() > deadline) throw new Error(`waiting for ${pattern}: ${failure ? JSON.stringify(failure) : 'timed out'}; got ${JSON.stringify(fresh)}`);
      await new Promise((ok) => setTimeout(ok, 10));
    }
  }

  send(line: string): void {
    this.transport.send(utf8Bytes(line + '\r\n'));
  }

  async tls(ms = 10_000): Promise<NonNullable<Transport['tls']>> {
    const deadline = Date.now() + ms;
    while (!this.transport.tls) {
      if (Date.now() > deadline) throw new Error('no TLS');
      await new Promise((ok) => setTimeout(ok, 10));
    }
    return this.transport.tls;
  }
}
