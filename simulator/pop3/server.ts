/**
 * The POP3 server engine (RFC 1939, RFC 2449, RFC 2595, RFC 5034), sans-I/O: bytes and time in,
 * outputs out. One instance per connection, over the context's mail backend. It frames lines,
 * picks the command from the registry, and carries out the effects handlers return (`apply`).
 */
import type { EngineContext, Output, ServerEngine, TlsInfo } from '../engine.ts';
import { isEnabled } from '../host-settings.ts';
import { strictUtf8Text, utf8Bytes } from '../wire/bytes.ts';
import { LineBuffer, type Line } from '../wire/line-buffer.ts';
import { saslResponse } from './commands/auth.ts';
import { enter, protocolError, reply, type Pop3Effect } from './effects.ts';
import { errorReply, type Pop3ProtocolError } from './errors.ts';
import { multiLine } from './multiline.ts';
import { MAX_COMMAND_LINE, MAX_SASL_LINE, parseLine, splitArgs } from './parse.ts';
import { findCommand, POP3_COMMANDS } from './registry.ts';
import { formatReply, R } from './replies.ts';
import { Pop3Session } from './session.ts';
import type { Pop3State } from './state.ts';
import type { Pop3Event } from './events.ts';
import { DEFAULT_POP3_OPTIONS, type Pop3Options } from './options.ts';
import { runUpdate } from './update.ts';

export class Pop3Server implements ServerEngine<Pop3State, Pop3Event> {
  private readonly buffer = new LineBuffer();
  private readonly session: Pop3Session;
  /** When the RFC 1939 §3 autologout timer fires, in ms. */
  private deadline = Infinity;
  private outputs: Output<Pop3Event>[] = [];

  constructor(ctx: EngineContext, options: Partial<Pop3Options> = {}) {
    const merged = { ...DEFAULT_POP3_OPTIONS, ...options };
    if (merged.autologoutMs > 0 && merged.autologoutMs < 10 * 60_000) {
      throw new Error('POP3 autologout "MUST be of at least 10 minutes\' duration" (RFC 1939 §3)');
    }
    this.session = new Pop3Session(ctx, merged, POP3_COMMANDS);
  }

  get state(): Pop3State {
    return this.session.state;
  }

  get buffered(): number {
    return this.buffer.length;
  }

  /**
   * @rfc 1939#4 "Once the TCP connection has been opened by a POP3 client, the POP3 server issues
   * a one line greeting"; @rfc 1939#7 with APOP, the greeting carries a timestamp `<...@host>`
   * "different each time the POP3 server issues a banner greeting".
   */
  start(now: number): Output<Pop3Event>[] {
    const s = this.session;
    s.now = now;
    // RFC 1939 §7 suggests "process-ID.clock@hostname"; the connection's id plays the process-ID,
    // whole (it is what is unique, whatever the transport puts in it), its other characters as "-"
    // so the msg-id stays readable (`mail.example.org:995#1` → `mail.example.org-995-1`).
    if (isEnabled(s.ctx.host, 'APOP')) s.banner = `<${s.ctx.sessionId.replace(/[^A-Za-z0-9.-]+/g, '-')}.${Math.floor(now)}@${s.host}>`;
    this.apply([reply(R.greeting(s.host, s.banner))]);
    this.arm(now);
    return this.flush();
  }

  feed(bytes: Uint8Array, now: number): Output<Pop3Event>[] {
    const s = this.session;
    // Bytes sent after STLS and before the handshake are plaintext the server must not act on.
    if (!this.reading()) return [];
    s.now = now;
    this.buffer.push(bytes);
    // RFC 2449 §6.6 PIPELINING: "it MUST process each command in turn".
    while (this.reading()) {
      const line = this.buffer.readLine(s.state === 'SASL' ? MAX_SASL_LINE : MAX_COMMAND_LINE);
      if (!line) break;
      this.apply(this.handleLine(line));
    }
    // What was pipelined behind STLS is discarded, never read after the handshake (RFC 3207 §4.2's
    // rule, CVE-2011-0411; RFC 2595 §4: the client "MUST NOT issue further commands" meanwhile).
    if (!this.reading()) this.buffer.clear();
    if (s.state !== 'CLOSED') this.arm(now);
    return this.flush();
  }

  /**
   * @rfc 2595#4 after STLS "the server remains in AUTHORIZATION state"; like SMTP's RFC 3207 §4.2
   * ("The server MUST discard any knowledge obtained from the client") it forgets a USER given in
   * plaintext. For implicit TLS (RFC 8314 §3) this only records the session's TLS.
   */
  tlsStarted(info: TlsInfo, now: number): Output<Pop3Event>[] {
    const s = this.session;
    if (s.state === 'CLOSED') return [];
    s.now = now;
    s.tls = info;
    const effects: Pop3Effect[] = [{ type: 'event', event: { kind: 'tls', info } }];
    if (s.state === 'TLS-HANDSHAKE') {
      s.pendingUser = null;
      this.buffer.clear();
      effects.push(enter('TLS-done'));
    }
    this.apply(effects);
    this.arm(now);
    return this.flush();
  }

