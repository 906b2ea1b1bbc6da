/**
 * The browser half of bridge mode: a Transport to a live mail server through the relay
 * (docs/relay-protocol.md). Uses the platform WebSocket, so it runs in the page and in Node 22.
 *
 * TLS runs in the page by default (issue 18): after the server's go-ahead to STARTTLS/STLS, or from
 * the first byte on 465/993/995, our TLS 1.3 client (loaded lazily, ./browser-tls.ts) speaks over
 * the raw bytes the relay forwards, so the relay only ever carries ciphertext. Only a server that
 * does not speak TLS 1.3 makes the session fall back to TLS at the relay — after the learner was
 * told that the relay can then read it and said yes, and never with a `--no-terminate` relay.
 */
import type { TlsInfo } from '../engine.ts';
import { portSpec, type MailProtocol } from '../world/ports.ts';
import type { BrowserTls, BrowserTlsStep, LiveHandshakeMessage } from './browser-tls.ts';
import { LiveRecorder, type LiveSessionSnapshot } from './live-recording.ts';
import { parseRelayMessage, type BrowserMessage, type RelayMessage } from './relay-protocol.ts';
import { StartTlsReplay } from './starttls-replay.ts';
import type { Connector, Transport, TransportEvent, TransportHandler } from '../transport.ts';

/** What the page records of a live session (the live wire view and its capture read it). */
export type { LiveSessionSnapshot, LiveWrite } from './live-recording.ts';
export type { LiveHandshakeMessage } from './browser-tls.ts';

export const DEFAULT_RELAY_URL = 'ws://127.0.0.1:8787/relay';

export interface BridgeOptions {
  /** Where TLS runs: in the page (the default where the page can), or at the relay (it can read the session). */
  tlsAt?: 'page' | 'relay';
  /**
   * Asked before a session falls back to TLS at the relay (a server without TLS 1.3); resolves to
   * the learner's answer. Without it there is no fallback: the session ends with a TLS error.
   */
  confirmRelayTls?: (question: string) => Promise<boolean>;
}

/** Whether this page can run TLS itself: BigInt for the key exchange, a CSPRNG for its secrets. */
export function pageCanRunTls(): boolean {
  return typeof BigInt === 'function' && typeof globalThis.crypto?.getRandomValues === 'function';
}

export class BridgeConnector implements Connector {
  constructor(
    readonly relayUrl: string = DEFAULT_RELAY_URL,
    readonly options: BridgeOptions = {},
  ) {}

  connect(host: string, port: number, options: { tls?: 'none' | 'implicit' } = {}): BridgeTransport {
    const tls = options.tls ?? (portSpec(port)?.tls === 'implicit' ? 'implicit' : 'none');
    return new BridgeTransport(this.relayUrl, host, port, tls === 'implicit', this.options);
  }
}

/**
 * plain: bytes pass as they are; loading: the TLS code is being fetched; handshake/secure: TLS in
 * the page; asking: the learner decides on a fallback; replaying: a new connection is led back to
 * STARTTLS for the relay; relay: TLS (if any) is the relay's.
 */
type Phase = 'plain' | 'loading' | 'handshake' | 'secure' | 'asking' | 'replaying' | 'relay';

export class BridgeTransport implements Transport {
  readonly label: string;
  tls: TlsInfo | null = null;
  /** Where this session's TLS runs (the terminal says so beside the certificate summary). */
  tlsAt: 'page' | 'relay';
  private readonly handlers = new Set<TransportHandler>();
  private readonly backlog: TransportEvent[] = [];
  private ws!: WebSocket;
  private ended = false;
  private opened = false;
  /** What the relay said when it began to drain, shown as the reason when it closes the session. */
  private restarting: string | null = null;
  /** From the relay's hello; an older relay sends none: it terminates and offers no roots. */
  private relay = { terminates: true, roots: [] as string[] };
  private phase: Phase = 'plain';
  private engine: BrowserTls | null = null;
  /** Server bytes that came while the TLS code loaded; plaintext to send once TLS is up. */
  private inbound: Uint8Array[] = [];
  private outbound: Uint8Array[] = [];
  /** What the learner sent before STARTTLS (their EHLO name, for a fallback's replay). */
  private sentPlain = '';
  private replay: StartTlsReplay | null = null;
  /** What crossed the relay, for the live wire view and the pcapng download. */
  private readonly recorder: LiveRecorder;
  /** The page's TLS client's key log and handshake messages, kept when a fallback drops the engine. */
  private tlsLog: { keyLog: readonly string[]; messages: readonly LiveHandshakeMessage[] } = { keyLog: [], messages: [] };

  constructor(
    private readonly url: string,
    private readonly host: string,
    private readonly port: number,
    private readonly implicit: boolean,
    private readonly options: BridgeOptions,
  ) {
    this.label = `${host}:${port} (live)`;
    this.recorder = new LiveRecorder(host, port, () => Date.now());
    this.tlsAt = options.tlsAt ?? (pageCanRunTls() ? 'page' : 'relay');
    this.link(this.tlsAt === 'relay' && implicit ? 'implicit' : 'none');
  }

