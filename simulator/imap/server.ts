/**
 * The IMAP4rev2 server engine (RFC 9051), IMAP4rev1-compatible (Appendix E), sans-I/O: bytes
 * and time in, outputs out. Framing and literals are the command reader's; the commands are in
 * commands/; this file runs the connection: greeting, dispatch, continuations, IDLE, STARTTLS,
 * the tagged line, and when other sessions' changes may be told (session-view.ts).
 */
import type { MailChange } from '../backend.ts';
import type { EngineContext, Output, ServerEngine, TlsInfo } from '../engine.ts';
import { utf8Text } from '../wire/bytes.ts';
import { isTagged, type Reply } from './commands/command.ts';
import { dispatch, displayName, mayExpunge, stateRefusal } from './dispatch.ts';
import { errorResult } from './errors.ts';
import { REGISTERED_VERBS } from './registry.ts';
import type { ImapEvent } from './events.ts';
import type { ImapCommand } from './parse/ast.ts';
import { CommandReader, type ReaderResult } from './parse/reader.ts';
import { bad, ok, type TaggedResult } from './responses.ts';
import { Session } from './session.ts';
import { commandState, type ImapState } from './state.ts';
import { continuation, statusResponse } from './wire/response.ts';

/** BADs in a row before the server gives up on the client (RFC 9051 §7.1.5 BYE). */
export const MAX_BADS_IN_A_ROW = 10;

export interface ImapOptions {
  /**
   * @rfc 9051#5.4 "If a server has an inactivity autologout timer that applies to sessions after
   * authentication, the duration of that timer MUST be at least 30 minutes." 0 switches it off.
   */
  autologoutMs: number;
}

export const DEFAULT_IMAP_OPTIONS: ImapOptions = { autologoutMs: 30 * 60_000 };

/**
 * The command in progress while the connection is in a sub-state of IMAP_TABLE: what the state
 * alone cannot hold (the tag the tagged reply will carry, and how to go on).
 */
type InProgress =
  /** `sasl`: AUTHENTICATE asked for continuation data; the next line is for it. */
  | { kind: 'continuation'; tag: string; name: string; onLine: (line: string, s: Session) => Reply }
  /** `idle-*`: RFC 9051 §6.3.13, until DONE. */
  | { kind: 'idle'; tag: string }
  /** `responding`: a long response is being written in parts. */
  | { kind: 'more'; tag: string; name: string; resume: () => Reply; allowExpunge: boolean };

export class ImapServer implements ServerEngine<ImapState, ImapEvent> {
  private readonly session: Session;
  private readonly reader: CommandReader;
  private inProgress: InProgress | null = null;
  private badsInARow = 0;
  private readonly options: ImapOptions;
  /** When the autologout timer fires, in ms. */
  private deadline = Infinity;

  constructor(
    readonly ctx: EngineContext,
    options: Partial<ImapOptions> = {},
  ) {
    this.options = { ...DEFAULT_IMAP_OPTIONS, ...options };
    if (this.options.autologoutMs > 0 && this.options.autologoutMs < 30 * 60_000) {
      throw new Error('IMAP autologout "MUST be at least 30 minutes" (RFC 9051 §5.4)');
    }
    this.session = new Session(ctx, REGISTERED_VERBS);
    this.reader = new CommandReader({
      maxMessage: ctx.host.settings.maxMessageSize,
      literalPlus: true,
      // Refuse a command the state does not allow when its literal is announced, not after reading it.
      admit: (verb) => stateRefusal(verb, verb, this.session.state)?.text ?? null,
    });
  }

  get state(): ImapState {
    return this.session.state;
  }

  /** Unread input plus the command being assembled with its literals (the reader holds both). */
  get buffered(): number {
    return this.reader.buffered;
  }

  /** @rfc 9051#7.1.1 greeting: `* OK [CAPABILITY ...]` so clients need not ask (PREAUTH is never used). */
  start(now: number): Output<ImapEvent>[] {
    const s = this.session;
    s.now = now;
    s.write([statusResponse('*', 'OK', `${this.ctx.host.name} IMAP4rev2 Mailwire ready`, `CAPABILITY ${s.capabilities().join(' ')}`)]);
    this.arm(now);
    return this.take();
  }

  feed(bytes: Uint8Array, now: number): Output<ImapEvent>[] {
    // Bytes between STARTTLS and the handshake are plaintext nobody may act on (RFC 2595 §3.1).
    if (this.state === 'logout' || this.state === 'tls-handshake') return [];
    this.session.now = now;
    this.reader.feed(bytes);
    this.pump();
    this.arm(now);
    return this.take();
  }

