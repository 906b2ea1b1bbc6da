/**
 * One real TCP connection pumped through a sans-I/O engine: socket bytes become `feed`, the
 * engine's outputs become socket writes, a TLS upgrade, timers and the close; the mail store's
 * changes become `storeChanged` (IMAP).
 */
import type { Socket } from 'node:net';
import { TLSSocket, type SecureContext } from 'node:tls';
import type { MailChange } from '../../backend.ts';
import type { Output, ServerEngine, TlsInfo } from '../../engine.ts';
import { Alarm } from './alarm.ts';
import { quickAck } from './quick-ack.ts';
import { POOL_BUFFER, release, takeBuffer } from './write-pool.ts';

/** A server engine as the transport drives it. */
export type DrivenEngine = ServerEngine<string, unknown>;

export interface EngineSocketOptions {
  /** Used when the engine asks for STARTTLS/STLS. */
  secureContext: SecureContext;
  /** The connection was TLS from its first byte (RFC 8314 §3); the handshake is already done. */
  implicitTls: boolean;
  /** Each engine event, in order (logging, tests). */
  onEvent?: (event: unknown) => void;
  /** An engine call threw: our own bug, never the peer's; the connection is dropped. */
  onError?: (error: unknown) => void;
  /** The connection is gone, for whatever reason. */
  onGone?: () => void;
  clock?: () => number;
  /** Listens to the mail store the engine serves; each change goes to `storeChanged`. Returns the unsubscribe. */
  storeChanges?: (listener: (change: MailChange) => void) => () => void;
}

/** Pause reading while this much is waiting to go out (a slow reader of a big FETCH). */
const WRITE_HIGH_WATER = 1 << 20;
/** Pieces at least this long are written as they are; smaller ones are gathered (write-pool.ts). */
const WRITE_AS_IS = 64 * 1024;
/** After our close, how long the client has to close its side. */
const CLOSE_GRACE_MS = 5_000;
/** How long a client has to complete the handshake after STARTTLS/STLS. */
const HANDSHAKE_TIMEOUT_MS = 60_000;

export class EngineSocket {
  private socket: Socket;
  private readonly clock: () => number;
  /** Outputs held back while the TLS handshake runs: they belong after it. */
  private deferred: Output<unknown>[] | null = null;
  /** No more bytes are fed: the engine asked to close, or threw. */
  private closing = false;
  /** The engine said goodbye itself (QUIT, LOGOUT, 421): `closed` is not due. */
  private engineClosed = false;
  private gone = false;
  private writeBlocked = false;
  private stopChanges: (() => void) | null = null;
  private wakeScheduled = false;
  /** A wake came while writes were blocked: it is due at the next 'drain'. */
  private wakeOnDrain = false;
  private readonly alarm: Alarm;

  constructor(
    socket: Socket,
    private readonly engine: DrivenEngine,
    private readonly options: EngineSocketOptions,
  ) {
    this.socket = socket;
    this.clock = options.clock ?? Date.now;
    this.alarm = new Alarm(this.clock, (now) => this.call(() => this.engine.tick(now)));
    socket.on('close', this.onClose);
    socket.on('error', this.onSocketError);
    this.attach(socket);
    if (engine.storeChanged && options.storeChanges) {
      // As they happen, even during this engine's own feed (it only records them there).
      this.stopChanges = options.storeChanges((change) => this.call(() => engine.storeChanged!(change, this.clock())));
    }
  }

  /**
   * Sends the greeting and starts reading. With implicit TLS the handshake is already done
   * (RFC 8314 §3); the engine knows from `Peer.implicitTls` and is then told the TLS details,
   * which it records (the SMTP Received header's "using TLSv1.3 …").
   */
  start(): void {
    this.call(() => this.engine.start(this.clock()));
    if (this.options.implicitTls && this.socket instanceof TLSSocket) {
      const info = tlsInfo(this.socket);
      this.call(() => this.engine.tlsStarted(info, this.clock()));
    }
  }

  private attach(socket: Socket): void {
    socket.on('data', this.onData);
    socket.on('drain', this.onDrain);
  }

