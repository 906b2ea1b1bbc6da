/**
 * A scripted client end for the attack scenarios and the ports probe: it sends a line, lets the
 * network settle (the cryptography runs, the engine answers), and returns what came back. Every
 * step is what a mail client would do; the transcript keeps it in the RFCs' C:/S: notation.
 */
import type { TlsInfo } from '../engine.ts';
import { utf8Bytes, utf8Text } from '../wire/bytes.ts';
import type { ConnectionEvent, ConnectOptions, VirtualConnection, VirtualNetwork } from '../net/virtual-network.ts';

export class ScriptedSession {
  readonly transcript: string[] = [];
  readonly events: ConnectionEvent[] = [];
  private received = '';

  private constructor(
    private readonly network: VirtualNetwork,
    readonly connection: VirtualConnection,
  ) {}

  /** Connects and waits for the greeting; a refused connection gives its error message instead. */
  static async open(network: VirtualNetwork, host: string, port: number, options: ConnectOptions): Promise<ScriptedSession | string> {
    const opened = network.connect(host, port, options);
    if (!opened.ok) return opened.message;
    const session = new ScriptedSession(network, opened.connection);
    opened.connection.open((e) => session.onEvent(e));
    await network.settle();
    return session;
  }

  get isOpen(): boolean {
    return this.connection.isOpen;
  }

  get tls(): TlsInfo | null {
    return this.connection.tls;
  }

  /** Everything the server said so far that nobody read yet. */
  take(): string {
    const text = this.received;
    this.received = '';
    return text;
  }

  /** Sends `text` (CRLF added) and returns the reply. */
  async say(text: string): Promise<string> {
    this.take();
    if (!this.isOpen) return '';
    this.note('C', text);
    this.connection.send(utf8Bytes(text + '\r\n'));
    await this.network.settle();
    return this.take();
  }

  /** Starts the TLS handshake the server agreed to; resolves to the TLS info, or null. */
  async startTls(): Promise<TlsInfo | null> {
    this.connection.startTls();
    await this.network.settle();
    return this.connection.tls;
  }

  async close(): Promise<void> {
    if (this.isOpen) this.connection.close();
    await this.network.settle();
  }

  /** The error the connection ended with, if any. */
  get error(): string | null {
    const e = this.events.find((x) => x.type === 'error');
    return e?.type === 'error' ? e.message : null;
  }

  private onEvent(e: ConnectionEvent): void {
    this.events.push(e);
    if (e.type === 'data') {
      const text = utf8Text(e.bytes);
      this.received += text;
      for (const line of text.split('\r\n').filter(Boolean)) this.note('S', line);
    } else if (e.type === 'tls') {
      this.transcript.push(`-- TLS: ${e.info.version} ${e.info.cipher}, certificate ${e.info.certificate?.subject ?? '?'} from ${e.info.certificate?.issuer ?? '?'}${e.info.authorized ? '' : ` (not trusted: ${e.info.authorizationError})`}`);
    } else if (e.type === 'error') {
      this.transcript.push(`-- error (${e.code}): ${e.message}`);
    } else {
      this.transcript.push(`-- closed by the ${e.by}${e.reason ? `: ${e.reason}` : ''}`);
    }
  }

  private note(who: 'C' | 'S', line: string): void {
    this.transcript.push(`${who}: ${line}`);
  }
}