  /** Opens a WebSocket to the relay for this session; events of a replaced one are ignored. */
  private link(tls: 'none' | 'implicit'): void {
    const ws = new WebSocket(this.url);
    this.ws = ws;
    ws.binaryType = 'arraybuffer';
    ws.onopen = () => this.control({ type: 'connect', host: this.host, port: this.port, tls });
    ws.onmessage = (e: MessageEvent) => {
      if (this.ws !== ws) return;
      if (typeof e.data === 'string') this.onControl(e.data);
      else this.onBytes(new Uint8Array(e.data as ArrayBuffer));
    };
    ws.onerror = () => {
      if (this.ended || this.ws !== ws) return;
      this.emit({ type: 'error', code: 'REFUSED', message: `no relay answers at ${this.url}: start one with "npm run relay" (npm start runs one too)` });
      // Browsers follow an error with close; Node's WebSocket may not, so end here either way.
      this.finish('relay', 'could not reach the relay');
    };
    ws.onclose = () => {
      // While the learner decides on a fallback, the refused connection's end is not the session's.
      if (this.ws === ws && this.phase !== 'asking') this.finish('relay', 'the relay connection closed');
    };
  }

  private control(message: BrowserMessage): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(message));
  }

  private onControl(text: string): void {
    const m: RelayMessage | null = parseRelayMessage(text);
    if (!m) return this.emit({ type: 'error', code: 'PROTOCOL', message: 'the relay sent something that is not its protocol' });
    switch (m.type) {
      case 'hello':
        this.relay = { terminates: m.terminates, roots: m.roots };
        return;
      case 'connected':
        if (this.phase === 'replaying') return;
        this.recorder.opened(m.address);
        if (!this.opened) this.emit({ type: 'open', remote: `${this.host} (${m.address})`, port: this.port });
        this.opened = true;
        if (this.implicit && this.tlsAt === 'page') return this.beginTls();
        if (!this.implicit) for (const bytes of this.outbound.splice(0)) this.send(bytes);
        return;
      case 'tls':
        this.tls = {
          version: m.version,
          cipher: m.cipher,
          serverName: this.host,
          certificate: m.certificate ?? undefined,
          authorized: m.authorized,
          authorizationError: m.error,
        };
        this.phase = 'relay';
        this.recorder.stop('TLS ran at the relay from here: what it decrypted for the page is not what crossed the network');
        this.emit({ type: 'tls', info: this.tls });
        for (const bytes of this.outbound.splice(0)) this.wire(bytes);
        return;
      case 'error':
        return this.emit({ type: 'error', code: m.code.startsWith('POLICY') ? 'POLICY' : (m.code as Exclude<typeof m.code, `POLICY_${string}`>), message: m.message });
      case 'restarting':
        // The relay drains before it stops: keep going; its `closed` (with the reason) ends the session.
        this.restarting = m.message;
        return;
      case 'closed':
        if (this.phase === 'asking') return;
        // Some servers without TLS 1.3 hang up on its hello without an alert (RFC 8446 §6 asks for one).
        if (m.by === 'server' && this.engine?.awaitingServerHello) return this.fallback('it hung up on our TLS 1.3 hello');
        return this.finish(m.by, this.restarting && m.by === 'relay' ? this.restarting : m.reason);
    }
  }

  /** SSLKEYLOGFILE lines of the TLS this page ran (empty when the relay ran it): the page holds the keys. */
  get keylog(): readonly string[] {
    return this.engine?.keylog ?? [];
  }

  /** The session so far as it crossed the relay, with the page's key log: what "Download capture" saves. */
  recording(): LiveSessionSnapshot {
    return this.recorder.snapshot(this.engine ? { keyLog: this.engine.keylog, messages: this.engine.messages } : this.tlsLog);
  }

  /** Sends to the relay's stream, recording the octets (ciphertext once TLS in the page began). */
  private wire(bytes: Uint8Array): void {
    if (this.ws.readyState !== WebSocket.OPEN) return;
    this.recorder.add('to-server', bytes, this.tlsAt === 'page' && this.phase !== 'plain');
    this.ws.send(bytes);
  }

  private onBytes(bytes: Uint8Array): void {
    if (this.ended) return;
    this.recorder.add('to-client', bytes, this.tlsAt === 'page' && this.phase !== 'plain' && this.phase !== 'asking');
    if (this.phase === 'loading') this.inbound.push(bytes);
    else if (this.engine && (this.phase === 'handshake' || this.phase === 'secure')) this.apply(this.engine.feed(bytes));
    else if (this.phase === 'replaying') this.replayStep(this.replay?.server(bytes) ?? null);
    else if (this.phase !== 'asking') this.emit({ type: 'data', bytes });
  }

  /** Loads the TLS code (first use only: a dynamic import) and sends the ClientHello. */
  private beginTls(): void {
    if (this.phase !== 'plain') return;
    this.phase = 'loading';
    import('./browser-tls.ts').then(
      ({ BrowserTls }) => {
        if (this.ended) return;
        this.engine = new BrowserTls(this.host, this.relay.roots, () => Date.now());
        this.tlsLog = { keyLog: this.engine.keylog, messages: this.engine.messages };
        this.phase = 'handshake';
        this.apply(this.engine.start());
        for (const bytes of this.inbound.splice(0)) if (this.phase === 'handshake') this.apply(this.engine.feed(bytes));
      },
      (error: unknown) => {
        this.emit({ type: 'error', code: 'TLS', message: `the page could not load its TLS code: ${(error as Error).message}` });
        this.finish('client', 'TLS could not start');
      },
    );
  }

  private apply(step: BrowserTlsStep): void {
    for (const bytes of step.write) this.wire(bytes);
    if (step.failure?.kind === 'no-tls13') return this.fallback(step.failure.message);
    if (step.failure) {
      this.emit({ type: 'error', code: 'TLS', message: step.failure.message });
      return this.finish('client', step.failure.message);
    }
    // TLS is up before any data it carried (an implicit-TLS greeting may come with the server's
    // Finished): the terminal shows the certificate, and may ask about it, before the greeting.
    if (step.up) {
      this.phase = 'secure';
      this.tls = step.up;
      this.emit({ type: 'tls', info: step.up });
    }
    for (const bytes of step.data) this.emit({ type: 'data', bytes });
    if (step.up) for (const bytes of this.outbound.splice(0)) this.send(bytes);
    if (step.close) this.finish('server', 'the server closed TLS (close_notify)');
  }

  /** A server without TLS 1.3: only the relay could go on, and only if the learner agrees. */
  private fallback(why: string): void {
    this.engine = null;
    this.phase = 'asking';
    const refuse = (sentence: string) => {
      this.emit({ type: 'error', code: 'TLS', message: sentence });
      this.finish('client', sentence);
    };
    const what = `${this.host} did not take TLS 1.3, the only TLS this page speaks: ${why}`;
    if (!this.relay.terminates) return refuse(`${what}. This relay never decrypts sessions (--no-terminate), so it cannot do TLS 1.2 for you.`);
    const ask = this.options.confirmRelayTls;
    if (!ask) return refuse(`${what}.`);
    const question =
      `${what}. The relay can do TLS 1.2 for you, but then the relay decrypts this session and can read ` +
      'everything in it, passwords included. Let the relay read this session? (y/n)';
    void ask(question).then((yes) => {
      if (this.ended) return;
      if (!yes) return refuse('Not letting the relay read this session: closing it.');
      this.tlsAt = 'relay';
      this.recorder.stop('the relay ran TLS 1.2 for the rest of this session: what it decrypted for the page is not what crossed the network');
      const old = this.ws;
      if (this.implicit) {
        this.phase = 'relay';
        this.link('implicit');
      } else {
        this.phase = 'replaying';
        this.replay = new StartTlsReplay(this.protocol(), this.sentPlain);
        this.link('none');
      }
      old.close();
    });
  }

  /** The protocol of this port, for a STARTTLS replay (RFC 3207 / RFC 2595 verbs differ). */
  private protocol(): MailProtocol | null {
    return portSpec(this.port)?.protocol ?? null;
  }

  private replayStep(step: ReturnType<StartTlsReplay['server']> | null): void {
    if (!step) return;
    if (step.type === 'send') this.wire(new TextEncoder().encode(step.line));
    else if (step.type === 'agreed') this.control({ type: 'starttls' });
    else {
      this.emit({ type: 'error', code: 'TLS', message: `reconnecting for TLS at the relay failed: ${step.reason}` });
      this.finish('server', step.reason);
    }
  }

  private finish(by: 'server' | 'client' | 'relay', reason: string): void {
    if (this.ended) return;
    this.ended = true;
    this.recorder.closed(by);
    this.emit({ type: 'closed', by, reason });
    if (this.ws.readyState === WebSocket.OPEN) this.ws.close();
  }

  private emit(event: TransportEvent): void {
    if (this.handlers.size === 0) {
      this.backlog.push(event);
      return;
    }
    for (const h of [...this.handlers]) h(event);
  }

  send(bytes: Uint8Array): void {
    if (this.ended) return;
    if (this.phase === 'secure' && this.engine) return this.apply(this.engine.write(bytes));
    // Anything else but a plain (or relay-TLS) stream that is open waits: it goes out once TLS is up.
    if ((this.phase !== 'plain' && this.phase !== 'relay') || this.ws.readyState !== WebSocket.OPEN) {
      this.outbound.push(bytes);
      return;
    }
    if (this.phase === 'plain' && this.sentPlain.length < 4096) this.sentPlain += new TextDecoder().decode(bytes);
    this.wire(bytes);
  }

  startTls(): void {
    if (this.tlsAt === 'page') this.beginTls();
    else this.control({ type: 'starttls' });
  }

  close(): void {
    if (this.engine && this.phase === 'secure') for (const bytes of this.engine.close().write) this.wire(bytes);
    this.control({ type: 'close' });
    this.finish('client', 'closed by you');
  }

  on(handler: TransportHandler): () => void {
    this.handlers.add(handler);
    const queued = this.backlog.splice(0);
    for (const e of queued) handler(e);
    return () => this.handlers.delete(handler);
  }
}
