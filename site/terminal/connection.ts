/**
 * One connection of a terminal: sends lines, turns the server's bytes into lines, records both in
 * the transcript and keeps the session record in the store up to date.
 */
import type { Transport, TransportEvent } from '../../simulator/transport.ts';
import type { MailProtocol } from '../../simulator/net/ports.ts';
import { appendTranscript, endSession, openSession, updateSession, type MailwireStore } from '../store/store.ts';
import type { SessionRecord } from '../store/session-slice.ts';

export interface ConnectionEvents {
  /** A complete line from the server (without its line ending). */
  line(text: string): void;
  open(remote: string, port: number): void;
  tls(version: string, cipher: string): void;
  error(code: string, message: string): void;
  closed(by: string, reason: string | undefined, wasOpen: boolean): void;
}

let counter = 0;

export class Connection {
  readonly session: SessionRecord;
  readonly #decoder = new TextDecoder();
  #partial = '';
  #unsubscribe: () => void;
  /** Lines typed before the connection opened: sent, in order, once it does. */
  #queued: string[] = [];
  #done = false;

  constructor(
    readonly transport: Transport,
    readonly protocol: MailProtocol | null,
    private readonly store: MailwireStore,
    private readonly clock: () => number,
    private readonly events: ConnectionEvents,
    meta: { terminalId: string; host: string; port: number },
  ) {
    const now = clock();
    this.session = {
      id: `${meta.terminalId}-${now.toString(36)}-${(counter++).toString(36)}`,
      ...meta,
      status: 'connecting',
      tls: null,
      openedAt: now,
      closedAt: null,
      reason: null,
    };
    openSession(store, this.session);
    this.#unsubscribe = transport.on((e) => this.#handle(e));
  }

  get status(): SessionRecord['status'] {
    return this.store.getState().sessions[this.session.id]?.status ?? 'closed';
  }

  /** Sends one line with the CRLF every one of these protocols ends lines with. */
  sendLine(text: string): void {
    if (this.status === 'connecting') {
      this.#queued.push(text);
      return;
    }
    const bytes = new TextEncoder().encode(`${text}\r\n`);
    appendTranscript(this.store, this.session.id, { time: this.clock(), direction: 'client', bytes });
    this.transport.send(bytes);
  }

  /** Closes from our side; the session ends now, whatever the transport reports later. */
  close(): void {
    if (this.#done) return;
    this.transport.close();
    this.#finish({ type: 'closed', by: 'client' });
  }

  #handle(event: TransportEvent): void {
    if (this.#done) return;
    const id = this.session.id;
    switch (event.type) {
      case 'open':
        updateSession(this.store, id, { status: 'open' });
        this.events.open(event.remote, event.port);
        for (const line of this.#queued.splice(0)) this.sendLine(line);
        return;
      case 'data':
        appendTranscript(this.store, id, { time: this.clock(), direction: 'server', bytes: event.bytes });
        this.#takeLines(this.#decoder.decode(event.bytes, { stream: true }));
        return;
      case 'tls':
        updateSession(this.store, id, { tls: event.info });
        this.events.tls(event.info.version, event.info.cipher);
        return;
      case 'error':
        updateSession(this.store, id, { reason: `${event.code}: ${event.message}` });
        this.events.error(event.code, event.message);
        return;
      case 'closed':
        this.#finish(event);
        return;
    }
  }

  #takeLines(text: string): void {
    const parts = (this.#partial + text).split('\n');
    this.#partial = parts.pop() ?? '';
    for (const p of parts) this.events.line(p.endsWith('\r') ? p.slice(0, -1) : p);
  }

  #finish(event: Extract<TransportEvent, { type: 'closed' }>): void {
    this.#done = true;
    this.#takeLines(this.#decoder.decode());
    if (this.#partial) this.events.line(this.#partial);
    this.#partial = '';
    const wasOpen = this.status === 'open';
    const failed = !wasOpen && this.status === 'connecting';
    const previous = this.store.getState().sessions[this.session.id]?.reason ?? null;
    endSession(this.store, this.session.id, {
      status: failed ? 'failed' : 'closed',
      closedAt: this.clock(),
      reason: previous ?? event.reason ?? `closed by ${event.by}`,
    });
    this.#queued = [];
    this.#unsubscribe();
    this.events.closed(event.by, event.reason, wasOpen);
  }
}
