/**
 * The virtual mail network: host names resolve through the world's DNS, ports are open or not
 * as each host's config says, and a connection gets a fresh server engine for the port's
 * protocol. Every session is recorded for the UI (./virtual-network-log.ts).
 */
import type { ServerEngine } from '../engine.ts';
import { seededRandom, type RandomSource } from '../random.ts';
import { Middlebox } from './attack-middlebox.ts';
import type { AttackOptions } from './attack-types.ts';
import { ManualScheduler } from './virtual-network-clock.ts';
import { Lane } from './virtual-network-steps.ts';
import type { TransportErrorCode } from '../transport.ts';
import type { HostConfig } from '../world/host.ts';
import type { MailProtocol, PortSpec } from '../world/ports.ts';
import { serverContext, type ServerContext } from './server-context.ts';
import type { Scheduler } from './virtual-network-clock.ts';
import { VirtualConnection, type ConnectionSetup, type DrivenEngine } from './virtual-network-connection.ts';
import type { CertificatePolicy, TlsLayer } from './virtual-network-tls.ts';
import { DEFAULT_LOG_LIMITS, SessionLog, type LogLimits, type NetworkListener, type SessionOrigin, type SessionRecord } from './virtual-network-log.ts';
import { LazyRecordTls, VIRTUAL_TLS, type TlsHandshake } from './virtual-network-tls.ts';
import type { World } from '../world/world.ts';

export { VirtualConnection, type ConnectionEvent, type ConnectionSink } from './virtual-network-connection.ts';
export type { CertificatePolicy, TlsLayer } from './virtual-network-tls.ts';
export type { AttackOptions, AttackReport, Credential } from './attack-types.ts';
export type { NetworkEvent, NetworkListener, SessionOrigin, SessionRecord, WireEntry } from './virtual-network-log.ts';

/** A server engine class, constructed once per connection as `new XServer(ctx)`. */
export type EngineFactory = new (ctx: ServerContext) => ServerEngine<string, unknown>;

/** Which engine answers which protocol; a protocol without one has nothing listening. */
export type EngineRegistry = Partial<Record<MailProtocol, EngineFactory>>;

export interface VirtualNetworkOptions {
  now: () => number;
  scheduler: Scheduler;
  /**
   * Where TLS keys and randoms come from (randomness is an input, like time: ../random.ts). Each
   * connection and the PKI get their own stream split from it in a fixed order, so a seeded
   * source and the same inputs give the same bytes.
   */
  random: RandomSource;
  engines: EngineRegistry;
  /** The parameters-only handshake the 'stand-in' TLS layer uses. */
  tls?: TlsHandshake;
  /**
   * The TLS layer for connections that do not choose one: 'records' (real encryption on the
   * wire) when unset. A network driven without awaiting (no settle()) may choose the
   * parameters-only 'stand-in', which completes every step synchronously.
   */
  tlsLayer?: TlsLayer;
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
  /** How TLS is made on this connection (see VirtualNetworkOptions.tlsLayer for the default). */
  tlsLayer?: TlsLayer;
  /** What the client end does with a certificate it cannot verify: refuse (default) or warn and go on. */
  certificatePolicy?: CertificatePolicy;
  /** An attacker on this connection's path (real TLS records only: the stand-in has none to attack). */
  attack?: AttackOptions;
}

export type ConnectResult =
  | { ok: true; connection: VirtualConnection }
  | { ok: false; code: Extract<TransportErrorCode, 'DNS' | 'REFUSED' | 'TLS'>; message: string };

/** Where a connecting learner's laptop sits (TEST-NET-3, RFC 5737). */
export const DEFAULT_CLIENT = { address: '203.0.113.5', name: 'laptop' } as const;

type Resolved = { ok: true; host: HostConfig; serverName: string | undefined } | { ok: false; message: string; code: 'DNS' | 'REFUSED' };

export class VirtualNetwork {
  readonly log: SessionLog;
  /** Real TLS with the virtual CA and the hosts' certificates: loaded and made on first use, never serialised. */
  readonly recordTls: LazyRecordTls;
  private counter = 0;
  private readonly live = new Set<VirtualConnection>();
  private readonly asyncErrors: unknown[] = [];
  /** Work outside any connection that settle() waits for (./mta-driver.ts: an MTA run). */
  private readonly work = new Set<Promise<unknown>>();
  private readonly lane = new Lane();

