/**
 * The browser half of bridge mode: a Transport to a live mail server through the relay
 * (docs/relay-protocol.md). Uses the platform WebSocket, so it runs in the page and in Node 22.
 */
import type { TlsInfo } from '../engine.ts';
import { portSpec } from '../world/ports.ts';
import { parseRelayMessage, type BrowserMessage, type RelayMessage } from './relay-protocol.ts';
import type { Connector, Transport, TransportEvent, TransportHandler } from '../transport.ts';

export const DEFAULT_RELAY_URL = 'ws://127.0.0.1:8787/relay';

export class BridgeConnector implements Connector {
  constructor(readonly relayUrl: string = DEFAULT_RELAY_URL) {}

  connect(host: string, port: number, options: { tls?: 'none' | 'implicit' } = {}): Transport {
    const tls = options.tls ?? (portSpec(port)?.tls === 'implicit' ? 'implicit' : 'none');
    return new BridgeTransport(this.relayUrl, host, port, tls);
  }
}

class BridgeTransport implements Transport {
  readonly label: string;
  tls: TlsInfo | null = null;
  private readonly handlers = new Set<TransportHandler>();
  private readonly backlog: TransportEvent[] = [];
  private readonly ws: WebSocket;
  private ended = false;
  /** What the relay said when it began to drain, shown as the reason when it closes the session. */
  private restarting: string | null = null;

  constructor(url: string, host: string, port: number, tlsMode: 'none' | 'implicit') {
    this.label = `${host}:${port} (live)`;
    this.ws = new WebSocket(url);
    this.ws.binaryType = 'arraybuffer';
    this.ws.onopen = () => this.control({ type: 'connect', host, port, tls: tlsMode });
    this.ws.onmessage = (e: MessageEvent) => {
      if (typeof e.data === 'string') this.onControl(e.data, host, port);
      else this.emit({ type: 'data', bytes: new Uint8Array(e.data as ArrayBuffer) });
    };
    this.ws.onerror = () => {
      if (this.ended) return;
      this.emit({ type: 'error', code: 'REFUSED', message: `no relay answers at ${url}: start one with "npm run relay" (npm start runs one too)` });
      // Browsers follow an error with close; Node's WebSocket may not, so end here either way.
      this.finish('relay', 'could not reach the relay');
    };
    this.ws.onclose = () => this.finish('relay', 'the relay connection closed');
  }

  private control(message: BrowserMessage): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(message));
  }

  private onControl(text: string, host: string, port: number): void {
    const m: RelayMessage | null = parseRelayMessage(text);
    if (!m) return this.emit({ type: 'error', code: 'PROTOCOL', message: 'the relay sent something that is not its protocol' });
    switch (m.type) {
      case 'connected':
        return this.emit({ type: 'open', remote: `${host} (${m.address})`, port });
      case 'tls':
        this.tls = {
          version: m.version,
          cipher: m.cipher,
          serverName: host,
          certificate: m.certificate ?? undefined,
          authorized: m.authorized,
          authorizationError: m.error,
        };
        return this.emit({ type: 'tls', info: this.tls });
      case 'error':
        return this.emit({ type: 'error', code: m.code.startsWith('POLICY') ? 'POLICY' : (m.code as Exclude<typeof m.code, `POLICY_${string}`>), message: m.message });
      case 'restarting':
        // The relay drains before it stops: keep going; its `closed` (with the reason) ends the session.
        this.restarting = m.message;
        return;
      case 'closed':
        return this.finish(m.by, this.restarting && m.by === 'relay' ? this.restarting : m.reason);
    }
  }

  private finish(by: 'server' | 'client' | 'relay', reason: string): void {
    if (this.ended) return;
    this.ended = true;
    this.emit({ type: 'closed', by, reason });
    if (this.ws.readyState === WebSocket.OPEN) this.ws.close();
  }

  private emit(event: TransportEvent): void {
    if (this.handlers.size === 0) {
      this.backlog.push(event);
      return;
    }
    for (const h of [...this.handlers]) h(event);
  }

  send(bytes: Uint8Array): void {
    if (this.ws.readyState === WebSocket.OPEN && !this.ended) this.ws.send(bytes);
  }

  startTls(): void {
    this.control({ type: 'starttls' });
  }

  close(): void {
    this.control({ type: 'close' });
    this.finish('client', 'closed by you');
  }

  on(handler: TransportHandler): () => void {
    this.handlers.add(handler);
    const queued = this.backlog.splice(0);
    for (const e of queued) handler(e);
    return () => this.handlers.delete(handler);
  }
}
