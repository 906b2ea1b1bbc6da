/**
 * What one POP3 connection knows, and the output helpers its command handlers use. The server
 * (server.ts) frames lines and dispatches; handlers (commands/*.ts) change this and reply.
 */
import type { Output, TlsInfo } from '../engine.ts';
import type { ServerContext } from '../net/server-context.ts';
import type { Account } from '../store/account.ts';
import { utf8Bytes } from '../wire/bytes.ts';
import type { Maildrop } from './maildrop.ts';
import { multiLine } from './multiline.ts';
import { formatReply, R, type Pop3Reply } from './replies.ts';
import { nextState, type Pop3State, type Pop3Trigger } from './state.ts';
import type { Pop3Event, Pop3Options } from './types.ts';

/** An AUTH exchange waiting for the client's next line (RFC 5034 §4). */
export interface SaslExchange {
  mechanism: 'PLAIN';
}

export class Pop3Session {
  state: Pop3State = 'AUTHORIZATION';
  /** The TLS layer once STLS or implicit TLS finished; null while plaintext. */
  tls: TlsInfo | null = null;
  /** STLS was accepted and the handshake has not finished: input is not ours to read. */
  awaitingTls = false;
  /** RFC 1939 §7 APOP: the `<timestamp@host>` of the greeting, or null when APOP is off. */
  banner: string | null = null;
  /** The name a USER command gave, waiting for PASS (RFC 1939 §7). */
  pendingUser: string | null = null;
  sasl: SaslExchange | null = null;
  account: Account | null = null;
  maildrop: Maildrop | null = null;
  errors = 0;
  authFailures = 0;
  /** The time of the input being handled (time is an input: engine.ts). */
  now = 0;
  private outputs: Output<Pop3Event>[] = [];

  constructor(
    readonly ctx: ServerContext,
    readonly options: Pop3Options,
  ) {}

  get host(): string {
    return this.ctx.host.name;
  }

  /** RFC 8314 §3: a connection on an implicit-TLS port is encrypted from its first byte. */
  get secure(): boolean {
    return this.tls !== null || this.ctx.peer.implicitTls;
  }

  /**
   * @rfc 2595#9 "PLAIN MUST NOT be advertised or used unless a suitable TLS encryption layer is
   * active or backwards compatibility dictates otherwise" — the same goes for USER/PASS.
   * RFC 8314 §4.1: cleartext logins are being retired; the host's admin may still allow them.
   */
  get plaintextAllowed(): boolean {
    return this.secure || this.ctx.host.settings.plaintextAuth;
  }

  reply(reply: Pop3Reply): void {
    this.write(formatReply(reply) + '\r\n');
  }

  /** A multi-line response: status line, the body byte-stuffed, then "." (RFC 1939 §3). */
  multi(reply: Pop3Reply, body: Uint8Array): void {
    this.outputs.push({ type: 'write', bytes: multiLine(formatReply(reply), body) });
  }

  write(text: string): void {
    this.outputs.push({ type: 'write', bytes: utf8Bytes(text) });
  }

  event(event: Pop3Event): void {
    this.outputs.push({ type: 'event', event });
  }

  output(out: Output<Pop3Event>): void {
    this.outputs.push(out);
  }

  /** Moves along the transition table and tells the UI. */
  enter(on: Pop3Trigger): void {
    const from = this.state;
    this.state = nextState(from, on);
    this.event({ kind: 'state', from, to: this.state });
  }

  /**
   * Ends the connection without the UPDATE state: the lock goes, no message is touched.
   * @rfc 1939#6 "If a session terminates for some reason other than a client-issued QUIT
   * command, the POP3 session does NOT enter the UPDATE state".
   */
  abandon(on: 'too-many-errors' | 'autologout' | 'dropped', sendClose: boolean): void {
    if (this.state === 'CLOSED') return;
    this.releaseLock();
    this.sasl = null;
    this.enter(on);
    if (sendClose) this.output({ type: 'close' });
  }

  releaseLock(): void {
    if (this.account) this.ctx.world.store.unlock(this.account.address, this.ctx.sessionId);
  }

  /** Counts a bad command; closes after too many (returns true when it did). */
  countError(): boolean {
    this.errors++;
    if (this.errors < this.options.maxErrors) return false;
    this.reply(R.tooManyErrors);
    this.abandon('too-many-errors', true);
    return true;
  }

  /** Hands the collected outputs to the server and starts a fresh list. */
  flush(): Output<Pop3Event>[] {
    const out = this.outputs;
    this.outputs = [];
    return out;
  }
}
