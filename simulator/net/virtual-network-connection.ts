/**
 * One virtual connection: a client end the caller drives, and a server engine behind it.
 * The connection honours the engine's outputs (writes, STARTTLS, close, timers), feeds it the
 * store's changes (`storeChanged`, for IMAP) and
 * logs every byte that crosses the wire. Once TLS is on, the two ends are joined by a real
 * TLS 1.3 client and server (./tls-channel.ts): the log holds the encrypted records, and only the
 * ends see plaintext. Work runs to completion in order (./virtual-network-steps.ts): a send made
 * while the caller is told about data waits behind the current step, and the first handshake of
 * a network, which waits for the TLS code to load, holds every later step, so engines are never
 * re-entered and results arrive in order. Everything else is synchronous.
 */
import type { MailChange } from '../backend.ts';
import type { Output, ServerEngine, TlsInfo } from '../engine.ts';
import type { TransportErrorCode } from '../transport.ts';
import type { OnPath, WirePhase } from './attack-types.ts';
import type { Scheduler } from './virtual-network-clock.ts';
import type { SessionLog, SessionRecord, WireEntry } from './virtual-network-log.ts';
import { StepQueue, type Lane } from './virtual-network-steps.ts';
import type { CertificatePolicy, LazyRecordTls, RecordTls, TlsHandshake, TlsLayer } from './virtual-network-tls.ts';
import type { RandomSource } from '../random.ts';
import type { TlsChannel } from './tls-channel.ts';
import type { LabelledWrite } from './tls-labels.ts';
import type { ServerIdentityKind } from './tls-pki.ts';
import { bytesEqual } from '../wire/bytes.ts';

/** A server engine as the network drives it. */
export type DrivenEngine = ServerEngine<string, unknown>;

/** What the client end hears. */
export type ConnectionEvent =
  | { type: 'data'; bytes: Uint8Array }
  | { type: 'tls'; info: TlsInfo }
  | { type: 'error'; code: TransportErrorCode; message: string }
  | { type: 'closed'; by: 'client' | 'server'; reason?: string };

export type ConnectionSink = (event: ConnectionEvent) => void;


/** What a connection needs from its network. */
export interface ConnectionEnv {
  now: () => number;
  scheduler: Scheduler;
  tls: TlsHandshake;
  /** The real TLS and the network's PKI, loaded on the first handshake. */
  recordTls: LazyRecordTls;
  log: SessionLog;
  /** Listens to the world's mail store; the engine hears each change (`storeChanged`). Returns the unsubscribe. */
  storeChanges: (listener: (change: MailChange) => void) => () => void;
  /** Shared by the network's connections: one step at a time waits on cryptography (./virtual-network-steps.ts). */
  lane: Lane;
  /** Rethrow engine exceptions after closing (tests); otherwise they only close the connection. */
  strict: boolean;
  /** An exception after an await, which no caller can catch: the network keeps it for settle(). */
  asyncError(error: unknown): void;
}

/** How one connection is set up. */
export interface ConnectionSetup {
  /** The name the client asked for (SNI; undefined when it connected by address), and the server's own name. */
  serverName: string | undefined;
  /** What the client typed to connect: the name it checks the certificate against. */
  target: string;
  hostName: string;
  /** TLS from the first byte (RFC 8314 §3). */
  implicitTls: boolean;
  layer: TlsLayer;
  /** The client end's answer to a certificate it cannot verify. */
  policy: CertificatePolicy;
  /** Which certificate the server end presents. */
  identity: ServerIdentityKind;
  onPath: OnPath | null;
  /** This connection's own randomness (TLS key shares and hello randoms), split from the network's. */
  random: RandomSource;
}

export class VirtualConnection {
  private sink: ConnectionSink | null = null;
  private phase: 'new' | 'open' | 'closed' = 'new';
  private tlsInfo: TlsInfo | null = null;
  private channel: TlsChannel | null = null;
  /** The engine asked for STARTTLS and waits for the client's handshake. */
  private serverAwaitsTls = false;
  private readonly steps: StepQueue;
  private readonly timers = new Set<() => void>();
  private stopChanges: (() => void) | null = null;

  constructor(
    private readonly env: ConnectionEnv,
    readonly session: SessionRecord,
    private readonly engine: DrivenEngine,
    private readonly setup: ConnectionSetup,
  ) {
    this.steps = new StepQueue((error, afterAwait) => this.crashed(error, afterAwait), env.lane);
  }

  get tls(): TlsInfo | null {
    return this.tlsInfo;
  }

  get isOpen(): boolean {
    return this.phase === 'open';
  }

  /** True while the connection waits on cryptography (or runs a step). */
  get busy(): boolean {
    return this.steps.busy;
  }

  /** Resolves when every step asked for so far has run. */
  idle(): Promise<void> {
    return this.steps.idle();
  }

  /** The engine's current state (for the UI's state diagram). */
  get serverState(): string {
    return this.engine.state;
  }

