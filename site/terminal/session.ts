/**
 * The terminal's behaviour without a screen: keys in, VT text out. The island wires it to xterm.js;
 * tests drive it directly. It owns the line editor, the history, the slash commands and the
 * current connection.
 */
import type { TlsInfo } from '../../simulator/engine.ts';
import type { Connector, Transport } from '../../simulator/transport.ts';
import { BridgeConnector, type LiveSessionSnapshot } from '../../simulator/transports/bridge.ts';
import { portSpec, type MailProtocol } from '../../simulator/world/ports.ts';
import { terminalRecord, updateTerminal, transcriptOf, type MailwireStore } from '../store/store.ts';
import { classifyServerLine, printable, styled, LINE_STYLE, type LineKind } from './colour.ts';
import { tlsSummary, untrustedQuestion } from './certificate-text.ts';
import { certificateQuestion, relayTlsQuestion, tlsWhere, type Question } from './tls-questions.ts';
import { SLASH_COMMANDS, findSlashCommand } from './commands/registry.ts';
import type { ConnectOptions, SlashCommand, TerminalControl } from './commands/types.ts';
import { complete, type CompletionSource } from './completion.ts';
import { didYouMean } from './did-you-mean.ts';
import { errorText, liveErrorText, tryingText } from './connect-messages.ts';
import { Connection } from './connection.ts';
import { hostsOf, type HostListing } from './connector.ts';
import { History } from './history.ts';
import { type KeyValueStorage } from '../browser/page-storage.ts';
import { applyKey } from './key-actions.ts';
import { parseKeys, type Key } from './keys.ts';
import { LineEditor } from './line-editor.ts';
import { liveDefault, relayUrlOf, setLiveDefault, setRelayUrl } from './relay-setting.ts';
import { completionSource } from './state-commands.ts';
import { payloadNote } from './payload-note.ts';
import { touchChips } from './touch-chips.ts';
import { transcriptFileName, transcriptText } from './transcript-text.ts';

export interface TerminalScreen {
  write(data: string): void;
}

export interface TerminalSessionOptions {
  terminalId: string;
  screen: TerminalScreen;
  connector: Connector;
  store: MailwireStore;
  storage: KeyValueStorage;
  hosts?: () => HostListing[];
  clock?: () => number;
  download?: (fileName: string, text: string) => void;
  /** Saves a binary file (the live capture, pcapng). */
  downloadBytes?: (fileName: string, bytes: Uint8Array) => void;
  /** What Tab may complete for a protocol in a server state (null: unknown). */
  completions?: (protocol: MailProtocol, state: string | null) => CompletionSource;
  /** The connector for live servers through a relay (bridge mode). */
  liveConnector?: (relayUrl: string) => Connector;
  /** Whether /connect goes live by default (the lab's "Live" switch); unset: as last chosen here. */
  live?: boolean;
  cols?: number;
}

const CLEAR_SCREEN = '\x1b[H\x1b[2J\x1b[3J';
export const BANNER = 'Mailwire protocol terminal. Type /help for commands, or /connect HOST PORT.';

export class TerminalSession {
  readonly editor: LineEditor;
  readonly history: History;
  #connection: Connection | null = null;
  readonly #o: Required<Omit<TerminalSessionOptions, 'cols' | 'live'>>;
  #typing = true;
  /** A yes/no question the next line answers (an untrusted certificate, TLS at the relay). */
  #question: Question | null = null;
  /** The last line sent to the server, until a refusal of it got its "did you mean" note. */
  #sent: string | null = null;
  /** The last live connection: its recording (what crossed the relay) outlives it, for /capture. */
  #lastLive: Transport | null = null;

