/**
 * The SMTP server engine (RFC 5321 with ESMTP extensions), sans-I/O: bytes in, outputs out.
 * It frames input into command lines or payload (DATA, BDAT chunks, SASL lines), dispatches
 * commands through the registry, and leaves every protocol decision to the command files.
 */
import type { Output, ServerEngine, TlsInfo } from '../engine.ts';
import type { ServerContext } from '../net/server-context.ts';
import { strictUtf8Text } from '../wire/bytes.ts';
import { LineBuffer } from '../wire/line-buffer.ts';
import { parseCommandLine } from './parse.ts';
import { commandByVerb, NOT_IMPLEMENTED, SMTP_COMMANDS } from './registry.ts';
import {
  R220Greeting,
  R421Timeout,
  R421TooManyErrors,
  R500LineTooLong,
  R500NotUtf8,
  R500Unrecognized,
  R502NotImplemented,
} from './replies.ts';
import { sequenceError } from './sequence.ts';
import { MAX_ERRORS, SmtpSession, type SmtpEvent } from './session.ts';
import type { SmtpState } from './state.ts';

export { SMTP_TRANSITIONS, SMTP_STATES, type SmtpState } from './state.ts';
export { SMTP_COMMANDS, allowedCommands } from './registry.ts';
export { SMTP_CAPABILITIES } from './capabilities.ts';
export type { SmtpEvent } from './session.ts';

/** RFC 5321 §4.5.3.1.4: "The maximum total length of a command line including the command word and the <CRLF> is 512 octets." */
export const MAX_COMMAND_LINE = 512;
/**
 * RFC 5321 §4.5.3.2.7: the server "SHOULD have a timeout of at least 5 minutes while it is awaiting
 * the next command". Ten, so a learner reading a tutorial is not cut off mid-session.
 */
export const IDLE_TIMEOUT_MS = 10 * 60_000;

export class SmtpServer implements ServerEngine<SmtpState, SmtpEvent> {
  /** Set by the transport; the SMTP server never has output without input or a timer, so unused. */
  waker?: () => void;
  private readonly session: SmtpSession;
  private readonly input = new LineBuffer();
  private lastActivity = 0;

  constructor(ctx: ServerContext) {
    this.session = new SmtpSession(ctx, SMTP_COMMANDS);
  }

  get state(): SmtpState {
    return this.session.state;
  }

  /** RFC 5321 §4.3.1: the 220 greeting opens the session. */
  start(now: number): Output<SmtpEvent>[] {
    this.lastActivity = now;
    this.session.send(R220Greeting(this.session.hostName));
    this.session.pushTimer(now + IDLE_TIMEOUT_MS);
    return this.session.drain();
  }

  feed(bytes: Uint8Array, now: number): Output<SmtpEvent>[] {
    const s = this.session;
    // RFC 3207 §4.2: nothing the client sent in plaintext after STARTTLS may be used.
    if (s.state === 'closed' || s.state === 'starttls') return s.drain();
    this.lastActivity = now;
    this.input.push(bytes);
    this.process(now);
    return s.drain();
  }

  tlsStarted(info: TlsInfo, now: number): Output<SmtpEvent>[] {
    const s = this.session;
    // The connection went away while the handshake ran: nothing left to start.
    if (s.state === 'closed') return s.drain();
    if (s.state === 'starttls') {
      this.input.clear();
      s.resetSession();
      s.secure = true;
      s.tls = info;
      s.move('TLS started');
      this.lastActivity = now;
    } else if (this.session.ctx.peer.implicitTls && !s.tls) {
      s.tls = info;
    } else {
      throw new Error(`tlsStarted in state ${s.state} without a STARTTLS request`);
    }
    s.emit({ kind: 'tls', info });
    return s.drain();
  }

  tick(now: number): Output<SmtpEvent>[] {
    const s = this.session;
    if (s.state === 'closed') return s.drain();
    const due = this.lastActivity + IDLE_TIMEOUT_MS;
    if (now >= due && s.state !== 'starttls') s.close(R421Timeout(s.hostName), '421');
    else s.pushTimer(Math.max(due, now + 1));
    return s.drain();
  }

  closed(_now: number): Output<SmtpEvent>[] {
    const s = this.session;
    if (s.state !== 'closed') {
      s.resetTransaction();
      s.move('connection lost');
    }
    this.input.clear();
    return s.drain();
  }

  /**
   * RFC 2920 §3.1: every complete command in the input is answered, in order, in this one call;
   * a payload reader (DATA, BDAT, SASL) takes the input over while it runs.
   */
  private process(now: number): void {
    const s = this.session;
    while (!this.halted) {
      const progressed = s.reader ? s.reader.read(this.input, now) : this.readCommand(now);
      if (s.errors >= MAX_ERRORS && s.state !== 'closed') s.close(R421TooManyErrors(s.hostName), '421');
      if (!progressed) break;
    }
    if (this.halted) this.input.clear();
  }

  /** Closed, or waiting for the TLS handshake: no input is read. */
  private get halted(): boolean {
    return this.session.state === 'closed' || this.session.state === 'starttls';
  }

  private readCommand(now: number): boolean {
    const s = this.session;
    const line = this.input.readLine(MAX_COMMAND_LINE);
    if (!line) return false;
    if (line.overflow) {
      s.send(R500LineTooLong);
      return true;
    }
    const text = strictUtf8Text(line.bytes);
    if (text === null) {
      s.send(R500NotUtf8);
      return true;
    }
    s.lastLineEnding = line.ending;
    this.dispatch(text, now);
    return true;
  }

  private dispatch(text: string, now: number): void {
    const s = this.session;
    const { verb, args } = parseCommandLine(text);
    const command = commandByVerb(verb);
    if (!command) return s.send(NOT_IMPLEMENTED.includes(verb) ? R502NotImplemented : R500Unrecognized);
    if (command.states.includes(s.state)) return command.handle(s, args, now);
    if (command.outOfSequence) return command.outOfSequence(s, args, now);
    s.send(sequenceError(s.state, verb));
  }
}
