/** Builds a TerminalSession wired to test doubles: a screen model, memory storage, a scripted network. */
import type { Connector, Transport, TransportEvent, TransportHandler } from '../../../simulator/transport.ts';
import type { TlsInfo } from '../../../simulator/engine.ts';
import { createMailwireStore, type MailwireStore } from '../../store/store.ts';
import { EventQueue, type HostListing } from '../connector.ts';
import { MemoryStorage, type KeyValueStorage } from '../../browser/page-storage.ts';
import { TerminalSession } from '../session.ts';
import { ScreenModel } from './screen-model.ts';

/** A transport the test plays the server of: `emit` events, read `sent`. */
export class ScriptedTransport implements Transport {
  tls: TlsInfo | null = null;
  readonly sent: string[] = [];
  closedByClient = false;
  /** How many times the client asked for TLS (after the server agreed to STARTTLS/STLS). */
  startTlsCalls = 0;
  readonly #events = new EventQueue();

  constructor(readonly label: string, readonly options: { tls?: 'none' | 'implicit' } | undefined) {}

  send(bytes: Uint8Array): void {
    this.sent.push(new TextDecoder().decode(bytes));
  }
  startTls(): void {
    this.startTlsCalls++;
  }
  close(): void {
    this.closedByClient = true;
  }
  on(handler: TransportHandler): () => void {
    return this.#events.on(handler);
  }
  emit(event: TransportEvent): void {
    this.#events.emit(event);
  }
  /** The server's lines, each sent with CRLF. */
  reply(...lines: string[]): void {
    this.emit({ type: 'data', bytes: new TextEncoder().encode(lines.map((l) => `${l}\r\n`).join('')) });
  }
}

export class ScriptedConnector implements Connector {
  readonly transports: ScriptedTransport[] = [];
  constructor(private readonly listing: HostListing[] = []) {}
  connect(host: string, port: number, options?: { tls?: 'none' | 'implicit' }): ScriptedTransport {
    const t = new ScriptedTransport(`${host}:${port}`, options);
    this.transports.push(t);
    return t;
  }
  hosts(): HostListing[] {
    return this.listing;
  }
  get last(): ScriptedTransport {
    const t = this.transports.at(-1);
    if (!t) throw new Error('no connection was opened');
    return t;
  }
}

export interface Harness {
  session: TerminalSession;
  screen: ScreenModel;
  /** Every byte the session wrote, escapes included. */
  raw: string[];
  store: MailwireStore;
  storage: KeyValueStorage;
  downloads: Array<{ name: string; text: string }>;
  /** Binary files saved (/capture's pcapng). */
  files: Array<{ name: string; bytes: Uint8Array }>;
  /** Types text (escape sequences allowed) as the emulator would report it. */
  type(data: string): void;
  /** Types a line and presses Enter. */
  enter(line: string): void;
  /** What the screen shows, one string per row. */
  lines(): string[];
  /**
   * Resolves on the screen write that makes a row match `pattern` (at once if one does): waits on
   * the session's output, not on a clock. Rejects with the screen if it has not come in `ms`.
   */
  shows(pattern: RegExp, ms?: number): Promise<void>;
}

export const T0 = Date.UTC(2026, 0, 2, 3, 4, 5);

export function makeHarness(
  options: {
    connector?: Connector;
    storage?: KeyValueStorage;
    cols?: number;
    terminalId?: string;
    store?: MailwireStore;
    /** Bridge mode: the connector live connections use, given the relay URL. */
    liveConnector?: (relayUrl: string) => Connector;
    live?: boolean;
  } = {},
): Harness {
  const screen = new ScreenModel(options.cols ?? 80);
  const raw: string[] = [];
  const store = options.store ?? createMailwireStore();
  const storage = options.storage ?? new MemoryStorage();
  const downloads: Array<{ name: string; text: string }> = [];
  const files: Array<{ name: string; bytes: Uint8Array }> = [];
  let now = T0;
  const watchers = new Set<() => void>();
  const session = new TerminalSession({
    terminalId: options.terminalId ?? 'test',
    screen: { write: (d) => { raw.push(d); screen.write(d); for (const w of [...watchers]) w(); } },
    connector: options.connector ?? new ScriptedConnector(),
    store,
    storage,
    clock: () => (now += 10),
    download: (name, text) => downloads.push({ name, text }),
    downloadBytes: (name, bytes) => files.push({ name, bytes }),
    cols: options.cols ?? 80,
    ...(options.liveConnector ? { liveConnector: options.liveConnector } : {}),
    ...(options.live === undefined ? {} : { live: options.live }),
  });
  session.start();
  return {
    session, screen, raw, store, storage, downloads, files,
    type: (d) => session.input(d),
    enter: (line) => session.input(`${line}\r`),
    lines: () => screen.lines(),
    shows: (pattern, ms = 5_000) => new Promise<void>((resolve, reject) => {
      const shown = (): boolean => screen.lines().some((l) => pattern.test(l));
      if (shown()) return resolve();
      const give = setTimeout(() => {
        watchers.delete(check);
        reject(new Error(`screen never showed ${pattern}:\n${screen.lines().join('\n')}`));
      }, ms);
      const check = (): void => {
        if (!shown()) return;
        clearTimeout(give);
        watchers.delete(check);
        resolve();
      };
      watchers.add(check);
    }),
  };
}

/** Lets queued transport events (delivered in microtasks) arrive. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
}