  constructor(options: TerminalSessionOptions) {
    this.#o = {
      hosts: () => hostsOf(options.connector),
      clock: () => Date.now(),
      download: () => {},
      downloadBytes: () => {},
      completions: completionSource,
      liveConnector: (url) => new BridgeConnector(url, { confirmRelayTls: (q) => this.#askRelayTls(q) }),
      ...options,
    };
    if (options.live !== undefined) this.live = options.live;
    this.editor = new LineEditor(options.cols ?? 80);
    this.history = new History(options.storage, options.terminalId);
    this.#updatePrompt();
  }

  /** Prints the banner and the first prompt. */
  start(): void {
    this.#print(BANNER, 'note');
    this.#write(this.editor.render());
  }

  /** Raw input from the terminal emulator: typed keys, escape sequences, pasted text. */
  input(data: string): void {
    for (const key of parseKeys(data)) this.#key(key);
  }

  /** Runs a whole line as if typed and entered (the touch input row and the command chips). */
  submit(line: string): void {
    this.editor.set(line.replace(/[\r\n]+/g, ' '));
    this.#enter();
  }

  resize(cols: number): void {
    const wasVisible = this.editor.visible;
    const hide = this.editor.hide();
    this.editor.cols = Math.max(1, cols);
    if (wasVisible) this.#write(hide + this.editor.render());
  }

  dispose(): void {
    this.#connection?.close();
    this.#connection = null;
  }

  get connection(): Connection | null {
    return this.#connection;
  }

  /** Whether /connect HOST PORT reaches live servers through the relay (remembered per terminal). */
  get live(): boolean {
    return liveDefault(this.#o.storage, this.#o.terminalId);
  }

  set live(on: boolean) {
    setLiveDefault(this.#o.storage, this.#o.terminalId, on);
  }

  get relayUrl(): string {
    return relayUrlOf(this.#o.storage);
  }

  set relayUrl(url: string) {
    setRelayUrl(this.#o.storage, url);
  }

  #key(key: Key): void {
    const e = this.editor;
    switch (applyKey(e, this.history, key)) {
      case 'enter': return this.#enter();
      case 'tab': return this.#tab();
      case 'ignore': return;
      case 'interrupt':
        e.end();
        this.#write(e.render() + styled('note', '^C') + e.commit());
        e.take();
        this.history.reset();
        break;
      case 'clear':
        e.hide();
        this.#write(CLEAR_SCREEN);
        break;
      case 'render': break;
    }
    this.#write(e.render());
  }

  #enter(): void {
    const line = this.editor.text;
    this.#write(this.editor.commit());
    this.editor.take();
    this.history.add(line);
    this.#typing = false;
    try {
      this.#run(line);
    } finally {
      this.#typing = true;
      this.#updatePrompt();
      this.#write(this.editor.render());
    }
  }

  #run(line: string): void {
    // Slash commands still work while a question waits (/disconnect is an answer too).
    if (this.#question && !line.startsWith('/')) return this.#answer(line);
    if (line.startsWith('/') && !line.startsWith('//')) return this.#slash(line);
    const text = line.startsWith('//') ? line.slice(1) : line;
    if (this.#connection) {
      this.#sent = text;
      return this.#connection.sendLine(text);
    }
    if (line.trim() !== '') this.#print('Not connected: /connect HOST PORT first (/hosts lists the servers).', 'note');
  }

  #slash(line: string): void {
    const m = /^\/(\S*)(?:\s(.*))?$/s.exec(line);
    const name = m?.[1] ?? '';
    const command = findSlashCommand(name);
    if (!command) {
      this.#print(`Unknown command "/${printable(name)}". Type /help for the list.`, 'error');
      return;
    }
    command.run({ print: (t, k) => this.#print(t, k), usage: () => this.#usage(command), terminal: this.#control }, m?.[2] ?? '');
  }

  #usage(command: SlashCommand): void {
    this.#print(`Usage: ${command.usage}`, 'error');
  }

  #tab(): void {
    const e = this.editor;
    const before = e.beforeCursor;
    const c = this.#connection;
    const protocol = c?.protocol ?? null;
    const result = before.trimStart().startsWith('/')
      ? complete(before, { words: SLASH_COMMANDS.map((s) => `/${s.name}`) })
      : protocol && c
        ? complete(before, this.#o.completions(protocol, c.serverState))
        : null;
    if (!result) return;
    const unchanged = result.insert.length === result.replace;
    e.replaceBefore(result.replace, result.insert);
    if (unchanged && result.candidates.length > 1) this.#print(result.candidates.join('  '), 'note');
    else this.#write(e.render());
  }

  /** Prints one line above the prompt, keeping what is being typed. */
  #print(text: string, kind: LineKind = 'plain'): void {
    const visible = this.editor.visible;
    this.#write(this.editor.hide() + styled(kind, text) + '\r\n' + (visible && this.#typing ? this.editor.render() : ''));
  }

  #write(data: string): void {
    if (data) this.#o.screen.write(data);
  }

  #updatePrompt(): void {
    const c = this.#connection;
    const tls = c && this.#o.store.getState().sessions[c.session.id]?.tls ? ' tls' : '';
    const payload = c?.protocol ? payloadNote(c.protocol, c.serverState, c.octetsLeft) : null;
    const where = c ? `${c.session.host}:${c.session.port}${c.live ? ' live' : ''}${tls}${c.status === 'connecting' ? ' connecting' : ''}${payload ? ` [${payload}]` : ''}` : 'mailwire';
    this.editor.prompt = this.#question ? { text: 'Go on? (y/n) ', style: '1;33' } : { text: `${where}> `, style: '1' };
    this.editor.textStyle = c ? LINE_STYLE.client : '';
    updateTerminal(this.#o.store, this.#o.terminalId, { prompt: this.editor.prompt.text, chips: touchChips(c?.protocol ?? null, c?.serverState ?? null) });
  }

  /** Redraws the prompt after the connection changed state while the learner may be typing. */
  #refreshPrompt(): void {
    this.#updatePrompt();
    if (this.editor.visible) this.#write(this.editor.render());
  }

