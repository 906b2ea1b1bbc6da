/**
 * The IMAP4rev2 server engine (RFC 9051), IMAP4rev1-compatible (Appendix E), sans-I/O: bytes
 * and time in, outputs out. Framing and literals are the command reader's; the commands are in
 * commands/ and return effects, which apply.ts carries out in order (untagged data, the tagged
 * line, continuations, IDLE, the parts of a long FETCH, STARTTLS, BYE). This file runs the
 * connection: the greeting, reading commands and continuation lines, ticks, and when other
 * sessions' changes may be told (session-view.ts).
 */
import type { MailChange } from '../backend.ts';
import type { EngineContext, Output, ServerEngine, TlsInfo } from '../engine.ts';
import { StateMachine } from '../fsm.ts';
import { utf8Text } from '../wire/bytes.ts';
import { CONNECTION, EffectApplier } from './apply.ts';
import { dispatch, displayName, mayExpunge, stateRefusal } from './dispatch.ts';
import { bye, enter, event, protocolError } from './effects.ts';
import { ANNOUNCED_CAPABILITIES } from './registry.ts';
import type { ImapEvent } from './events.ts';
import { CommandReader, type ReaderResult } from './parse/reader.ts';
import { ImapOutput } from './output.ts';
import { Session } from './session.ts';
import { commandState, IMAP_TABLE, type ImapState, type ImapTrigger } from './state.ts';
import { continuation, statusResponse } from './wire/response.ts';

export interface ImapOptions {
  /**
   * @rfc 9051#5.4 "If a server has an inactivity autologout timer that applies to sessions after
   * authentication, the duration of that timer MUST be at least 30 minutes." 0 switches it off.
   */
  autologoutMs: number;
}

export const DEFAULT_IMAP_OPTIONS: ImapOptions = { autologoutMs: 30 * 60_000 };

export class ImapServer implements ServerEngine<ImapState, ImapEvent> {
  private readonly session: Session;
  private readonly reader: CommandReader;
  private readonly output = new ImapOutput();
  private readonly effects: EffectApplier;
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
    const machine = new StateMachine<ImapState, ImapTrigger>(IMAP_TABLE);
    this.session = new Session(ctx, machine, ANNOUNCED_CAPABILITIES);
    this.reader = new CommandReader({
      maxMessage: ctx.host.settings.maxMessageSize,
      literalPlus: true,
      // Refuse a command the state does not allow when its literal is announced, not after reading it.
      admit: (verb) => stateRefusal(verb, verb, this.session.state)?.text ?? null,
    });
    this.effects = new EffectApplier(this.session, machine, this.output, () => this.reader.clear());
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
    this.output.write([statusResponse('*', 'OK', `${this.ctx.host.name} IMAP4rev2 Mailwire ready`, `CAPABILITY ${s.capabilities().join(' ')}`)]);
    this.arm(now);
    return this.output.take();
  }

  feed(bytes: Uint8Array, now: number): Output<ImapEvent>[] {
    // Bytes between STARTTLS and the handshake are plaintext nobody may act on (RFC 2595 §3.1).
    if (this.state === 'logout' || this.state === 'tls-handshake') return [];
    this.session.now = now;
    this.reader.feed(bytes);
    this.pump();
    this.arm(now);
    return this.output.take();
  }

  tlsStarted(info: TlsInfo, now: number): Output<ImapEvent>[] {
    const s = this.session;
    s.now = now;
    s.tls = true;
    const handshake = s.state === 'tls-handshake';
    if (handshake) this.reader.clear();
    this.effects.apply(CONNECTION, handshake ? [event({ kind: 'tls', info }), enter('TLS-done')] : [event({ kind: 'tls', info })]);
    return this.output.take();
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
    const busy = this.effects.inProgress;
    if (now >= this.deadline) this.effects.apply(CONNECTION, [bye('Autologout: no command for too long')]);
    else if (busy?.kind === 'more') {
      this.effects.apply(busy.run, busy.resume());
      this.pump();
    } else if (busy?.kind === 'idle') {
      this.effects.flushUpdates('all');
      this.effects.byeIfMailboxGone();
    }
    return this.output.take();
  }

  closed(now: number): Output<ImapEvent>[] {
    this.session.now = now;
    this.effects.shutDown('dropped');
    return this.output.take();
  }

  private arm(now: number): void {
    if (this.options.autologoutMs <= 0 || this.state === 'logout') return;
    this.deadline = now + this.options.autologoutMs;
    this.output.push({ type: 'timer', at: this.deadline });
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
        const waiting = this.effects.inProgress;
        if (waiting?.kind === 'idle') this.effects.idleLine(waiting.run, text);
        else if (waiting?.kind === 'continuation') this.effects.apply(waiting.run, waiting.onLine(text, this.session));
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
    if (this.reader.inLiteral && !inLiteral) this.effects.apply(CONNECTION, [enter('literal')]);
    else if (!this.reader.inLiteral && inLiteral) this.effects.apply(CONNECTION, [enter('literal-read')]);
  }

  private onReaderResult(result: ReaderResult): void {
    switch (result.kind) {
      case 'continue':
        this.output.write([continuation('Ready for literal data')]); // RFC 9051 §7.6
        return;
      case 'hangup':
        this.onReaderResult(result.refusal);
        // RFC 7888 §5: "If responding with an untagged BYE response, it SHOULD include the TOOBIG response code."
        if (this.state !== 'logout') this.effects.apply(CONNECTION, [bye(`Not reading the refused literal of ${result.size} octets`, 'TOOBIG')]);
        return;
      case 'no':
        this.effects.apply({ tag: result.tag, name: 'APPEND', updates: 'none' }, [protocolError({ kind: 'too-big', message: result.message })]);
        return;
      case 'bad':
        this.effects.apply({ tag: result.tag, name: '', updates: 'none' }, [protocolError({ kind: 'syntax', message: result.message })]);
        if (result.fatal && this.state !== 'logout') this.effects.apply(CONNECTION, [bye('The input can no longer be framed into commands')]);
        return;
      case 'command': {
        const cmd = result.command;
        this.effects.apply({ tag: cmd.tag, name: displayName(cmd), updates: mayExpunge(cmd) ? 'all' : 'no-expunge' }, dispatch(cmd, this.session));
        return;
      }
    }
  }
}