  constructor(
    readonly world: World,
    private readonly options: VirtualNetworkOptions,
  ) {
    this.log = new SessionLog({ ...DEFAULT_LOG_LIMITS, ...options.log });
    this.recordTls = new LazyRecordTls(options.random.bytes(32), options.now);
  }

  /** True while a connection waits on cryptography, or tracked work (track) runs. */
  get busy(): boolean {
    return this.work.size > 0 || [...this.live].some((c) => c.busy);
  }

  /**
   * Counts `work` as the network's until it ends, so settle() waits for it. A failure is kept
   * for settle() in strict mode, and otherwise surfaces as an unhandled rejection.
   */
  track(work: Promise<unknown>): void {
    this.work.add(work);
    work.then(
      () => this.work.delete(work),
      (error: unknown) => {
        this.work.delete(work);
        if (!this.options.strict) throw error;
        this.asyncErrors.push(error);
      },
    );
  }

  /**
   * Waits until no connection waits on cryptography; with a ManualScheduler, also runs the tasks
   * due now (deliveries, wakes) and waits again, until nothing moves. Tests and scripted scenarios
   * call it where a real page would simply let time pass. In strict mode it rethrows an engine
   * exception that happened after an await.
   */
  async settle(limit = 10_000): Promise<void> {
    for (let round = 0; round < limit; round++) {
      for (const c of [...this.live]) {
        await c.idle();
        if (!c.isOpen && !c.busy) this.live.delete(c);
      }
      for (const w of [...this.work]) await w.catch(() => undefined);
      const ran = this.options.scheduler instanceof ManualScheduler ? this.options.scheduler.runDue() : 0;
      if (this.options.strict && this.asyncErrors.length) throw this.asyncErrors.shift();
      if (ran === 0 && !this.busy) return;
    }
    throw new Error(`VirtualNetwork.settle: still busy after ${limit} rounds`);
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
    const ctx = serverContext(this.world, host, { address: from.address, localPort: port, implicitTls }, session.id);
    let engine: DrivenEngine;
    try {
      engine = new factory(ctx);
    } catch (error) {
      if (this.options.strict) throw error;
      return refuse('REFUSED', `${target} port ${port}: the server failed to start (${error instanceof Error ? error.message : String(error)})`);
    }
    const setup = this.setupFor(options, spec, serverName, host.name, target.trim().replace(/^\[(.*)\]$/, '$1'), seededRandom(this.options.random.bytes(32)));
    session.tlsLayer = setup.layer;
    if (setup.onPath) session.attack = setup.onPath.report;
    const env = {
      now: this.options.now, scheduler: this.options.scheduler, tls: this.options.tls ?? VIRTUAL_TLS, recordTls: this.recordTls, log: this.log, lane: this.lane,
      strict: this.options.strict ?? false,
      storeChanges: (listener: Parameters<World['store']['subscribe']>[0]) => this.world.store.subscribe(listener),
      asyncError: (error: unknown) => {
        if (this.options.strict) this.asyncErrors.push(error);
      },
    };
    const connection = new VirtualConnection(env, session, engine, setup);
    for (const c of this.live) if (!c.isOpen && !c.busy) this.live.delete(c);
    this.live.add(connection);
    this.log.open(session);
    return { ok: true, connection };
  }

  private setupFor(options: ConnectOptions, spec: PortSpec, serverName: string | undefined, hostName: string, target: string, random: RandomSource): ConnectionSetup {
    const attack = options.attack;
    // An attacker needs records to work on: the stand-in has none, whatever the network's default.
    const layer = options.tlsLayer ?? (attack ? 'records' : undefined) ?? this.options.tlsLayer ?? 'records';
    const impostor = attack?.impostor;
    return {
      serverName, target, hostName, implicitTls: spec.tls === 'implicit', layer, random,
      policy: options.certificatePolicy ?? 'strict',
      identity: impostor === undefined || impostor === false ? 'genuine' : impostor === true ? 'untrusted-ca' : impostor,
      onPath: attack && Object.values(attack).some(Boolean) ? new Middlebox(spec.protocol, attack, spec.tls === 'implicit') : null,
    };
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
