/**
 * What a live session put over the relay, as the page saw it (issue 18, "See it"): every chunk of
 * octets each way with its time, marked once TLS in the page began (from then on only ciphertext
 * crosses the relay), plus the page's TLS client's key log and the handshake messages it sent and
 * read. The live wire view and "Download capture" (pcapng with the key log) are made from this.
 */
import type { LiveHandshakeMessage } from './browser-tls.ts';

export interface LiveWrite {
  /** Milliseconds on the page's clock. */
  time: number;
  direction: 'to-server' | 'to-client';
  bytes: Uint8Array;
  /** The octets are TLS records (the page's own TLS): an observer sees ciphertext from here on. */
  tls: boolean;
}

export interface LiveSessionSnapshot {
  host: string;
  port: number;
  /** The server's address as the relay reached it (from its `connected` message), when known. */
  address: string | null;
  openedAt: number;
  closed: { time: number; by: 'client' | 'server' } | null;
  writes: readonly LiveWrite[];
  /** SSLKEYLOGFILE lines of the page's TLS client (empty without TLS in the page). */
  keyLog: readonly string[];
  messages: readonly LiveHandshakeMessage[];
  /**
   * Set when the relay took over TLS (the asked-for TLS 1.2 fallback): the recording ends there,
   * since what the relay decrypts for the page is not what crossed the network.
   */
  stoppedBecause: string | null;
}

/** A page keeps at most this much of one session (a long FETCH of big messages would grow without end). */
export const MAX_RECORDED_OCTETS = 8 * 1024 * 1024;

/** Keeps a live session's chunks; bridge.ts calls it, the UI reads `snapshot()`. */
export class LiveRecorder {
  #writes: LiveWrite[] = [];
  #openedAt: number | null = null;
  #address: string | null = null;
  #closed: LiveSessionSnapshot['closed'] = null;
  #stopped: string | null = null;
  #octets = 0;

  constructor(
    readonly host: string,
    readonly port: number,
    private readonly clock: () => number,
  ) {}

  opened(address: string): void {
    if (this.#openedAt !== null) return;
    this.#openedAt = this.clock();
    this.#address = address;
  }

  add(direction: LiveWrite['direction'], bytes: Uint8Array, tls: boolean): void {
    if (this.#stopped !== null || this.#closed || bytes.length === 0) return;
    this.#openedAt ??= this.clock();
    if (this.#octets + bytes.length > MAX_RECORDED_OCTETS) return this.stop(`it keeps the first ${MAX_RECORDED_OCTETS / 1024 / 1024} MiB of a session`);
    this.#octets += bytes.length;
    // A copy: the caller's buffer may be reused (Node's WebSocket hands out views of its own).
    this.#writes.push({ time: this.clock(), direction, bytes: bytes.slice(), tls });
  }

  closed(by: 'client' | 'server' | 'relay'): void {
    if (this.#closed || this.#stopped !== null || this.#openedAt === null) return;
    // A relay that hangs up ends the TCP connection on the server's side of the capture.
    this.#closed = { time: this.clock(), by: by === 'client' ? 'client' : 'server' };
  }

  stop(why: string): void {
    this.#stopped ??= why;
  }

  snapshot(tls: { keyLog: readonly string[]; messages: readonly LiveHandshakeMessage[] }): LiveSessionSnapshot {
    return {
      host: this.host,
      port: this.port,
      address: this.#address,
      openedAt: this.#openedAt ?? this.clock(),
      closed: this.#closed,
      writes: [...this.#writes],
      keyLog: [...tls.keyLog],
      messages: [...tls.messages],
      stoppedBecause: this.#stopped,
    };
  }
}
