/**
 * One virtual connection: a client end the caller drives, and a server engine behind it.
 * The connection honours the engine's outputs (writes, STARTTLS, close, timers, its waker) and
 * logs every byte. Work runs to completion in order: a handler that sends while it is being told
 * about data queues the send behind the current step, so engines are never re-entered.
 */
import type { Output, ServerEngine, TlsInfo } from '../engine.ts';
import type { TransportErrorCode } from '../transport.ts';
import type { Scheduler } from './virtual-network-clock.ts';
import type { SessionLog, SessionRecord } from './virtual-network-log.ts';
import type { TlsHandshake } from './virtual-network-tls.ts';

/** A server engine as the network drives it, with the optional waker it calls when it has output without input. */
export type WakeableEngine = ServerEngine<string, unknown> & { waker?: () => void };

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
  log: SessionLog;
  /** Rethrow engine exceptions after closing (tests); otherwise they only close the connection. */
  strict: boolean;
}

export class VirtualConnection {
  private sink: ConnectionSink | null = null;
  private phase: 'new' | 'open' | 'closed' = 'new';
  private tlsInfo: TlsInfo | null = null;
  /** The engine asked for STARTTLS and waits for the client's handshake. */
  private serverAwaitsTls = false;
  private readonly queue: Array<() => void> = [];
  private running = false;
  private readonly timers = new Set<() => void>();
  private wakePending = false;

  constructor(
    private readonly env: ConnectionEnv,
    readonly session: SessionRecord,
    private readonly engine: WakeableEngine,
    /** TLS from the first byte (RFC 8314 §3). */
    private readonly implicitTls: boolean,
    /** The name the client asked for (SNI), and the server's own name. */
    private readonly names: { serverName: string | undefined; hostName: string },
  ) {}

  get tls(): TlsInfo | null {
    return this.tlsInfo;
  }

  get isOpen(): boolean {
    return this.phase === 'open';
  }

  /** The engine's current state (for the UI's state diagram). */
  get serverState(): string {
    return this.engine.state;
  }

  /** Starts the server: the greeting (after the TLS handshake on an implicit-TLS port) goes to `sink`. */
  open(sink: ConnectionSink): void {
    if (this.phase !== 'new') throw new Error(`connection ${this.session.id} was opened already`);
    this.sink = sink;
    this.phase = 'open';
    this.engine.waker = () => this.wake();
    this.run(() => {
      if (this.implicitTls) {
        if (!this.handshake()) return;
        this.apply(this.engine.tlsStarted(this.tlsInfo!, this.env.now()));
      }
      if (this.phase === 'open') this.apply(this.engine.start(this.env.now()));
    });
  }

  send(bytes: Uint8Array): void {
    this.run(() => this.fromClient(bytes));
  }

  /** The client starts the TLS handshake (after the server's 220 to STARTTLS, or +OK to STLS). */
  startTls(): void {
    this.run(() => this.clientStartsTls());
  }

  close(reason?: string): void {
    this.run(() => this.shutdown('client', reason, true));
  }

  // ── Steps (always inside run) ───────────────────────────────────────────────

  private fromClient(bytes: Uint8Array): void {
    if (this.phase !== 'open' || bytes.length === 0) return;
    this.record('to-server', bytes);
    if (this.serverAwaitsTls) {
      // The server now reads a ClientHello; plaintext makes its handshake fail (RFC 3207 §4).
      this.fail('TLS', 'the server expected a TLS handshake after agreeing to start TLS, and got plaintext');
      return;
    }
    this.apply(this.engine.feed(bytes, this.env.now()));
  }

  private clientStartsTls(): void {
    if (this.phase !== 'open') return;
    if (this.tlsInfo) return this.deliver({ type: 'error', code: 'TLS', message: 'the connection is already TLS' });
    if (!this.serverAwaitsTls) {
      // A ClientHello the server did not ask for is a garbled command to it; the handshake fails.
      this.fail('TLS', 'the server has not agreed to start TLS (send STARTTLS or STLS and wait for its reply)');
      return;
    }
    this.serverAwaitsTls = false;
    if (this.handshake()) this.apply(this.engine.tlsStarted(this.tlsInfo!, this.env.now()));
  }

  /** "Start TLS on this pipe": the single seam a real record layer will replace. */
  private handshake(): boolean {
    const result = this.env.tls.start(this.names.serverName, this.names.hostName);
    if (!result.ok) {
      this.fail('TLS', `TLS handshake failed: ${result.message}`);
      return false;
    }
    this.tlsInfo = result.info;
    this.session.tls = result.info;
    this.env.log.emit({ type: 'tls', session: this.session, info: result.info });
    this.deliver({ type: 'tls', info: result.info });
    return true;
  }

  private apply(outputs: Output<unknown>[]): void {
    for (const out of outputs) {
      if (this.phase !== 'open') return;
      switch (out.type) {
        case 'write':
          this.record('to-client', out.bytes);
          this.deliver({ type: 'data', bytes: out.bytes });
          break;
        case 'event':
          this.env.log.emit({ type: 'engine', session: this.session, event: out.event });
          break;
        case 'starttls':
          this.serverAwaitsTls = true;
          break;
        case 'close':
          this.shutdown('server', undefined, false);
          break;
        case 'timer':
          this.schedule(out.at);
          break;
      }
    }
  }

  private tickEngine(): void {
    if (this.phase === 'open') this.apply(this.engine.tick(this.env.now()));
  }

  private schedule(at: number): void {
    const holder: { cancel: () => void } = { cancel: () => {} };
    holder.cancel = this.env.scheduler.at(at, () => {
      this.timers.delete(holder.cancel);
      this.run(() => this.tickEngine());
    });
    this.timers.add(holder.cancel);
  }

  /** The engine has output for reasons other than input (a store change during IDLE …). */
  private wake(): void {
    if (this.wakePending || this.phase !== 'open') return;
    this.wakePending = true;
    const cancel = this.env.scheduler.at(this.env.now(), () => {
      this.timers.delete(cancel);
      this.wakePending = false;
      this.run(() => this.tickEngine());
    });
    this.timers.add(cancel);
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
    this.engine.waker = undefined;
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

  private record(direction: 'to-server' | 'to-client', bytes: Uint8Array): void {
    // A copy: the log must not change if the sender reuses its buffer.
    this.env.log.wire(this.session, { time: this.env.now(), direction, bytes: bytes.slice(), tls: this.tlsInfo !== null });
  }

  private deliver(event: ConnectionEvent): void {
    this.sink?.(event);
  }

  /** Run-to-completion: one step at a time, in the order asked for. */
  private run(step: () => void): void {
    this.queue.push(step);
    if (this.running) return;
    this.running = true;
    try {
      while (this.queue.length) {
        const next = this.queue.shift()!;
        try {
          next();
        } catch (error) {
          this.crashed(error);
        }
      }
    } finally {
      this.running = false;
    }
  }

  private crashed(error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    this.queue.length = 0;
    if (this.phase === 'open') {
      const reason = `the virtual connection failed: ${message}`;
      this.deliver({ type: 'error', code: 'PROTOCOL', message: reason });
      this.shutdown('server', reason, false);
    }
    if (this.env.strict) throw error;
  }
}
