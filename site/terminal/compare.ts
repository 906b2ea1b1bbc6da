/**
 * "Compare with the simulator": runs one list of typed lines against a server, waiting for each
 * answer as the terminal's learner would, and keeps the transcript. Run once on the virtual
 * network and once live, the two transcripts sit side by side.
 */
import type { TlsInfo } from '../../simulator/engine.ts';
import type { MailProtocol } from '../../simulator/world/ports.ts';
import type { Transport, TransportEvent } from '../../simulator/transport.ts';
import { tlsSummary } from './certificate-text.ts';
import { protocolFromGreeting, expectsReply, replyComplete, StartTlsWatch } from '../../simulator/observe/index.ts';

export interface CompareLine {
  direction: 'client' | 'server' | 'note';
  text: string;
}

export interface CompareOptions {
  host: string;
  /** From the port; null to tell it from the greeting. */
  protocol: MailProtocol | null;
  /** How long to wait for each answer. */
  replyTimeoutMs?: number;
  /** Go on with a certificate nobody vouches for (a note says so); otherwise stop there. */
  acceptUntrusted?: boolean;
  /** Called with the transcript so far, whenever it grows. */
  onUpdate?: (lines: readonly CompareLine[]) => void;
}

type Waiter = () => boolean;

/** Runs `script` on `transport` and returns the transcript; the transport is closed at the end. */
export async function runScript(transport: Transport, script: readonly string[], options: CompareOptions): Promise<CompareLine[]> {
  const run = new ScriptRun(transport, options);
  try {
    return await run.play(script);
  } finally {
    run.dispose();
  }
}

class ScriptRun {
  readonly lines: CompareLine[] = [];
  #protocol: MailProtocol | null;
  #reply: string[] = [];
  #partial = '';
  readonly #decoder = new TextDecoder();
  #opened = false;
  #closed = false;
  #tls: TlsInfo | null = null;
  #waiter: Waiter | null = null;
  #wake: (() => void) | null = null;
  readonly #off: () => void;

  constructor(private readonly transport: Transport, private readonly options: CompareOptions) {
    this.#protocol = options.protocol;
    this.#off = transport.on((e) => this.#event(e));
  }

  async play(script: readonly string[]): Promise<CompareLine[]> {
    if (!(await this.#until(() => this.#opened || this.#closed)) || this.#closed) return this.#stop('the connection did not open');
    if (!(await this.#answer(null))) return this.lines;
    // Implicit TLS (465, 993, 995): the handshake came before the greeting.
    if (this.#tls && !this.#checkTls(this.#tls)) return this.lines;
    const watch = new StartTlsWatch();
    let inData = false;
    for (const line of script) {
      if (this.#closed) return this.#stop(`not sent (connection closed): ${line}`);
      this.#add('client', line);
      this.#reply = [];
      this.transport.send(new TextEncoder().encode(`${line}\r\n`));
      const protocol = this.#protocol;
      if (!protocol || !expectsReply(protocol, inData, line)) continue;
      const asksTls = !this.#tls && !inData && watch.clientLine(protocol, line);
      if (!(await this.#answer(line))) return this.lines;
      const last = this.#reply.at(-1) ?? '';
      inData = protocol === 'smtp' && (inData ? last.startsWith('354') : /^354(?: |$)/.test(last));
      if (asksTls && this.#reply.map((l) => watch.serverLine(l)).includes('agreed') && !(await this.#startTls())) return this.lines;
    }
    return this.lines;
  }

  dispose(): void {
    this.#off();
    if (!this.#closed) this.transport.close();
  }

  /** Waits for the answer to `command` (null: the greeting), collected in #reply since it went out; false when the run must stop. */
  async #answer(command: string | null): Promise<boolean> {
    const done = () => this.#closed || (this.#protocol !== null && replyComplete({ protocol: this.#protocol, command }, this.#reply));
    if (await this.#until(done)) return !this.#closed || command !== null;
    this.#add('note', `no answer within ${(this.options.replyTimeoutMs ?? 5000) / 1000} s`);
    return true;
  }

  async #startTls(): Promise<boolean> {
    this.transport.startTls();
    const started = await this.#until(() => this.#tls !== null || this.#closed);
    if (started && this.#tls) return this.#checkTls(this.#tls);
    this.#stop('TLS did not start');
    return false;
  }

  #checkTls(info: TlsInfo): boolean {
    this.#add('note', tlsSummary(info, this.options.host));
    if (info.authorized !== false) return true;
    if (this.options.acceptUntrusted) {
      this.#add('note', `going on although the certificate is not trusted: ${info.authorizationError ?? 'not verified'}`);
      return true;
    }
    this.#stop(`stopped: the certificate is not trusted (${info.authorizationError ?? 'not verified'})`);
    return false;
  }

  #event(e: TransportEvent): void {
    switch (e.type) {
      case 'open': this.#opened = true; break;
      case 'data': this.#data(this.#decoder.decode(e.bytes, { stream: true })); break;
      case 'tls': this.#tls = e.info; break;
      case 'error': this.#add('note', `${e.code}: ${e.message}`); break;
      case 'closed': this.#closed = true; this.#add('note', `connection closed by ${e.by === 'client' ? 'us' : `the ${e.by}`}`); break;
    }
    if (this.#waiter?.()) this.#wake?.();
  }

  #data(text: string): void {
    const parts = (this.#partial + text).split('\n');
    this.#partial = parts.pop() ?? '';
    for (const p of parts) {
      const line = p.endsWith('\r') ? p.slice(0, -1) : p;
      this.#protocol ??= protocolFromGreeting(line);
      this.#reply.push(line);
      this.#add('server', line);
    }
  }

  #add(direction: CompareLine['direction'], text: string): void {
    this.lines.push({ direction, text });
    this.options.onUpdate?.(this.lines);
  }

  #stop(note: string): CompareLine[] {
    this.#add('note', note);
    return this.lines;
  }

  /** Resolves true when `ready` holds, false after the reply timeout. */
  #until(ready: Waiter): Promise<boolean> {
    if (ready()) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => finish(false), this.options.replyTimeoutMs ?? 5000);
      const finish = (ok: boolean): void => {
        clearTimeout(timer);
        this.#waiter = null;
        this.#wake = null;
        resolve(ok);
      };
      this.#waiter = ready;
      this.#wake = () => finish(true);
    });
  }
}
