/**
 * The browser terminal's Connector over the virtual network: the engines run in the page, and
 * the transport turns their bytes into the same events a TCP or relay transport gives.
 * Events are delivered through the network's scheduler, never inside the call that caused
 * them, and are held until a handler is attached, so none is lost.
 */
import type { TlsInfo } from '../engine.ts';
import type { Connector, Transport, TransportEvent, TransportHandler } from '../transport.ts';
import type { AttackReport, ConnectionEvent, ConnectOptions, SessionOrigin, VirtualConnection, VirtualNetwork } from '../net/virtual-network.ts';
import { DEFAULT_CLIENT } from '../net/virtual-network.ts';

export interface VirtualConnectorOptions {
  /** The connecting machine as servers see it (the learner's laptop by default). */
  from?: { address: string; name?: string };
  origin?: SessionOrigin;
  /** Real encrypted records, or the parameters-only stand-in (the network's default otherwise). */
  tlsLayer?: ConnectOptions['tlsLayer'];
  /** What the client end does with a certificate it cannot verify (default: refuse). */
  certificatePolicy?: ConnectOptions['certificatePolicy'];
  /** An attacker on the path of every connection this connector opens. */
  attack?: ConnectOptions['attack'];
}

/** Per-connection choices beyond the Connector interface's: they override the connector's. */
export type VirtualConnectOptions = { tls?: 'none' | 'implicit' } & Pick<VirtualConnectorOptions, 'tlsLayer' | 'certificatePolicy' | 'attack'>;

export class VirtualConnector implements Connector {
  constructor(
    readonly network: VirtualNetwork,
    private readonly options: VirtualConnectorOptions = {},
  ) {}

  connect(host: string, port: number, options: VirtualConnectOptions = {}): VirtualTransport {
    return new VirtualTransport(this.network, host, port, { ...this.options, ...options });
  }
}

export class VirtualTransport implements Transport {
  readonly label: string;
  /** The recorded session behind this transport (null when the connection never opened). */
  readonly sessionId: string | null = null;
  private readonly handlers = new Set<TransportHandler>();
  private readonly held: TransportEvent[] = [];
  private flushPending = false;
  private readonly connection: VirtualConnection | null = null;
  private tlsInfo: TlsInfo | null = null;

  constructor(
    private readonly network: VirtualNetwork,
    host: string,
    port: number,
    options: VirtualConnectorOptions & VirtualConnectOptions,
  ) {
    this.label = `${host}:${port}`;
    const connectOptions: ConnectOptions = { from: options.from ?? DEFAULT_CLIENT, origin: options.origin ?? 'terminal' };
    if (options.tls !== undefined) connectOptions.tls = options.tls;
    if (options.tlsLayer !== undefined) connectOptions.tlsLayer = options.tlsLayer;
    if (options.certificatePolicy !== undefined) connectOptions.certificatePolicy = options.certificatePolicy;
    if (options.attack !== undefined) connectOptions.attack = options.attack;
    const result = network.connect(host, port, connectOptions);
    if (!result.ok) {
      this.push({ type: 'error', code: result.code, message: result.message });
      this.push({ type: 'closed', by: 'client', reason: result.message });
      return;
    }
    this.connection = result.connection;
    this.sessionId = result.connection.session.id;
    this.push({ type: 'open', remote: host, port });
    result.connection.open((event) => this.fromConnection(event));
  }

  /** The TLS state as the events delivered so far have told it. */
  get tls(): TlsInfo | null {
    return this.tlsInfo;
  }

  /** What the attacker on this connection's path did and learnt (null without an attack). */
  get attack(): AttackReport | null {
    return this.connection?.attack ?? null;
  }

  /** The server engine's current state, for the UI's state diagram (null if never connected). */
  get serverState(): string | null {
    return this.connection?.serverState ?? null;
  }

  send(bytes: Uint8Array): void {
    this.connection?.send(bytes);
  }

  startTls(): void {
    this.connection?.startTls();
  }

  close(): void {
    this.connection?.close();
  }

  on(handler: TransportHandler): () => void {
    this.handlers.add(handler);
    if (this.held.length) this.scheduleFlush();
    return () => {
      this.handlers.delete(handler);
    };
  }

  private fromConnection(event: ConnectionEvent): void {
    switch (event.type) {
      case 'data':
        return this.push({ type: 'data', bytes: event.bytes });
      case 'tls':
        return this.push({ type: 'tls', info: event.info });
      case 'error':
        return this.push({ type: 'error', code: event.code, message: event.message });
      case 'closed':
        return this.push(event.reason === undefined ? { type: 'closed', by: event.by } : { type: 'closed', by: event.by, reason: event.reason });
    }
  }

  private push(event: TransportEvent): void {
    this.held.push(event);
    if (this.handlers.size) this.scheduleFlush();
  }

  private scheduleFlush(): void {
    if (this.flushPending) return;
    this.flushPending = true;
    this.network.scheduler.at(this.network.now(), () => this.flush());
  }

  private flush(): void {
    this.flushPending = false;
    if (this.handlers.size === 0) return;
    for (const event of this.held.splice(0)) {
      if (event.type === 'tls') this.tlsInfo = event.info;
      for (const handler of [...this.handlers]) handler(event);
    }
  }
}