  private readonly onData = (chunk: Buffer): void => {
    if (this.closing || this.gone || this.deferred) return;
    // A plain Uint8Array view: engines may keep `.slice()`s, which must be copies, not Buffer views.
    const bytes = new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    // Nothing to answer yet (half a literal, a DATA body, half a command line): ACK what we read
    // now, or a client with Nagle on holds its next small write for our delayed ACK (quick-ack.ts).
    if (!this.call(() => this.engine.feed(bytes, this.clock()))) quickAck(this.socket);
  };

  private readonly onDrain = (): void => {
    this.writeBlocked = false;
    this.updateReading();
    if (this.wakeOnDrain) {
      this.wakeOnDrain = false;
      this.wake();
    }
  };

  private readonly onSocketError = (error: Error): void => {
    // ECONNRESET and friends: the 'close' that follows reports it to the engine.
    void error;
  };

  private readonly onClose = (): void => {
    if (this.gone) return;
    // RFC 1939 §6 and friends: a drop without QUIT/LOGOUT is not a goodbye.
    this.gone = true;
    if (!this.engineClosed) this.reportClosed();
    this.alarm.stop();
    this.stopChanges?.();
    this.stopChanges = null;
    this.options.onGone?.();
  };

  /** Only the events of `closed` matter: there is nobody left to write to. */
  private reportClosed(): void {
    try {
      for (const out of this.engine.closed(this.clock())) if (out.type === 'event') this.options.onEvent?.(out.event);
    } catch (error) {
      this.options.onError?.(error);
    }
  }

  /**
   * A timer due now is the engine asking to go on (the next part of a big FETCH): at the next turn
   * of the event loop, or, while the socket still holds what was written, once it has drained —
   * so a large response is made as fast as the client reads it, not all at once into memory ahead
   * of the socket. Timers in the future (autologout, IDLE) keep to the alarm.
   */
  private wake(): void {
    if (this.wakeScheduled || this.gone) return;
    this.wakeScheduled = true;
    setImmediate(() => {
      this.wakeScheduled = false;
      // The engine asks during the call whose output is then written: look when that is known.
      if (this.writeBlocked) this.wakeOnDrain = true;
      else this.call(() => this.engine.tick(this.clock()));
    });
  }

  /**
   * Runs one engine call; an exception is our bug: report it and drop the connection.
   * True when something was written (our ACK rides on it).
   */
  private call(step: () => Output<unknown>[]): boolean {
    if (this.gone) return false;
    let outputs: Output<unknown>[];
    try {
      outputs = step();
    } catch (error) {
      // The 'close' that follows still calls `closed`, so the engine can give back its locks.
      this.options.onError?.(error);
      this.closing = true;
      this.socket.destroy();
      return false;
    }
    return this.handle(outputs);
  }

  /** All the writes of one engine call go out as one socket write. True when there was one. */
  private handle(outputs: Output<unknown>[]): boolean {
    if (this.deferred) {
      this.deferred.push(...outputs);
      return false;
    }
    const pending: Uint8Array[] = [];
    for (let i = 0; i < outputs.length; i++) {
      const out = outputs[i]!;
      if (out.type === 'write') pending.push(out.bytes);
      else if (out.type === 'event') this.options.onEvent?.(out.event);
      else if (out.type === 'timer') {
        if (out.at <= this.clock()) this.wake();
        else this.alarm.add(out.at);
      }
      else if (out.type === 'starttls') {
        this.deferred = outputs.slice(i + 1);
        this.beginTls(pending);
        return pending.length > 0;
      } else if (out.type === 'close') {
        const wrote = this.write(pending);
        this.engineClosed = true;
        if (!this.closing) this.close();
        return wrote;
      }
    }
    return this.write(pending);
  }

