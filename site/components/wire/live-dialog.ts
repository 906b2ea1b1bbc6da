/**
 * One live connection (through the bridge relay) as the client console drives it: the same
 * surface as Dialog, over a Transport. A live server has no "idle" to await, so a reply is what
 * arrives until the line goes quiet.
 */
import type { TlsInfo } from '../../../simulator/engine.ts';
import type { Transport, TransportEvent } from '../../../simulator/transport.ts';
import type { LiveSessionSnapshot } from '../../../simulator/transports/bridge.ts';
import { tlsSummary } from '../../terminal/certificate-text.ts';
import type { ClientLine } from './dialog.ts';

/** How long a reply may take to start, and the silence that ends it. */
const REPLY_START_MS = 10_000;
const REPLY_QUIET_MS = 250;
const CONNECT_MS = 15_000;
const HANDSHAKE_MS = 15_000;

export class LiveDialog {
  readonly lines: ClientLine[] = [];
  private received = '';
  private tlsInfo: TlsInfo | null = null;
  private connected = false;
  private ended = false;
  private readonly waiters = new Set<() => void>();
  private readonly decoder = new TextDecoder();
  /** What crossed the relay so far, with the page's key log (the bridge records it): for the live wire view. */
  recording: (() => LiveSessionSnapshot) | null = null;

  constructor(
    private readonly transport: Transport,
    /** The host name typed, to check the certificate's names against. */
    private readonly host: string,
    private readonly changed: () => void = () => {},
  ) {
    transport.on((event) => this.onEvent(event));
  }

  get open(): boolean {
    return !this.ended;
  }

  get tls(): TlsInfo | null {
    return this.tlsInfo;
  }

  note(text: string, kind: ClientLine['kind'] = 'note'): void {
    this.lines.push({ kind, text });
    this.changed();
  }

  /** Sends one command line once the relay has connected; returns what came back before the line went quiet. */
  async say(line: string): Promise<string> {
    await this.until(() => this.connected || this.ended, CONNECT_MS);
    if (this.ended) return '';
    const before = this.received.length;
    this.note(line, 'sent');
    this.transport.send(new TextEncoder().encode(`${line}\r\n`));
    await this.until(() => this.ended || this.received.length > before, REPLY_START_MS);
    let seen = -1;
    while (!this.ended && seen !== this.received.length) {
      seen = this.received.length;
      await new Promise((r) => setTimeout(r, REPLY_QUIET_MS));
    }
    return this.received.slice(before);
  }

  /** Asks the relay to wrap the connection in TLS (after the server agreed) and waits for the handshake. */
  async startTls(): Promise<TlsInfo | null> {
    if (this.ended || this.tlsInfo) return this.tlsInfo;
    this.transport.startTls();
    await this.until(() => this.ended || this.tlsInfo !== null, HANDSHAKE_MS);
    return this.tlsInfo;
  }

  async close(): Promise<string> {
    if (!this.ended) this.transport.close();
    return '';
  }

  private until(done: () => boolean, limitMs: number): Promise<void> {
    return new Promise((resolve) => {
      const finish = (): void => {
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve();
      };
      const check = (): void => {
        if (done()) finish();
      };
      const timer = setTimeout(finish, limitMs);
      this.waiters.add(check);
      check();
    });
  }

  private onEvent(event: TransportEvent): void {
    this.describe(event);
    for (const check of [...this.waiters]) check();
  }

  private describe(event: TransportEvent): void {
    switch (event.type) {
      case 'open':
        this.connected = true;
        return this.note(`Connected to ${event.remote} port ${event.port} through the relay.`);
      case 'data': {
        const text = this.decoder.decode(event.bytes, { stream: true });
        this.received += text;
        for (const line of text.split('\r\n')) if (line) this.note(line, 'received');
        return;
      }
      case 'tls':
        this.tlsInfo = event.info;
        this.note(tlsSummary(event.info, this.host));
        if (!event.info.authorized) {
          const why = event.info.authorizationError ? ` (${event.info.authorizationError})` : '';
          this.note(`The certificate is not trusted${why}: a mail client would ask you before going on.`, 'error');
        }
        return;
      case 'error':
        return this.note(event.message, 'error');
      case 'closed':
        this.ended = true;
        return this.note(`connection closed by the ${event.by}${event.reason ? `: ${event.reason}` : ''}`);
    }
  }
}

/** Opens a live connection through the learner's relay (their /relay setting unless given). */
export async function connectLive(host: string, port: number, implicitTls: boolean, changed: () => void, relayUrl?: string): Promise<LiveDialog> {
  const [{ BridgeConnector }, { relayUrlOf }, { pageStorage }] = await Promise.all([
    import('../../../simulator/transports/bridge.ts'),
    import('../../terminal/relay-setting.ts'),
    import('../../browser/page-storage.ts'),
  ]);
  const relay = relayUrl ?? relayUrlOf(pageStorage());
  const transport = new BridgeConnector(relay).connect(host, port, { tls: implicitTls ? 'implicit' : 'none' });
  const dialog = new LiveDialog(transport, host, changed);
  dialog.recording = () => transport.recording();
  dialog.lines.unshift({ kind: 'note', text: `Connecting to ${host} port ${port}${implicitTls ? ' with implicit TLS' : ''} through the relay at ${relay}…` });
  return dialog;
}