  #connect(host: string, port: number, options: ConnectOptions): void {
    const spec = portSpec(port);
    const live = options.live ?? this.live;
    const tls = options.tls ?? (spec?.tls === 'implicit' ? 'implicit' : 'none');
    const relay = live ? this.relayUrl : null;
    this.#sent = null;
    this.#print(tryingText(host, port, spec, tls === 'implicit', relay), 'note');
    const connector = relay ? this.#o.liveConnector(relay) : this.#o.connector;
    const transport = connector.connect(host, port, { tls });
    if (relay) this.#lastLive = transport;
    const meta = { terminalId: this.#o.terminalId, host, port, live, implicitTls: tls === 'implicit' };
    this.#connection = new Connection(transport, spec?.protocol ?? null, this.#o.store, this.#o.clock, {
      line: (t) => {
        // A reply may move the server into (or out of) reading data: the prompt under it says so.
        this.#updatePrompt();
        this.#print(printable(t), classifyServerLine(t, this.#connection?.protocol ?? null));
        this.#suggest(t);
      },
      open: (remote, p) => {
        // The relay reports "host (address)"; the virtual network the host alone.
        const who = remote.startsWith(host) ? remote : `${host}${remote ? ` (${remote})` : ''}`;
        this.#print(`Connected to ${who} port ${p}.`, 'note');
        this.#refreshPrompt();
      },
      tls: (info) => this.#tlsStarted(info, host),
      error: (code, message) => {
        const lines = relay ? liveErrorText(host, port, code, message, relay) : [errorText(host, port, code, message)];
        for (const l of lines) this.#print(l, 'error');
      },
      closed: (by, reason, wasOpen) => {
        this.#connection = null;
        this.#question = null;
        if (wasOpen) this.#print(by === 'client' ? 'Connection closed by you.' : `Connection closed by the ${by}${reason ? `: ${reason}` : ''}.`, 'note');
        this.#refreshPrompt();
      },
    }, meta);
  }

  /** After the server's own reply, the terminal's note on a mistyped command word ("did you mean EHLO?"). */
  #suggest(reply: string): void {
    const protocol = this.#connection?.protocol;
    const hint = protocol && this.#sent !== null ? didYouMean(protocol, this.#sent, reply) : null;
    if (!hint) return;
    this.#sent = null;
    this.#print(hint, 'note');
  }

  /** Shows the TLS summary; with a certificate nobody vouches for, asks before going on. */
  #tlsStarted(info: TlsInfo, host: string): boolean {
    this.#print(tlsSummary(info, host), 'note');
    const where = this.#connection ? tlsWhere(this.#connection.transport, this.#connection.live) : null;
    if (where) this.#print(where, 'note');
    if (info.authorized !== false) {
      this.#refreshPrompt();
      return false;
    }
    this.#print(untrustedQuestion(info), 'transient');
    this.#question = certificateQuestion((yes) => {
      const c = this.#connection;
      if (yes) c?.resume();
      else c?.close();
    });
    this.#refreshPrompt();
    return true;
  }

  /** Live mode, a server without TLS 1.3: TLS could only run at the relay, which could then read the session. */
  #askRelayTls(question: string): Promise<boolean> {
    this.#print(question, 'transient');
    return new Promise((resolve) => {
      this.#question = relayTlsQuestion(resolve);
      this.#refreshPrompt();
    });
  }


  /** A mail client's choice on an untrusted certificate: y goes on, n hangs up. */
  #answer(line: string): void {
    const a = line.trim().toLowerCase();
    const ask = this.#question;
    if (!ask) return;
    if (a !== 'y' && a !== 'yes' && a !== 'n' && a !== 'no') {
      this.#print(`Please answer ${ask.choices}.`, 'note');
      return;
    }
    this.#question = null;
    this.#print(a.startsWith('y') ? ask.yes : ask.no, 'note');
    ask.answer(a.startsWith('y'));
  }

  readonly #control: TerminalControl = {
    connect: (host, port, options) => this.#connect(host, port, options),
    live: (on) => {
      if (on !== undefined) this.live = on;
      return this.live;
    },
    relay: (url) => {
      if (url !== undefined) this.relayUrl = url;
      return this.relayUrl;
    },
    disconnect: () => this.#connection?.close(),
    clear: () => {
      this.editor.hide();
      this.#write(CLEAR_SCREEN);
    },
    history: () => this.history.entries,
    hosts: () => this.#o.hosts(),
    save: () => this.#save(),
    capture: () => this.#capture(),
    connection: () => (this.#connection ? { host: this.#connection.session.host, port: this.#connection.session.port } : null),
    commands: () => SLASH_COMMANDS,
    columns: () => this.editor.cols,
  };

  async #capture(): Promise<{ file: string; keyLines: number } | null> {
    const t = this.#lastLive as (Transport & { recording?: () => LiveSessionSnapshot }) | null;
    const snapshot = t?.recording?.();
    if (!snapshot || snapshot.writes.length === 0) return null;
    // The writer loads on first use: a terminal that never captures carries none of it.
    const { capturePcapng, liveCapture, liveCaptureFileName } = await import('../../simulator/capture/index.ts');
    const file = liveCaptureFileName(snapshot);
    this.#o.downloadBytes(file, capturePcapng(liveCapture(snapshot)));
    return { file, keyLines: snapshot.keyLog.length };
  }

  #save(): string | null {
    const store = this.#o.store;
    const t = terminalRecord(store, this.#o.terminalId);
    const id = t.sessionId ?? t.lastSessionId;
    const session = id ? store.getState().sessions[id] : undefined;
    if (!session) return null;
    const name = transcriptFileName(session);
    this.#o.download(name, transcriptText(session, transcriptOf(store, session.id)));
    return name;
  }
}