  /** What the attacker on this connection did and learnt (null without an attack). */
  get attack(): OnPath['report'] | null {
    return this.setup.onPath?.report ?? null;
  }

  /** Starts the server: the greeting (after the TLS handshake on an implicit-TLS port) goes to `sink`. */
  open(sink: ConnectionSink): void {
    if (this.phase !== 'new') throw new Error(`connection ${this.session.id} was opened already`);
    this.sink = sink;
    this.phase = 'open';
    const engine = this.engine;
    if (engine.storeChanged) {
      // Delivered as they happen, even inside this engine's own step (its own EXPUNGE): the engine
      // only records them there, and asks for a timer when it may tell the client at once (IDLE).
      this.stopChanges = this.env.storeChanges((change) => {
        if (this.phase === 'open') void this.apply(engine.storeChanged!(change, this.env.now()));
      });
    }
    this.steps.push(() => {
      const greet = (): void | Promise<void> => (this.phase === 'open' ? this.apply(this.engine.start(this.env.now())) : undefined);
      if (!this.setup.implicitTls) return greet();
      const started = this.handshake();
      return started instanceof Promise ? started.then(greet) : greet();
    });
  }

  send(bytes: Uint8Array): void {
    this.steps.push(() => this.fromClient(bytes));
  }

  /** The client starts the TLS handshake (after the server's 220 to STARTTLS, or +OK to STLS). */
  startTls(): void {
    this.steps.push(() => this.clientStartsTls());
  }

  close(reason?: string): void {
    this.steps.push(() => {
      if (this.phase !== 'open') return;
      if (this.channel?.connected) this.channel.close('client');
      this.shutdown('client', reason, true);
    });
  }

  // ── Steps (always inside the step queue) ────────────────────────────────────

  private fromClient(bytes: Uint8Array): void | Promise<void> {
    if (this.phase !== 'open' || bytes.length === 0) return;
    if (this.channel) {
      this.channel.clientSend(bytes);
      this.afterTls();
      return;
    }
    const arriving = this.wire('to-server', bytes, this.tlsInfo ? 'tls' : 'plaintext');
    if (this.serverAwaitsTls) {
      // The server now reads a ClientHello; plaintext makes its handshake fail (RFC 3207 §4).
      this.fail('TLS', 'the server expected a TLS handshake after agreeing to start TLS, and got plaintext');
      return;
    }
    if (arriving.length) return this.apply(this.engine.feed(arriving, this.env.now()));
  }

  private clientStartsTls(): void | Promise<void> {
    if (this.phase !== 'open') return;
    if (this.tlsInfo) return this.deliver({ type: 'error', code: 'TLS', message: 'the connection is already TLS' });
    if (!this.serverAwaitsTls) {
      // A ClientHello the server did not ask for is a garbled command to it; the handshake fails.
      this.fail('TLS', 'the server has not agreed to start TLS (send STARTTLS or STLS and wait for its reply)');
      return;
    }
    this.serverAwaitsTls = false;
    return this.handshake();
  }

  /** Starts TLS on this pipe; on success the engine hears `tlsStarted`. */
  private handshake(): void | Promise<void> {
    if (this.setup.layer === 'stand-in') {
      const result = this.env.tls.start(this.setup.serverName, this.setup.hostName);
      if (!result.ok) return this.fail('TLS', `TLS handshake failed: ${result.message}`);
      this.tlsOn(result.info);
      return this.apply(this.engine.tlsStarted(result.info, this.env.now()));
    }
    const loaded = this.env.recordTls.loaded;
    if (loaded) return this.recordHandshake(loaded);
    return this.env.recordTls.load().then((tls) => (this.phase === 'open' ? this.recordHandshake(tls) : undefined));
  }

  private recordHandshake(tls: RecordTls): void {
    const channel = new tls.TlsChannel(
      {
        // An address is not sent as SNI (RFC 6066 §3) but is still what the certificate is checked against.
        serverName: this.setup.serverName ?? this.setup.target, roots: tls.pki.roots(),
        identity: tls.pki.identity(this.setup.hostName, this.setup.identity), policy: this.setup.policy, now: this.env.now, random: this.setup.random,
      },
      {
        wire: (direction, record) => this.wire(direction, record.bytes, this.channel?.connected ? 'tls' : 'handshake', record),
        toEngine: (bytes) => this.toEngine(bytes),
        toClient: (bytes) => this.toClient(bytes),
      },
    );
    this.channel = channel;
    this.session.keyLog = channel.keyLog;
    const info = channel.handshake();
    if (!info) return this.afterTls();
    this.tlsOn(info);
    this.apply(this.engine.tlsStarted(channel.serverInfo(), this.env.now()));
  }

  private tlsOn(info: TlsInfo): void {
    this.tlsInfo = info;
    this.session.tls = info;
    this.env.log.emit({ type: 'tls', session: this.session, info });
    this.deliver({ type: 'tls', info });
  }

