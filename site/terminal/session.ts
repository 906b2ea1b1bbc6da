/**
 * The terminal's behaviour without a screen: keys in, VT text out. The island wires it to xterm.js;
 * tests drive it directly. It owns the line editor, the history, the slash commands and the
 * current connection.
 */
import type { Connector } from '../../simulator/transport.ts';
import { portSpec, type MailProtocol } from '../../simulator/net/ports.ts';
import { terminalRecord, updateTerminal, transcriptOf, type MailwireStore } from '../store/store.ts';
import { classifyServerLine, printable, styled, LINE_STYLE, type LineKind } from './colour.ts';
import { SLASH_COMMANDS, findSlashCommand } from './commands/registry.ts';
import type { SlashCommand, TerminalControl } from './commands/types.ts';
import { complete } from './completion.ts';
import { Connection } from './connection.ts';
import { hostsOf, type HostListing } from './connector.ts';
import { History, type KeyValueStorage } from './history.ts';
import { parseKeys, type Key } from './keys.ts';
import { LineEditor } from './line-editor.ts';
import { PROTOCOL_COMMANDS } from './protocol-commands.ts';
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
  /** The verbs Tab may complete for a protocol (later: those the engine's current state allows). */
  completions?: (protocol: MailProtocol) => readonly string[];
  cols?: number;
}

const CLEAR_SCREEN = '\x1b[H\x1b[2J\x1b[3J';
export const BANNER = 'Mailwire protocol terminal. Type /help for commands, or /connect HOST PORT.';

export class TerminalSession {
  readonly editor: LineEditor;
  readonly history: History;
  #connection: Connection | null = null;
  readonly #o: Required<Omit<TerminalSessionOptions, 'cols'>>;
  #typing = true;

  constructor(options: TerminalSessionOptions) {
    this.#o = {
      hosts: () => hostsOf(options.connector),
      clock: () => Date.now(),
      download: () => {},
      completions: (p) => PROTOCOL_COMMANDS[p],
      ...options,
    };
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

  #key(key: Key): void {
    const e = this.editor;
    switch (key.type) {
      case 'text': e.insert(key.text); break;
      case 'enter': return this.#enter();
      case 'backspace': e.backspace(); break;
      case 'delete': e.deleteForward(); break;
      case 'left': e.left(); break;
      case 'right': e.right(); break;
      case 'word-left': e.wordLeft(); break;
      case 'word-right': e.wordRight(); break;
      case 'home': e.home(); break;
      case 'end': e.end(); break;
      case 'up': { const t = this.history.previous(e.text); if (t !== undefined) e.set(t); break; }
      case 'down': { const t = this.history.next(); if (t !== undefined) e.set(t); break; }
      case 'tab': return this.#tab();
      case 'ctrl': return this.#ctrl(key.key);
    }
    this.#write(e.render());
  }

  #ctrl(letter: string): void {
    const e = this.editor;
    switch (letter) {
      case 'a': e.home(); break;
      case 'e': e.end(); break;
      case 'u': e.killToStart(); break;
      case 'k': e.killToEnd(); break;
      case 'w': e.killWordBefore(); break;
      case 'c': {
        e.end();
        this.#write(e.render() + styled('note', '^C') + e.commit());
        e.take();
        this.history.reset();
        break;
      }
      case 'l': {
        e.hide();
        this.#write(CLEAR_SCREEN);
        break;
      }
      default: return; // other control keys do nothing here
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
    if (line.startsWith('/') && !line.startsWith('//')) return this.#slash(line);
    const text = line.startsWith('//') ? line.slice(1) : line;
    if (this.#connection) return this.#connection.sendLine(text);
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
    const protocol = this.#connection?.protocol ?? null;
    const result = before.trimStart().startsWith('/')
      ? complete(before, SLASH_COMMANDS.map((c) => `/${c.name}`))
      : protocol && this.#connection
        ? complete(before, this.#o.completions(protocol), protocol === 'imap' ? 1 : 0)
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
    const where = c ? `${c.session.host}:${c.session.port}${tls}${c.status === 'connecting' ? ' connecting' : ''}` : 'mailwire';
    this.editor.prompt = { text: `${where}> `, style: '1' };
    this.editor.textStyle = c ? LINE_STYLE.client : '';
    updateTerminal(this.#o.store, this.#o.terminalId, { prompt: this.editor.prompt.text });
  }

  /** Redraws the prompt after the connection changed state while the learner may be typing. */
  #refreshPrompt(): void {
    this.#updatePrompt();
    if (this.editor.visible) this.#write(this.editor.render());
  }

  #connect(host: string, port: number): void {
    const spec = portSpec(port);
    this.#print(`Trying ${host} port ${port}${spec ? ` (${spec.protocol.toUpperCase()}${spec.tls === 'implicit' ? ' over TLS' : ''})` : ''}...`, 'note');
    const transport = this.#o.connector.connect(host, port, { tls: spec?.tls === 'implicit' ? 'implicit' : 'none' });
    this.#connection = new Connection(transport, spec?.protocol ?? null, this.#o.store, this.#o.clock, {
      line: (t) => this.#print(printable(t), classifyServerLine(t, spec?.protocol ?? null)),
      open: (remote, p) => {
        this.#print(`Connected to ${host}${remote && remote !== host ? ` (${remote})` : ''} port ${p}.`, 'note');
        this.#refreshPrompt();
      },
      tls: (version, cipher) => {
        this.#print(`TLS is on: ${version}, ${cipher}.`, 'note');
        this.#refreshPrompt();
      },
      error: (code, message) => this.#print(errorText(host, port, code, message), 'error'),
      closed: (by, reason, wasOpen) => {
        this.#connection = null;
        if (wasOpen) this.#print(`Connection closed by ${by === 'client' ? 'you' : `the ${by}`}${reason ? `: ${reason}` : ''}.`, 'note');
        this.#refreshPrompt();
      },
    }, { terminalId: this.#o.terminalId, host, port });
  }

  readonly #control: TerminalControl = {
    connect: (host, port) => this.#connect(host, port),
    disconnect: () => this.#connection?.close(),
    clear: () => {
      this.editor.hide();
      this.#write(CLEAR_SCREEN);
    },
    history: () => this.history.entries,
    hosts: () => this.#o.hosts(),
    save: () => this.#save(),
    connection: () => (this.#connection ? { host: this.#connection.session.host, port: this.#connection.session.port } : null),
    commands: () => SLASH_COMMANDS,
    columns: () => this.editor.cols,
  };

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

function errorText(host: string, port: number, code: string, message: string): string {
  switch (code) {
    case 'REFUSED': return `Connection refused: nothing is listening on ${host} port ${port}.`;
    case 'DNS': return `${message.includes(host) ? message : `Unknown host ${host}: ${message}`}. /hosts lists the servers.`;
    case 'TIMEOUT': return `Timed out connecting to ${host} port ${port}.`;
    default: return `Connection error (${code}): ${message}.`;
  }
}