  /**
   * One engine call's writes as few socket writes: small pieces gathered into pooled buffers
   * (write-pool.ts), large ones as they are, all under one cork, so they leave as one writev.
   */
  private write(parts: Uint8Array[], done?: () => void): boolean {
    if (this.gone || this.closing || parts.length === 0) return false;
    const writes = parts.length === 1 ? [{ bytes: parts[0]!, pooled: null }] : gathered(parts);
    if (writes.length > 1) this.socket.cork();
    let ok = true;
    writes.forEach(({ bytes, pooled }, i) => {
      const last = i === writes.length - 1;
      if (!pooled && !(last && done)) ok = this.socket.write(bytes);
      else
        ok = this.socket.write(bytes, () => {
          // The socket has taken these octets (or failed): the buffer may be filled again.
          if (pooled) release(pooled);
          if (last) done?.();
        });
    });
    if (writes.length > 1) this.socket.uncork();
    if (!ok || this.socket.writableLength > WRITE_HIGH_WATER) {
      this.writeBlocked = true;
      this.updateReading();
    }
    return true;
  }

  private close(): void {
    this.closing = true;
    this.alarm.stop();
    this.socket.end();
    // A client that never closes its side must not hold the socket for ever.
    setTimeout(() => this.socket.destroy(), CLOSE_GRACE_MS).unref();
  }

  private updateReading(): void {
    if (this.gone) return;
    if (this.writeBlocked || this.deferred) this.socket.pause();
    else this.socket.resume();
  }

  /**
   * RFC 3207 §4.2, RFC 2595 §3.1: after the go-ahead the next bytes are the TLS handshake.
   * Reading stops at once, so nothing the client sent in plaintext after the command reaches the
   * engine; whatever is buffered goes to the TLS layer (a smuggled command just fails the handshake).
   */
  private beginTls(pending: Uint8Array[]): void {
    const raw = this.socket;
    raw.pause();
    raw.removeListener('data', this.onData);
    raw.removeListener('drain', this.onDrain);
    if (pending.length === 0) this.wrap(raw);
    else this.write(pending, () => this.wrap(raw));
  }

  private wrap(raw: Socket): void {
    if (this.gone) return;
    const secure = new TLSSocket(raw, { isServer: true, secureContext: this.options.secureContext });
    secure.on('error', this.onSocketError);
    secure.on('close', this.onClose);
    secure.once('secure', () => {
      this.socket = secure;
      this.attach(secure);
      const held = this.deferred ?? [];
      this.deferred = null;
      this.writeBlocked = false;
      this.handle(held);
      if (this.wakeOnDrain) this.onDrain();
      this.call(() => this.engine.tlsStarted(tlsInfo(secure), this.clock()));
    });
    // A failed handshake destroys `secure`, whose 'close' reports the drop to the engine; so
    // does one that never comes (tls.Server's handshakeTimeout does the same for implicit TLS).
    setTimeout(() => {
      if (this.deferred) secure.destroy();
    }, HANDSHAKE_TIMEOUT_MS).unref();
  }
}

interface SocketWrite {
  bytes: Uint8Array;
  /** The pooled buffer `bytes` lies in, to release once written. */
  pooled: Buffer | null;
}

/** Runs of small pieces copied into pooled buffers; pieces of WRITE_AS_IS or more stay as they are. */
function gathered(parts: readonly Uint8Array[]): SocketWrite[] {
  const out: SocketWrite[] = [];
  let buffer: Buffer | null = null;
  let used = 0;
  const close = (): void => {
    if (buffer) out.push({ bytes: buffer.subarray(0, used), pooled: buffer });
    buffer = null;
    used = 0;
  };
  for (const p of parts) {
    if (p.length >= WRITE_AS_IS) {
      close();
      out.push({ bytes: p, pooled: null });
      continue;
    }
    if (buffer && used + p.length > POOL_BUFFER) close();
    buffer ??= takeBuffer();
    buffer.set(p, used);
    used += p.length;
  }
  close();
  return out;
}

export function tlsInfo(socket: TLSSocket): TlsInfo {
  const cipher = socket.getCipher();
  const info: TlsInfo = {
    version: socket.getProtocol() ?? 'unknown',
    cipher: cipher?.standardName ?? cipher?.name ?? 'unknown',
  };
  const serverName = (socket as TLSSocket & { servername?: string | false }).servername;
  if (serverName) info.serverName = serverName;
  return info;
}