  tlsStarted(info: TlsInfo, now: number): Output<ImapEvent>[] {
    const s = this.session;
    s.now = now;
    s.tls = true;
    s.event({ kind: 'tls', info });
    if (s.state === 'tls-handshake') {
      this.reader.clear();
      s.enter('TLS-done');
    }
    return this.take();
  }

  /**
   * @rfc 9051#7.5.1 another session (or this one's own command) changed the store. The selected
   * mailbox's view records it until it may be told; while IDLE that is at once, so the engine
   * asks for a tick now. Called whenever the store changes, even inside this engine's own `feed`,
   * so it touches nothing but the view and returns its own outputs.
   */
  storeChanged(change: MailChange, now: number): Output<ImapEvent>[] {
    const view = this.session.view;
    if (!view) return [];
    view.storeChanged(change);
    const idle = this.state === 'idle-authenticated' || this.state === 'idle-selected';
    return idle && view.hasPending(true) ? [{ type: 'timer', at: now }] : [];
  }

  /**
   * Writes the next part of a long response, delivers what changed while this session IDLEs
   * (after a `storeChanged` asked for the tick), and logs out a client silent past the
   * autologout time (RFC 2177: "MAY log the client off implicitly").
   */
  tick(now: number): Output<ImapEvent>[] {
    if (this.state === 'logout') return [];
    this.session.now = now;
    const busy = this.inProgress;
    if (now >= this.deadline) this.bye('Autologout: no command for too long');
    else if (busy?.kind === 'more') {
      this.onReply(busy.tag, busy.name, busy.resume(), busy.allowExpunge);
      this.pump();
    } else if (busy?.kind === 'idle') {
      this.session.flushUpdates(true);
      this.byeIfMailboxGone();
    }
    return this.take();
  }

  closed(now: number): Output<ImapEvent>[] {
    this.session.now = now;
    this.shutDown('dropped');
    return this.take();
  }

  private arm(now: number): void {
    if (this.options.autologoutMs <= 0 || this.state === 'logout') return;
    this.deadline = now + this.options.autologoutMs;
    this.session.out.push({ type: 'timer', at: this.deadline });
  }

  private take(): Output<ImapEvent>[] {
    this.session.flushWrites();
    return this.session.out.splice(0, this.session.out.length);
  }

  /** Runs every complete command (or continuation line) that has arrived, in order. */
  private pump(): void {
    for (;;) {
      const state = this.state;
      if (commandState(state)) {
        this.reader.options.utf8Names = this.session.utf8;
        const result = this.reader.next();
        this.followReader();
        if (!result) return;
        this.onReaderResult(result);
      } else if (state === 'sasl' || state === 'idle-authenticated' || state === 'idle-selected') {
        const line = this.reader.nextLine();
        if (!line) return;
        const text = line.overflow ? '' : utf8Text(line.bytes);
        const waiting = this.inProgress;
        if (waiting?.kind === 'idle') this.onIdleLine(waiting.tag, text);
        else if (waiting?.kind === 'continuation') this.onReply(waiting.tag, waiting.name, waiting.onLine(text, this.session), true);
      } else {
        // logout, tls-handshake, responding: nothing is read now.
        return;
      }
    }
  }

  /** RFC 9051 §4.3: while the reader is inside a literal, the connection is in the literal's sub-state. */
  private followReader(): void {
    const s = this.session;
    const base = commandState(s.state);
    if (!base) return;
    const inLiteral = s.state !== base;
    if (this.reader.inLiteral && !inLiteral) s.enter('literal');
    else if (!this.reader.inLiteral && inLiteral) s.enter('literal-read');
  }

  private onReaderResult(result: ReaderResult): void {
    const s = this.session;
    switch (result.kind) {
      case 'continue':
        s.write([continuation('Ready for literal data')]); // RFC 9051 §7.6
        return;
      case 'hangup':
        this.onReaderResult(result.refusal);
        // RFC 7888 §5: "If responding with an untagged BYE response, it SHOULD include the TOOBIG response code."
        if (this.state !== 'logout') this.bye(`Not reading the refused literal of ${result.size} octets`, 'TOOBIG');
        return;
      case 'no':
        this.finish(result.tag, 'APPEND', { status: 'NO', code: result.code, text: result.message });
        return;
      case 'bad':
        this.finish(result.tag, '', errorResult({ kind: 'syntax', message: result.message }));
        if (result.fatal && this.state !== 'logout') this.bye('The input can no longer be framed into commands');
        return;
      case 'command':
        this.run(result.command);
        return;
    }
  }

