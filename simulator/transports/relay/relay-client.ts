/** A scripted browser for relay tests: opens the WebSocket and collects what the relay says. */
import { WebSocket } from 'ws';
import type { BrowserMessage, RelayMessage } from '../relay-protocol.ts';

export class RelayTestClient {
  readonly messages: RelayMessage[] = [];
  text = '';
  private readonly ws: WebSocket;
  private waiters: Array<() => void> = [];
  closed = false;

  constructor(url: string, origin = 'http://localhost:4321') {
    this.ws = new WebSocket(url, { origin });
    this.ws.on('message', (data: Buffer, isBinary: boolean) => {
      if (isBinary) this.text += data.toString('latin1');
      else this.messages.push(JSON.parse(data.toString('utf8')) as RelayMessage);
      this.wake();
    });
    this.ws.on('close', () => {
      this.closed = true;
      this.wake();
    });
    this.ws.on('error', () => undefined);
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  opened(): Promise<void> {
    return new Promise((ok, fail) => {
      if (this.ws.readyState === WebSocket.OPEN) return ok();
      this.ws.once('open', () => ok());
      this.ws.once('error', fail);
    });
  }

  control(message: BrowserMessage | Record<string, unknown> | string): void {
    this.ws.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  bytes(data: string | Uint8Array): void {
    this.ws.send(typeof data === 'string' ? Buffer.from(data, 'latin1') : data, { binary: true });
  }

  /** Resolves when `test` holds, or rejects after `ms` with what was seen so far. */
  async until(test: (c: this) => boolean, ms = 5000): Promise<void> {
    const deadline = Date.now() + ms;
    while (!test(this)) {
      if (Date.now() > deadline) throw new Error(`timed out; messages: ${JSON.stringify(this.messages)} text: ${JSON.stringify(this.text)}`);
      await new Promise<void>((ok) => {
        this.waiters.push(ok);
        setTimeout(ok, 50);
      });
    }
  }

  find<T extends RelayMessage['type']>(type: T): Extract<RelayMessage, { type: T }> | undefined {
    return this.messages.find((m) => m.type === type) as Extract<RelayMessage, { type: T }> | undefined;
  }

  close(): void {
    this.ws.close();
  }
}
