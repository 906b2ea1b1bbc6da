/**
 * Runs a sans-I/O client engine over a Transport: the transport's events go in, the engine's
 * writes, STARTTLS and close requests go out. Every line both ways lands in the device's
 * transcript, and every byte in its counters. The engines never see the transport.
 */
import type { Output, TlsInfo } from '../engine.ts';
import type { Transport, TransportEvent } from '../transport.ts';
import { utf8Text } from '../wire/bytes.ts';
import type { Transcript, WireLine } from './transcript.ts';

/** The client side of the engine contract (simulator/engine.ts), without timers. */
export interface ClientEngine<E> {
  start(now: number): Output<E>[];
  feed(bytes: Uint8Array, now: number): Output<E>[];
  tlsStarted(info: TlsInfo, now: number): Output<E>[];
  closed(now: number): Output<E>[];
}

/** Octets a device moved, both ways, over every connection it made. */
export interface ByteCounters {
  sent: number;
  received: number;
}

export interface DriverHooks<E> {
  now(): number;
  transcript: Transcript;
  counters: ByteCounters;
  /** The server lines an engine event stands for (the engine read them), or null. */
  wire(event: E): WireLine[] | null;
  /** Every engine event, with the id of the first line of the server response that caused it. */
  onEvent(event: E, lineId: string | null): void;
  /** The connection is gone, however it ended. */
  onClosed(): void;
}

export class ClientConnection<E> {
  private finished = false;
  /** The first line of the last response read. */
  private anchor: string | null = null;
  private readonly off: () => void;

  constructor(
    readonly transport: Transport,
    private readonly engine: ClientEngine<E>,
    private readonly hooks: DriverHooks<E>,
  ) {
    this.off = transport.on((event) => this.onTransport(event));
  }

  get closed(): boolean {
    return this.finished;
  }

  /** Carries out what the engine asked for, in order (also for calls made from outside). */
  apply(outputs: Output<E>[]): void {
    for (const out of outputs) {
      switch (out.type) {
        case 'write':
          this.write(out.bytes);
          break;
        case 'starttls':
          this.transport.startTls();
          break;
        case 'close':
          this.transport.close();
          break;
        case 'event':
          this.event(out.event);
          break;
        case 'timer':
          break; // the client engines set none; a stalled server is ended by the user
      }
    }
  }

  private write(bytes: Uint8Array): void {
    if (this.finished) return;
    this.hooks.counters.sent += bytes.length;
    const text = utf8Text(bytes).replace(/\r\n$/, '');
    for (const line of text.split('\r\n')) this.hooks.transcript.append({ direction: 'C', text: line }, this.hooks.now());
    this.transport.send(bytes);
  }

  private event(event: E): void {
    const lines = this.hooks.wire(event);
    if (lines?.length) {
      const now = this.hooks.now();
      // A response's first line (its status) is what the events after it point at.
      this.anchor = this.hooks.transcript.append(lines[0]!, now).id;
      for (const line of lines.slice(1)) this.hooks.transcript.append(line, now);
    }
    this.hooks.onEvent(event, this.anchor ?? this.hooks.transcript.lastId);
  }

  private onTransport(event: TransportEvent): void {
    if (this.finished) return;
    const now = this.hooks.now();
    const note = (text: string): void => {
      this.hooks.transcript.note(text, now);
    };
    switch (event.type) {
      case 'open':
        note(`connected to ${event.remote} port ${event.port}`);
        return this.apply(this.engine.start(now));
      case 'tls':
        note(`TLS established: ${event.info.version} ${event.info.cipher}`);
        return this.apply(this.engine.tlsStarted(event.info, now));
      case 'data':
        this.hooks.counters.received += event.bytes.length;
        return this.apply(this.engine.feed(event.bytes, now));
      case 'error':
        return note(`connection error (${event.code}): ${event.message}`);
      case 'closed':
        note(`connection closed by the ${event.by}${event.reason ? `: ${event.reason}` : ''}`);
        this.apply(this.engine.closed(now));
        this.finished = true;
        this.off();
        this.hooks.onClosed();
    }
  }
}
