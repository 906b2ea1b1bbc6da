/**
 * The POP3 server engine (RFC 1939, RFC 2449, RFC 2595, RFC 5034), sans-I/O: bytes and time in,
 * outputs out. One instance per connection, over the world's shared mail store.
 */
import type { Output, ServerEngine, TlsInfo } from '../engine.ts';
import { isEnabled } from '../world/host.ts';
import type { ServerContext } from '../net/server-context.ts';
import { strictUtf8Text } from '../wire/bytes.ts';
import { LineBuffer, type Line } from '../wire/line-buffer.ts';
import { saslResponse } from './commands/auth.ts';
import { MAX_COMMAND_LINE, MAX_SASL_LINE, parseLine, splitArgs } from './parse.ts';
import { findCommand } from './registry.ts';
import { R } from './replies.ts';
import { Pop3Session } from './session.ts';
import type { Pop3State } from './state.ts';
import { DEFAULT_POP3_OPTIONS, type Pop3Event, type Pop3Options } from './types.ts';

const WRONG_STATE_HINTS: Record<Pop3State, string> = {
  AUTHORIZATION: 'log in first: USER and PASS, APOP or AUTH',
  TRANSACTION: 'you are logged in already',
  UPDATE: 'the session is ending',
  CLOSED: 'the connection is closed',
};

export class Pop3Server implements ServerEngine<Pop3State, Pop3Event> {
  private readonly buffer = new LineBuffer();
  private readonly session: Pop3Session;
  /** When the RFC 1939 §3 autologout timer fires, in ms. */
  private deadline = Infinity;

  constructor(ctx: ServerContext, options: Partial<Pop3Options> = {}) {
    const merged = { ...DEFAULT_POP3_OPTIONS, ...options };
    if (merged.autologoutMs > 0 && merged.autologoutMs < 10 * 60_000) {
      throw new Error('POP3 autologout "MUST be of at least 10 minutes\' duration" (RFC 1939 §3)');
    }
    this.session = new Pop3Session(ctx, merged);
  }

  get state(): Pop3State {
    return this.session.state;
  }

  /**
   * @rfc 1939#4 "Once the TCP connection has been opened by a POP3 client, the POP3 server issues
   * a one line greeting"; @rfc 1939#7 with APOP, the greeting carries a timestamp `<...@host>`
   * "different each time the POP3 server issues a banner greeting".
   */
  start(now: number): Output<Pop3Event>[] {
    const s = this.session;
    s.now = now;
    // RFC 1939 §7 suggests "process-ID.clock@hostname"; the connection's id plays the process-ID.
    if (isEnabled(s.ctx.host, 'APOP')) s.banner = `<${s.ctx.sessionId.replace(/[^A-Za-z0-9.-]/g, '')}.${Math.floor(now)}@${s.host}>`;
    s.reply(R.greeting(s.host, s.banner));
    this.arm(now);
    return s.flush();
  }

  feed(bytes: Uint8Array, now: number): Output<Pop3Event>[] {
    const s = this.session;
    // Bytes sent after STLS and before the handshake are plaintext the server must not act on.
    if (s.state === 'CLOSED' || s.awaitingTls) return [];
    s.now = now;
    this.buffer.push(bytes);
    // RFC 2449 §6.6 PIPELINING: "it MUST process each command in turn".
    while (this.reading()) {
      const line = this.buffer.readLine(s.sasl ? MAX_SASL_LINE : MAX_COMMAND_LINE);
      if (!line) break;
      this.handleLine(line);
    }
    // What was pipelined behind STLS is discarded, never read after the handshake (RFC 3207 §4.2's
    // rule, CVE-2011-0411; RFC 2595 §4: the client "MUST NOT issue further commands" meanwhile).
    if (!this.reading()) this.buffer.clear();
    if (this.state !== 'CLOSED') this.arm(now);
    return s.flush();
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
    s.event({ kind: 'tls', info });
    if (s.awaitingTls) {
      s.awaitingTls = false;
      s.pendingUser = null;
      s.sasl = null;
      this.buffer.clear();
      s.enter('STLS');
    }
    this.arm(now);
    return s.flush();
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
    s.abandon('autologout', true);
    return s.flush();
  }

  /** The connection dropped: no UPDATE, nothing deleted, the lock released (RFC 1939 §6). */
  closed(now: number): Output<Pop3Event>[] {
    const s = this.session;
    s.now = now;
    s.abandon('dropped', false);
    this.buffer.clear();
    return s.flush();
  }

  /** Lines are ours to read: the connection is open and no TLS handshake is pending. */
  private reading(): boolean {
    return this.session.state !== 'CLOSED' && !this.session.awaitingTls;
  }

  private arm(now: number): void {
    if (this.session.options.autologoutMs <= 0) return;
    this.deadline = now + this.session.options.autologoutMs;
    this.session.output({ type: 'timer', at: this.deadline });
  }

  private handleLine(line: Line): void {
    const s = this.session;
    if (s.sasl) {
      const text = line.overflow ? null : strictUtf8Text(line.bytes);
      return saslResponse(s, text ?? '');
    }
    const parsed = parseLine(line);
    if (!parsed.ok) return this.refuse(parsed.reply);
    const command = findCommand(parsed.verb);
    if (!command) return this.refuse(R.unknownCommand(parsed.verb));
    if (!command.states.includes(s.state)) return this.refuse(R.wrongState(command.verb, s.state, WRONG_STATE_HINTS[s.state]));
    if (command.capability && !isEnabled(s.ctx.host, command.capability)) return this.refuse(R.disabled(command.verb));
    const split = splitArgs(parsed.rest, command.args);
    if (!split.ok) return this.refuse(split.why === 'length' ? R.argumentTooLong : R.syntax(command.syntax));
    command.handle(s, split.args);
  }

  /** A bad command: the reply, and one step closer to being disconnected. */
  private refuse(reply: Parameters<Pop3Session['reply']>[0]): void {
    this.session.reply(reply);
    this.session.countError();
  }
}

export type { Pop3Event, Pop3Options } from './types.ts';
export type { Pop3State } from './state.ts';
