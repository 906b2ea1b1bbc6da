/**
 * The virtual mail network: host names resolve through the world's DNS, ports are open or not
 * as each host's config says, and a connection gets a fresh server engine for the port's
 * protocol. Every session is recorded for the UI (./virtual-network-log.ts).
 */
import type { ServerEngine } from '../engine.ts';
import type { TransportErrorCode } from '../transport.ts';
import type { HostConfig } from './host.ts';
import type { MailProtocol, PortSpec } from './ports.ts';
import type { ServerContext } from './server-context.ts';
import type { Scheduler } from './virtual-network-clock.ts';
import { VirtualConnection, type WakeableEngine } from './virtual-network-connection.ts';
import { DEFAULT_LOG_LIMITS, SessionLog, type LogLimits, type NetworkListener, type SessionOrigin, type SessionRecord } from './virtual-network-log.ts';
import { VIRTUAL_TLS, type TlsHandshake } from './virtual-network-tls.ts';
import type { World } from './world.ts';

export { VirtualConnection, type ConnectionEvent, type ConnectionSink } from './virtual-network-connection.ts';
export type { NetworkEvent, NetworkListener, SessionOrigin, SessionRecord, WireEntry } from './virtual-network-log.ts';

/** A server engine class, constructed once per connection as `new XServer(ctx)`. */
export type EngineFactory = new (ctx: ServerContext) => ServerEngine<string, unknown>;

/** Which engine answers which protocol; a protocol without one has nothing listening. */
export type EngineRegistry = Partial<Record<MailProtocol, EngineFactory>>;

export interface VirtualNetworkOptions {
  now: () => number;
  scheduler: Scheduler;
  engines: EngineRegistry;
  tls?: TlsHandshake;
  log?: Partial<LogLimits>;
  /** Rethrow exceptions from engines after closing the connection (for tests). */
  strict?: boolean;
}

export interface ConnectOptions {
  /** The connecting machine as the server sees it (Peer.address, and its name for the log). */
  from?: { address: string; name?: string };
  /** Override the port's own TLS mode; a mismatch fails the way a real handshake would. */
  tls?: 'none' | 'implicit';
  origin?: SessionOrigin;
}

export type ConnectResult =
  | { ok: true; connection: VirtualConnection }
  | { ok: false; code: Extract<TransportErrorCode, 'DNS' | 'REFUSED' | 'TLS'>; message: string };

/** Where a connecting learner's laptop sits (TEST-NET-3, RFC 5737). */
export const DEFAULT_CLIENT = { address: '203.0.113.5', name: 'laptop' } as const;

type Resolved = { ok: true; host: HostConfig; serverName: string | undefined } | { ok: false; message: string; code: 'DNS' | 'REFUSED' };

export class VirtualNetwork {
  readonly log: SessionLog;
  private counter = 0;

  constructor(
    readonly world: World,
    private readonly options: VirtualNetworkOptions,
  ) {
    this.log = new SessionLog({ ...DEFAULT_LOG_LIMITS, ...options.log });
  }

  get now(): () => number {
    return this.options.now;
  }

  get scheduler(): Scheduler {
    return this.options.scheduler;
  }

  /** Every recorded session, oldest first. */
  get sessions(): readonly SessionRecord[] {
    return this.log.sessions;
  }

  subscribe(listener: NetworkListener): () => void {
    return this.log.subscribe(listener);
  }

  /** A host name through DNS A records, or an address one of the hosts has. */
  resolve(target: string): Resolved {
    const name = target.trim().toLowerCase().replace(/\.$/, '').replace(/^\[(.*)\]$/, '$1');
    const byAddress = this.world.hosts.find((h) => h.address === name);
    if (byAddress) return { ok: true, host: byAddress, serverName: undefined };
    const address = this.world.dns.a(name)[0];
    if (address === undefined) return { ok: false, code: 'DNS', message: `${target}: no such host (DNS: no A record)` };
    const host = this.world.hosts.find((h) => h.address === address);
    if (!host) return { ok: false, code: 'REFUSED', message: `${target} (${address}): no route to host` };
    return { ok: true, host, serverName: name };
  }

  /**
   * Opens a connection to `port` on `target` (a host name or address). The server engine starts
   * when the caller calls `connection.open(sink)`.
   */
  connect(target: string, port: number, options: ConnectOptions = {}): ConnectResult {
    const refuse = (code: 'DNS' | 'REFUSED' | 'TLS', message: string): ConnectResult => {
      this.log.emit({ type: 'refused', target, port, code, message });
      return { ok: false, code, message };
    };
    const resolved = this.resolve(target);
    if (!resolved.ok) return refuse(resolved.code, resolved.message);
    const { host, serverName } = resolved;
    const spec = host.ports.find((p) => p.port === port);
    const factory = spec && this.options.engines[spec.protocol];
    if (!spec || !factory) return refuse('REFUSED', `${target} port ${port}: connection refused (nothing listens there)`);
    const mismatch = tlsMismatch(spec, options.tls);
    if (mismatch) return refuse('TLS', mismatch);
    const from = options.from ?? DEFAULT_CLIENT;
    const implicitTls = spec.tls === 'implicit';
    const session = this.newSession(host, spec, from, options.origin ?? 'terminal');
    const ctx: ServerContext = { world: this.world, host, peer: { address: from.address, localPort: port, implicitTls }, sessionId: session.id };
    let engine: WakeableEngine;
    try {
      engine = new factory(ctx) as WakeableEngine;
    } catch (error) {
      if (this.options.strict) throw error;
      return refuse('REFUSED', `${target} port ${port}: the server failed to start (${error instanceof Error ? error.message : String(error)})`);
    }
    const env = { now: this.options.now, scheduler: this.options.scheduler, tls: this.options.tls ?? VIRTUAL_TLS, log: this.log, strict: this.options.strict ?? false };
    const connection = new VirtualConnection(env, session, engine, implicitTls, { serverName, hostName: host.name });
    this.log.open(session);
    return { ok: true, connection };
  }

  private newSession(host: HostConfig, spec: PortSpec, from: { address: string; name?: string }, origin: SessionOrigin): SessionRecord {
    const id = `${host.name}:${spec.port}#${++this.counter}`;
    const client = from.name === undefined ? { address: from.address } : { address: from.address, name: from.name };
    return {
      id, origin, client, server: { host: host.name, address: host.address }, port: spec.port, protocol: spec.protocol,
      openedAt: this.options.now(), closedAt: null, closedBy: null, tls: null, entries: [], droppedBytes: 0,
    };
  }
}

/** RFC 8314 §3: implicit-TLS ports speak TLS from the first byte; the others start in plaintext. */
function tlsMismatch(spec: PortSpec, wanted: 'none' | 'implicit' | undefined): string | null {
  if (wanted === undefined) return null;
  if (wanted === 'implicit' && spec.tls !== 'implicit') {
    return `port ${spec.port} starts in plaintext; a TLS ClientHello gets a ${spec.protocol.toUpperCase()} error back, so the handshake failed (use STARTTLS on this port)`;
  }
  if (wanted === 'none' && spec.tls === 'implicit') {
    return `port ${spec.port} expects TLS from the first byte (implicit TLS, RFC 8314); connect with TLS`;
  }
  return null;
}
