/**
 * One connection of a terminal: sends lines, turns the server's bytes into lines, records both in
 * the transcript and keeps the session record in the store up to date. It also starts TLS when
 * the server agrees to the learner's STARTTLS/STLS, and holds typed lines while TLS is pending.
 */
import type { TlsInfo } from '../../simulator/engine.ts';
import type { Transport, TransportEvent } from '../../simulator/transport.ts';
import type { MailProtocol } from '../../simulator/world/ports.ts';
import { appendTranscript, endSession, openSession, updateSession, type MailwireStore } from '../store/store.ts';
import type { SessionRecord } from '../store/session-slice.ts';
import { dialogueState, isPayloadLine, protocolFromGreeting, type DialogueState, StartTlsWatch, type StartTlsVerdict } from '../../simulator/observe/index.ts';

export interface ConnectionEvents {
  /** A complete line from the server (without its line ending). */
  line(text: string): void;
  open(remote: string, port: number): void;
  /** TLS is up. Return true to hold the dialogue (server lines and typed lines) until `resume()`. */
  tls(info: TlsInfo): boolean;
  /** The server answered the learner's STARTTLS/STLS. */
  starttls?(verdict: StartTlsVerdict): void;
  error(code: string, message: string): void;
  closed(by: string, reason: string | undefined, wasOpen: boolean): void;
}

/** Why typed lines wait instead of going out. */
type Hold = 'handshake' | 'starttls' | 'question' | null;

let counter = 0;

export class Connection {
  readonly session: SessionRecord;
  readonly #decoder = new TextDecoder();
  #partial = '';
  #unsubscribe: () => void;
  /** Lines typed while the connection cannot take them yet: sent, in order, once it can. */
  #queued: string[] = [];
  /** Server lines that arrived while the learner was being asked something. */
  #heldLines: string[] = [];
  #hold: Hold;
  #done = false;
  #protocol: MailProtocol | null;
  #dialogue: DialogueState | null;
  readonly #watch = new StartTlsWatch();

  constructor(
    readonly transport: Transport,
    protocol: MailProtocol | null,
    private readonly store: MailwireStore,
    private readonly clock: () => number,
    private readonly events: ConnectionEvents,
    meta: { terminalId: string; host: string; port: number; live?: boolean; implicitTls?: boolean },
  ) {
    const now = clock();
    const { live, implicitTls, ...record } = meta;
    this.session = {
      id: `${meta.terminalId}-${now.toString(36)}-${(counter++).toString(36)}`,
      ...record,
      status: 'connecting',
      tls: null,
      openedAt: now,
      closedAt: null,
      reason: null,
    };
    this.live = live ?? false;
    this.#protocol = protocol;
    this.#dialogue = protocol ? dialogueState(protocol) : null;
    // RFC 8314 §3: on an implicit-TLS port nothing is sent before the handshake is done.
    this.#hold = implicitTls ? 'handshake' : null;
    openSession(store, this.session);
    this.#unsubscribe = transport.on((e) => this.#handle(e));
  }

  /** Whether this connection goes through the relay to a live server. */
  readonly live: boolean;

  get status(): SessionRecord['status'] {
    return this.store.getState().sessions[this.session.id]?.status ?? 'closed';
  }

  /** The protocol: from the port, or from the server's greeting on an unusual port. */
  get protocol(): MailProtocol | null {
    return this.#protocol;
  }

  /** The server's state: the engine's own (virtual network), else as inferred from the dialogue. */
  get serverState(): string | null {
    const engine = (this.transport as { serverState?: unknown }).serverState;
    return typeof engine === 'string' ? engine : (this.#dialogue?.state ?? null);
  }

  /** Octets of a BDAT chunk or IMAP literal the server still reads as data (the dialogue counts them). */
  get octetsLeft(): number {
    return this.#dialogue?.octetsLeft ?? 0;
  }

  /** True while typed lines wait (connecting, TLS starting, a question pending). */
  get holding(): boolean {
    return this.#hold !== null || this.status === 'connecting';
  }

  /** Sends one line with the CRLF every one of these protocols ends lines with. */
  sendLine(text: string): void {
    if (this.holding) {
      this.#queued.push(text);
      return;
    }
    const bytes = new TextEncoder().encode(`${text}\r\n`);
    appendTranscript(this.store, this.session.id, { time: this.clock(), direction: 'client', bytes });
    this.transport.send(bytes);
    const state = this.serverState;
    const inData = state !== null && this.#protocol !== null && isPayloadLine(this.#protocol, state);
    this.#dialogue?.client(text);
    // RFC 3207 §4.2 / RFC 2595 §4: nothing more goes out until the server has answered.
    if (this.#protocol && !inData && !this.transport.tls && this.#watch.clientLine(this.#protocol, text)) this.#hold = 'starttls';
  }

  /** Lets the dialogue go on after a hold asked for by the `tls` event. */
  resume(): void {
    if (this.#done || this.#hold !== 'question') return;
    this.#hold = null;
    for (const line of this.#heldLines.splice(0)) this.events.line(line);
    this.#flush();
  }

  /** Closes from our side; the session ends now, whatever the transport reports later. */
  close(): void {
    if (this.#done) return;
    this.transport.close();
    this.#finish({ type: 'closed', by: 'client' });
  }

  #flush(): void {
    while (!this.holding && this.#queued.length > 0 && !this.#done) this.sendLine(this.#queued.shift() ?? '');
  }

  #handle(event: TransportEvent): void {
    if (this.#done) return;
    const id = this.session.id;
    switch (event.type) {
      case 'open':
        updateSession(this.store, id, { status: 'open' });
        this.events.open(event.remote, event.port);
        return this.#flush();
      case 'data':
        appendTranscript(this.store, id, { time: this.clock(), direction: 'server', bytes: event.bytes });
        return this.#takeLines(this.#decoder.decode(event.bytes, { stream: true }));
      case 'tls':
        return this.#tlsUp(event.info);
      case 'error':
        updateSession(this.store, id, { reason: `${event.code}: ${event.message}` });
        this.events.error(event.code, event.message);
        return;
      case 'closed':
        return this.#finish(event);
    }
  }

  #tlsUp(info: TlsInfo): void {
    updateSession(this.store, this.session.id, { tls: info });
    this.#dialogue?.tlsStarted();
    this.#hold = this.events.tls(info) ? 'question' : null;
    this.#flush();
  }

  #takeLines(text: string): void {
    const parts = (this.#partial + text).split('\n');
    this.#partial = parts.pop() ?? '';
    for (const p of parts) this.#serverLine(p.endsWith('\r') ? p.slice(0, -1) : p);
  }

  #serverLine(line: string): void {
    if (!this.#protocol) {
      this.#protocol = protocolFromGreeting(line);
      this.#dialogue = this.#protocol ? dialogueState(this.#protocol) : null;
    }
    this.#dialogue?.server(line);
    if (this.#hold === 'question') {
      this.#heldLines.push(line);
      return;
    }
    this.events.line(line);
    const verdict = this.#watch.serverLine(line);
    if (!verdict) return;
    this.events.starttls?.(verdict);
    if (verdict === 'agreed') this.transport.startTls();
    else {
      this.#hold = null;
      this.#flush();
    }
  }

  #finish(event: Extract<TransportEvent, { type: 'closed' }>): void {
    this.#done = true;
    this.#hold = null;
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
    this.#heldLines = [];
    this.#unsubscribe();
    this.events.closed(event.by, event.reason, wasOpen);
  }
}
