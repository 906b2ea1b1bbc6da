/**
 * The terminal's side of STARTTLS/STLS: after the learner asks for TLS and the server agrees,
 * the client must start the handshake before it sends anything else (RFC 3207 §4, RFC 2595 §4,
 * RFC 9051 §6.2.1). A learner cannot type a ClientHello, so this connector does it for them
 * the moment the positive reply arrives; a refusal leaves the connection in plaintext. When the
 * terminal's Connection starts TLS itself (it does once it knows STARTTLS), this stays out of
 * the way: TLS is asked for once per connection.
 */
import type { Connector, Transport, TransportEvent, TransportHandler } from '../../simulator/transport.ts';
import type { TlsInfo } from '../../simulator/engine.ts';
import type { MailProtocol } from '../../simulator/net/ports.ts';
import { portSpec } from '../../simulator/net/ports.ts';

/** A STARTTLS request the client sent: for IMAP, the tag its completion will carry. */
export interface TlsRequest {
  tag: string | null;
}

/** The request a client line makes, or null when the line asks for no TLS. */
export function tlsRequest(protocol: MailProtocol, line: string): TlsRequest | null {
  const text = line.trim();
  if (protocol === 'smtp') return /^STARTTLS$/i.test(text) ? { tag: null } : null;
  if (protocol === 'pop3') return /^STLS$/i.test(text) ? { tag: null } : null;
  const m = /^(\S+) STARTTLS$/i.exec(text);
  return m ? { tag: m[1] ?? '' } : null;
}

/** What a server line says to a pending request: go ahead, refused, or not the answer yet. */
export function tlsAnswer(protocol: MailProtocol, request: TlsRequest, line: string): 'go' | 'refused' | 'wait' {
  if (protocol === 'smtp') {
    // RFC 3207 §4: "220 Ready to start TLS"; 454/501 etc. refuse. A 2xx continuation line waits.
    if (!/^\d{3}[ ]|^\d{3}$/.test(line)) return 'wait';
    return line.startsWith('220') ? 'go' : 'refused';
  }
  if (protocol === 'pop3') return line.startsWith('+OK') ? 'go' : line.startsWith('-ERR') ? 'refused' : 'wait';
  const m = /^(\S+) (OK|NO|BAD)\b/i.exec(line);
  if (!m || m[1] !== request.tag) return 'wait';
  return m[2]?.toUpperCase() === 'OK' ? 'go' : 'refused';
}

export interface WatchedConnectorHooks {
  /** A connection opened through this connector: `sessionId` is the network's record of it. */
  onConnect?: (sessionId: string | null, host: string, port: number) => void;
}

/** Wraps a connector so every transport it opens starts TLS when the server agrees to STARTTLS. */
export class StartTlsConnector implements Connector {
  constructor(
    private readonly inner: Connector,
    private readonly hooks: WatchedConnectorHooks = {},
  ) {}

  connect(host: string, port: number, options?: { tls?: 'none' | 'implicit' }): Transport {
    const transport = this.inner.connect(host, port, options);
    const sessionId = (transport as { sessionId?: string | null }).sessionId ?? null;
    this.hooks.onConnect?.(sessionId, host, port);
    const protocol = portSpec(port)?.protocol;
    return protocol ? new StartTlsTransport(transport, protocol) : transport;
  }
}

class StartTlsTransport implements Transport {
  #pending: TlsRequest | null = null;
  #watched = false;
  /** TLS was asked for already (the terminal's own STARTTLS handling may do it first). */
  #started = false;
  #clientPartial = '';
  #serverPartial = '';
  readonly #decoder = new TextDecoder();

  constructor(
    private readonly inner: Transport,
    private readonly protocol: MailProtocol,
  ) {}

  get label(): string {
    return this.inner.label;
  }

  get tls(): TlsInfo | null {
    return this.inner.tls;
  }

  send(bytes: Uint8Array): void {
    const lines = (this.#clientPartial + new TextDecoder().decode(bytes)).split('\n');
    this.#clientPartial = lines.pop() ?? '';
    for (const line of lines) this.#pending = tlsRequest(this.protocol, line.replace(/\r$/, '')) ?? this.#pending;
    this.inner.send(bytes);
  }

  startTls(): void {
    if (this.#started) return;
    this.#started = true;
    this.inner.startTls();
  }

  close(): void {
    this.inner.close();
  }

  on(handler: TransportHandler): () => void {
    // Only the first handler watches, so TLS starts once however many listen.
    const watch = !this.#watched;
    this.#watched = true;
    return this.inner.on((event) => {
      handler(event);
      if (watch) this.#watch(event);
    });
  }

  #watch(event: TransportEvent): void {
    if (event.type !== 'data') return;
    const lines = (this.#serverPartial + this.#decoder.decode(event.bytes, { stream: true })).split('\n');
    this.#serverPartial = lines.pop() ?? '';
    for (const line of lines) {
      if (!this.#pending) return;
      const answer = tlsAnswer(this.protocol, this.#pending, line.replace(/\r$/, ''));
      if (answer === 'wait') continue;
      this.#pending = null;
      if (answer === 'go' && this.inner.tls === null) this.startTls();
    }
  }
}