  private run(cmd: ImapCommand): void {
    this.onReply(cmd.tag, displayName(cmd), dispatch(cmd, this.session), mayExpunge(cmd));
  }

  private onReply(tag: string, name: string, reply: Reply, allowExpunge: boolean): void {
    const s = this.session;
    if (isTagged(reply)) {
      this.inProgress = null;
      // The command in progress is over: a SASL exchange that did not log in, the last part of a FETCH.
      if (s.state === 'sasl') s.enter('AUTHENTICATE-failed');
      else if (s.state === 'responding') s.enter('FETCH-done');
      if (reply.then !== 'close') s.flushUpdates(allowExpunge);
      this.finish(tag, name, reply);
      return;
    }
    if (reply.kind === 'more') {
      // The transport sends what is written so far, then ticks us for the next part.
      if (s.state !== 'responding') s.enter('FETCH-more');
      this.inProgress = { kind: 'more', tag, name, resume: () => reply.resume(), allowExpunge };
      s.out.push({ type: 'timer', at: s.now });
      return;
    }
    if (reply.kind === 'continue') {
      s.enter('AUTHENTICATE-continue');
      this.inProgress = { kind: 'continuation', tag, name, onLine: reply.onLine };
      s.write([`+ ${reply.prompt}\r\n`]); // RFC 9051 §7.6 continuation request (SASL: base64)
      return;
    }
    this.startIdle(tag);
  }

  /** `tag STATUS [CODE] text`, then what the result asks the connection to do. */
  private finish(tag: string, name: string, result: TaggedResult): void {
    const s = this.session;
    s.write([statusResponse(tag, result.status, result.text, result.code)]);
    s.event({ kind: 'command', tag, name, status: result.status });
    this.badsInARow = result.status === 'BAD' ? this.badsInARow + 1 : 0;
    if (result.then === 'starttls') {
      // RFC 9051 §6.2.1 / RFC 2595 §3.1: nothing the client sent before the handshake counts.
      this.reader.clear();
      s.enter('STARTTLS');
      s.out.push({ type: 'starttls' });
    } else if (result.then === 'close') {
      this.shutDown('LOGOUT');
      s.out.push({ type: 'close' });
    } else if (this.badsInARow >= MAX_BADS_IN_A_ROW) {
      this.bye(`Too many errors (${this.badsInARow} BAD responses in a row)`);
    } else {
      this.byeIfMailboxGone();
    }
  }

  /**
   * Another session deleted the selected mailbox: there is no response that deselects it, so the
   * server disconnects, as Dovecot does (RFC 9051 §7.1.5 BYE "as a panic shutdown announcement").
   */
  private byeIfMailboxGone(): void {
    if (this.session.view?.deleted) this.bye('Selected mailbox was deleted, have to disconnect');
  }

  /** @rfc 9051#7.1.5 BYE: the server is closing the connection. */
  private bye(text: string, code?: string): void {
    const s = this.session;
    s.write([statusResponse('*', 'BYE', text, code)]);
    this.shutDown('bye');
    s.out.push({ type: 'close' });
  }

  /**
   * @rfc 2177#3 "The server requests a response to the IDLE command using the continuation ("+")
   * response." Updates already waiting go out at once; later ones as `storeChanged` brings them.
   */
  private startIdle(tag: string): void {
    const s = this.session;
    s.enter('IDLE');
    this.inProgress = { kind: 'idle', tag };
    s.write([continuation('idling')]);
    s.event({ kind: 'idle', active: true });
    s.flushUpdates(true);
  }

  /** @rfc 2177#3 "The IDLE command is terminated by the receipt of a "DONE" continuation". */
  private onIdleLine(tag: string, line: string): void {
    const s = this.session;
    this.stopIdle();
    s.flushUpdates(true);
    this.finish(tag, 'IDLE', line.trim().toUpperCase() === 'DONE' ? ok('IDLE terminated') : bad(`Expected DONE to end IDLE, got "${line.slice(0, 40)}"`));
  }

  private stopIdle(): void {
    this.session.event({ kind: 'idle', active: false });
    this.inProgress = null;
    this.session.enter('DONE');
  }

  /** Leaves IDLE and the selected mailbox and moves to the logout state (LOGOUT, BYE, or a dropped connection). */
  private shutDown(on: 'LOGOUT' | 'bye' | 'dropped'): void {
    const s = this.session;
    if (s.state === 'idle-authenticated' || s.state === 'idle-selected') s.event({ kind: 'idle', active: false });
    this.inProgress = null;
    s.dropView();
    if (s.state !== 'logout') s.enter(on);
  }
}
