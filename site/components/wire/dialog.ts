/**
 * One virtual connection as the client console drives it: lines out, text back, and every line,
 * TLS summary and error noted for the screen. Replies are awaited with `idle()`, so the caller
 * knows when the server (and the cryptography) has finished answering.
 */
import type { TlsInfo } from '../../../simulator/engine.ts';
import type { ConnectionEvent, VirtualConnection } from '../../../simulator/net/virtual-network.ts';
import { summarizeHandshake } from '../../../simulator/net/tls-summary.ts';

export interface ClientLine {
  kind: 'sent' | 'received' | 'note' | 'error';
  text: string;
}

/** The client end of one connection, for a person typing. */
export class Dialog {
  readonly lines: ClientLine[] = [];
  private received = '';
  private tlsInfo: TlsInfo | null = null;
  private ended = false;
  private failure: string | null = null;
  private readonly decoder = new TextDecoder();

  /** `changed` hears about every line added (the console redraws on it). */
  constructor(
    readonly connection: VirtualConnection,
    /** The host name the user typed, to check the certificate's names against. */
    private readonly host: string,
    private readonly changed: () => void = () => {},
  ) {
    connection.open((event) => this.onEvent(event));
  }

  get tls(): TlsInfo | null {
    return this.tlsInfo;
  }

  get open(): boolean {
    return !this.ended;
  }

  get error(): string | null {
    return this.failure;
  }

  /** Everything received so far. */
  get text(): string {
    return this.received;
  }

  note(text: string, kind: ClientLine['kind'] = 'note'): void {
    this.lines.push({ kind, text });
    this.changed();
  }

  /** Waits until the connection has done everything asked of it; returns what arrived meanwhile. */
  async settle(before = this.received.length): Promise<string> {
    await this.connection.idle();
    return this.received.slice(before);
  }

  /** Sends one command line (plus anything an attacker appends) and returns the reply. */
  async say(line: string, appended = ''): Promise<string> {
    if (this.ended) return '';
    const before = this.received.length; // the reply may arrive inside send()
    this.note(line, 'sent');
    this.connection.send(new TextEncoder().encode(`${line}\r\n${appended}`));
    return this.settle(before);
  }

  async startTls(): Promise<TlsInfo | null> {
    this.connection.startTls();
    await this.settle();
    return this.tlsInfo;
  }

  close(): Promise<string> {
    const before = this.received.length;
    if (!this.ended) this.connection.close();
    return this.settle(before);
  }

  private onEvent(event: ConnectionEvent): void {
    switch (event.type) {
      case 'data': {
        const text = this.decoder.decode(event.bytes, { stream: true });
        this.received += text;
        for (const line of text.split('\r\n')) if (line) this.note(line, 'received');
        return;
      }
      case 'tls':
        this.tlsInfo = event.info;
        this.note(`TLS started: ${summarizeHandshake(event.info, this.host).line}`);
        return;
      case 'error':
        this.failure = event.message;
        this.note(event.message, 'error');
        return;
      case 'closed':
        this.ended = true;
        this.note(`connection closed by the ${event.by}${event.reason ? `: ${event.reason}` : ''}`);
    }
  }
}