  /**
   * @rfc 1939#3 "If the autologout timer expires, the session does NOT enter the UPDATE
   * state--the server should close the TCP connection without removing any messages or sending
   * any response to the client."
   */
  tick(now: number): Output<Pop3Event>[] {
    const s = this.session;
    if (s.state === 'CLOSED' || this.deadline === Infinity) return [];
    s.now = now;
    if (now < this.deadline) return [{ type: 'timer', at: this.deadline }];
    this.apply([enter('autologout'), { type: 'close' }]);
    return this.flush();
  }

  /** The connection dropped: no UPDATE, nothing deleted, the lock released (RFC 1939 §6). */
  closed(now: number): Output<Pop3Event>[] {
    const s = this.session;
    s.now = now;
    if (s.state !== 'CLOSED') this.apply([enter('dropped')]);
    this.buffer.clear();
    return this.flush();
  }

  /** Lines are ours to read: the connection is open and no TLS handshake is pending. */
  private reading(): boolean {
    return this.session.state !== 'CLOSED' && this.session.state !== 'TLS-HANDSHAKE';
  }

  private arm(now: number): void {
    if (this.session.options.autologoutMs <= 0) return;
    this.deadline = now + this.session.options.autologoutMs;
    this.outputs.push({ type: 'timer', at: this.deadline });
  }

  /** One line: a SASL response in the SASL state, else a command checked in a fixed order. */
  private handleLine(line: Line): readonly Pop3Effect[] {
    const s = this.session;
    if (s.state === 'SASL') return saslResponse(s, (line.overflow ? null : strictUtf8Text(line.bytes)) ?? '');
    const parsed = parseLine(line);
    if (!parsed.ok) return [protocolError(parsed.error)];
    const command = findCommand(parsed.verb);
    if (!command) return [protocolError({ kind: 'unknown-command', verb: parsed.verb })];
    if (!command.states.includes(s.state)) return [protocolError({ kind: 'wrong-state', verb: command.verb, state: s.state })];
    if (command.capability && !isEnabled(s.ctx.host, command.capability)) return [protocolError({ kind: 'disabled', verb: command.verb })];
    const split = splitArgs(parsed.rest, command.args);
    if (!split.ok) return [protocolError(split.why === 'length' ? { kind: 'argument-too-long' } : { kind: 'syntax', syntax: command.syntax })];
    return command.handle(s, split.args);
  }

  /** Carries out handler effects in order; entering UPDATE runs it, entering CLOSED drops the lock. */
  private apply(effects: readonly Pop3Effect[]): void {
    const s = this.session;
    for (const e of effects) {
      switch (e.type) {
        case 'reply':
          this.write(formatReply(e.reply) + '\r\n');
          break;
        case 'multi':
          this.outputs.push({ type: 'write', bytes: multiLine(formatReply(e.reply), e.body) });
          break;
        case 'challenge':
          this.write('+ \r\n');
          break;
        case 'error':
          this.refuse(e.error);
          break;
        case 'event':
          this.outputs.push({ type: 'event', event: e.event });
          break;
        case 'enter': {
          this.outputs.push({ type: 'event', event: s.machine.fire(e.on) });
          // RFC 1939 §6: only a QUIT from TRANSACTION enters UPDATE; every other way out keeps the mail as it was.
          if (s.state === 'UPDATE') this.apply(runUpdate(s));
          else if (s.state === 'CLOSED') s.releaseLock();
          break;
        }
        case 'starttls':
        case 'close':
          this.outputs.push({ type: e.type });
          break;
      }
    }
  }

  /** A bad command: the reply, and one step closer to being disconnected (RFC 1939 §3 leaves the limit to us). */
  private refuse(error: Pop3ProtocolError): void {
    const s = this.session;
    this.write(formatReply(errorReply(error)) + '\r\n');
    s.errors++;
    if (s.errors < s.options.maxErrors || s.state === 'CLOSED') return;
    this.apply([reply(R.tooManyErrors), enter('too-many-errors'), { type: 'close' }]);
  }

  private write(text: string): void {
    this.outputs.push({ type: 'write', bytes: utf8Bytes(text) });
  }

  private flush(): Output<Pop3Event>[] {
    const out = this.outputs;
    this.outputs = [];
    return out;
  }
}

export type { Pop3Event } from './events.ts';
export type { Pop3Options } from './options.ts';
export type { Pop3State } from './state.ts';