  /** Plaintext the server end decrypted. */
  private toEngine(bytes: Uint8Array): void {
    if (this.phase !== 'open') return;
    // An impostor certificate means the attacker, not the server, holds the client's TLS session.
    if (this.setup.identity !== 'genuine') this.setup.onPath?.decrypted('to-server', bytes, this.env.now());
    this.apply(this.engine.feed(bytes, this.env.now()));
  }

  /** A fatal alert ends the connection (RFC 8446 §6.2); the engine never sees the bad bytes. */
  private afterTls(): void {
    const failure = this.channel?.failure;
    if (!failure || this.phase !== 'open') return;
    this.fail('TLS', `TLS ${failure.side === 'client' ? 'client' : 'server'} sent a fatal alert: ${failure.description}`);
  }

  /** Synchronous: the TLS ends are (only loading their code waits, in handshake()). */
  private apply(outputs: Output<unknown>[]): void {
    for (const out of outputs) this.applyOne(out);
  }

  private applyOne(out: Output<unknown>): void {
    if (this.phase !== 'open') return;
    switch (out.type) {
      case 'write':
        if (this.channel) {
          this.channel.serverSend(out.bytes);
          this.afterTls();
          return;
        }
        this.toClient(this.wire('to-client', out.bytes, this.tlsInfo ? 'tls' : 'plaintext'));
        return;
      case 'event':
        this.env.log.emit({ type: 'engine', session: this.session, event: out.event });
        return;
      case 'starttls':
        this.serverAwaitsTls = true;
        return;
      case 'close':
        if (this.channel?.connected) this.channel.close('server');
        this.shutdown('server', undefined, false);
        return;
      case 'timer':
        this.schedule(out.at);
        return;
    }
  }

  private tickEngine(): void {
    if (this.phase === 'open') this.apply(this.engine.tick(this.env.now()));
  }

  private schedule(at: number): void {
    const holder: { cancel: () => void } = { cancel: () => {} };
    holder.cancel = this.env.scheduler.at(at, () => {
      this.timers.delete(holder.cancel);
      this.steps.push(() => this.tickEngine());
    });
    this.timers.add(holder.cancel);
  }

  /** A TLS or engine failure: the connection drops, and the client is told why. */
  private fail(code: TransportErrorCode, message: string): void {
    this.deliver({ type: 'error', code, message });
    this.shutdown('server', message, true);
  }

  private shutdown(by: 'client' | 'server', reason: string | undefined, notifyEngine: boolean): void {
    if (this.phase === 'closed') return;
    this.phase = 'closed';
    for (const cancel of this.timers) cancel();
    this.timers.clear();
    this.stopChanges?.();
    this.stopChanges = null;
    if (notifyEngine) {
      // Writes after the connection went away go nowhere; events still matter (the UI, locks).
      for (const out of this.engine.closed(this.env.now())) {
        if (out.type === 'event') this.env.log.emit({ type: 'engine', session: this.session, event: out.event });
      }
    }
    const s = this.session;
    s.closedAt = this.env.now();
    s.closedBy = by;
    if (reason !== undefined) s.reason = reason;
    this.env.log.emit({ type: 'session-closed', session: s });
    this.deliver(reason === undefined ? { type: 'closed', by } : { type: 'closed', by, reason });
  }

  /** Logs a chunk as its sender put it on the wire; returns it as the other end receives it. */
  private wire(direction: 'to-server' | 'to-client', bytes: Uint8Array, phase: WirePhase, record?: LabelledWrite): Uint8Array {
    const time = this.env.now();
    const sent = bytes.slice(); // the log must not change if the sender reuses its buffer
    const arriving = this.setup.onPath ? this.setup.onPath.alter(direction, sent, phase, time) : sent;
    const entry: WireEntry = { time, direction, bytes: sent, tls: phase !== 'plaintext' || this.tlsInfo !== null };
    if (record) entry.carries = record.carries;
    if (record?.message) entry.message = record.message;
    if (record?.fields) entry.messageFields = record.fields;
    if (record?.plaintext) entry.plaintext = record.plaintext;
    this.env.log.wire(this.session, arriving === sent || bytesEqual(arriving, sent) ? entry : { ...entry, received: arriving.slice() });
    return arriving;
  }

  /** An attacker holding back part of a line leaves nothing to deliver yet. */
  private toClient(bytes: Uint8Array): void {
    if (bytes.length) this.deliver({ type: 'data', bytes });
  }

  private deliver(event: ConnectionEvent): void {
    this.sink?.(event);
  }

  private crashed(error: unknown, afterAwait: boolean): void {
    const message = error instanceof Error ? error.message : String(error);
    this.steps.clear();
    if (this.phase === 'open') {
      const reason = `the virtual connection failed: ${message}`;
      this.deliver({ type: 'error', code: 'PROTOCOL', message: reason });
      this.shutdown('server', reason, false);
    }
    if (afterAwait) this.env.asyncError(error);
    else if (this.env.strict) throw error;
  }
}
