/**
 * The SMTP server engine (RFC 5321 with ESMTP extensions), sans-I/O: bytes in, outputs out.
 * It frames input into command lines or payload (DATA, BDAT chunks, SASL lines), dispatches
 * commands through the registry, leaves every protocol decision to the command files, and
 * carries out the effects they return (`apply`).
 */
import type { EngineContext, Output, ServerEngine, TlsInfo } from '../engine.ts';
import { strictUtf8Text } from '../wire/bytes.ts';
import { LineBuffer } from '../wire/line-buffer.ts';
import { closeWith, enter, protocolError, reply, type SmtpEffect } from './effects.ts';
import { errorReply } from './errors.ts';
import { parseCommandLine } from './parse.ts';
import { commandByVerb, NOT_IMPLEMENTED, SMTP_COMMANDS } from './registry.ts';
import { formatReply, isError, R220Greeting, R421Timeout, R421TooManyErrors, type Reply } from './replies.ts';
import type { SmtpEvent } from './events.ts';
import { MAX_ERRORS, SmtpSession } from './session.ts';
import type { SmtpState } from './state.ts';

export { SMTP_TRANSITIONS, SMTP_STATES, type SmtpState } from './state.ts';
export { SMTP_COMMANDS, allowedCommands } from './registry.ts';
export { SMTP_CAPABILITIES } from './capabilities.ts';
export type { SmtpEvent } from './events.ts';

/** RFC 5321 §4.5.3.1.4: "The maximum total length of a command line including the command word and the <CRLF> is 512 octets." */
export const MAX_COMMAND_LINE = 512;
/**
 * RFC 5321 §4.5.3.2.7: the server "SHOULD have a timeout of at least 5 minutes while it is awaiting
 * the next command". Ten, so a learner reading a tutorial is not cut off mid-session.
 */
export const IDLE_TIMEOUT_MS = 10 * 60_000;

export class SmtpServer implements ServerEngine<SmtpState, SmtpEvent> {
  private readonly session: SmtpSession;
  private readonly input = new LineBuffer();
  private lastActivity = 0;
  private out: Output<SmtpEvent>[] = [];

  constructor(ctx: EngineContext) {
    this.session = new SmtpSession(ctx, SMTP_COMMANDS);
  }

  get state(): SmtpState {
    return this.session.state;
  }

  get buffered(): number {
    return this.input.length + (this.session.reader?.held ?? 0);
  }

  /** RFC 5321 §4.3.1: the 220 greeting opens the session. */
  start(now: number): Output<SmtpEvent>[] {
    this.lastActivity = now;
    this.session.now = now;
    this.apply([reply(R220Greeting(this.session.hostName))]);
    this.out.push({ type: 'timer', at: now + IDLE_TIMEOUT_MS });
    return this.drain();
  }

  feed(bytes: Uint8Array, now: number): Output<SmtpEvent>[] {
    const s = this.session;
    // RFC 3207 §4.2: nothing the client sent in plaintext after STARTTLS may be used.
    if (this.halted) return this.drain();
    this.lastActivity = now;
    s.now = now;
    this.input.push(bytes);
    this.process(now);
    return this.drain();
  }

  tlsStarted(info: TlsInfo, now: number): Output<SmtpEvent>[] {
    const s = this.session;
    // The connection went away while the handshake ran: nothing left to start.
    if (s.state === 'closed') return this.drain();
    s.now = now;
    const effects: SmtpEffect[] = [];
    if (s.state === 'starttls') {
      this.input.clear();
      s.resetSession();
      s.secure = true;
      s.tls = info;
      effects.push(enter('TLS started'));
      this.lastActivity = now;
    } else if (s.ctx.peer.implicitTls && !s.tls) {
      s.tls = info;
    } else {
      throw new Error(`tlsStarted in state ${s.state} without a STARTTLS request`);
    }
    effects.push({ type: 'event', event: { kind: 'tls', info } });
    this.apply(effects);
    return this.drain();
  }

  tick(now: number): Output<SmtpEvent>[] {
    const s = this.session;
    if (s.state === 'closed') return this.drain();
    s.now = now;
    const due = this.lastActivity + IDLE_TIMEOUT_MS;
    if (now >= due && s.state !== 'starttls') this.apply(closeWith(R421Timeout(s.hostName)));
    else this.out.push({ type: 'timer', at: Math.max(due, now + 1) });
    return this.drain();
  }

  closed(now: number): Output<SmtpEvent>[] {
    const s = this.session;
    s.now = now;
    if (s.state !== 'closed') {
      s.resetTransaction();
      this.apply([enter('connection lost')]);
    }
    this.input.clear();
    return this.drain();
  }

  /**
   * RFC 2920 §3.1: every complete command in the input is answered, in order, in this one call;
   * a payload reader (DATA, BDAT, SASL) takes the input over while it runs.
   */
  private process(now: number): void {
    const s = this.session;
    while (!this.halted) {
      const effects = s.reader ? s.reader.read(this.input, now) : this.readCommand();
      if (effects) this.apply(effects);
      if (s.errors >= MAX_ERRORS && s.state !== 'closed') this.apply(closeWith(R421TooManyErrors(s.hostName)));
      if (!effects) break;
    }
    if (this.halted) this.input.clear();
  }

  /** Closed, or waiting for the TLS handshake: no input is read. */
  private get halted(): boolean {
    return this.session.state === 'closed' || this.session.state === 'starttls';
  }

  private readCommand(): readonly SmtpEffect[] | null {
    const s = this.session;
    const line = this.input.readLine(MAX_COMMAND_LINE);
    if (!line) return null;
    if (line.overflow) return [protocolError({ kind: 'line-too-long' })];
    const text = strictUtf8Text(line.bytes);
    if (text === null) return [protocolError({ kind: 'not-utf8' })];
    s.lastLineEnding = line.ending;
    return this.dispatch(text);
  }

  /** The command, checked in a fixed order: known, offered, in sequence. */
  private dispatch(text: string): readonly SmtpEffect[] {
    const s = this.session;
    const { verb, args } = parseCommandLine(text);
    const command = commandByVerb(verb);
    if (!command) return [protocolError(NOT_IMPLEMENTED.includes(verb) ? { kind: 'not-implemented', verb } : { kind: 'unrecognized', verb })];
    if (command.states.includes(s.state)) return command.handle(s, args);
    if (command.outOfSequence) return command.outOfSequence(s, args);
    return [protocolError({ kind: 'out-of-sequence', state: s.state, verb })];
  }

  /** Carries out effects in order; every error reply but 421 counts toward MAX_ERRORS (Postfix). */
  private apply(effects: readonly SmtpEffect[]): void {
    const s = this.session;
    for (const e of effects) {
      switch (e.type) {
        case 'reply':
          this.send(e.reply);
          break;
        case 'error':
          this.send(errorReply(e.error));
          break;
        case 'event':
          this.out.push({ type: 'event', event: e.event });
          break;
        case 'enter': {
          const change = s.machine.fire(e.on);
          if (change.from !== change.to) this.out.push({ type: 'event', event: change });
          if (s.state === 'closed') {
            s.tx = null;
            s.reader = null;
          }
          break;
        }
        case 'read':
          s.reader = e.reader;
          break;
        case 'starttls':
        case 'close':
          this.out.push({ type: e.type });
          break;
      }
    }
  }

  private send(r: Reply): void {
    const s = this.session;
    if (isError(r) && r.code !== 421) s.errors++;
    this.out.push({ type: 'write', bytes: formatReply(r, s.offers('ENHANCEDSTATUSCODES')) });
  }

  private drain(): Output<SmtpEvent>[] {
    const out = this.out;
    this.out = [];
    return out;
  }
}
