/**
 * The SMTP client engine, sans-I/O: the server's bytes go in, the client's writes come out.
 * One session delivers one message to its recipients: greeting → EHLO (HELO fallback) →
 * STARTTLS → EHLO → AUTH PLAIN → MAIL/RCPT/DATA (pipelined when offered) → QUIT.
 * The MTA uses it to relay, the virtual mail clients to submit.
 */
import type { TlsInfo } from '../engine.ts';
import { utf8Bytes } from '../wire/bytes.ts';
import { encodeSaslPlain } from '../wire/sasl-plain.ts';
import { ReplyReader, replyClass, type SmtpReply } from './client-reply.ts';
import type { SmtpClientState } from './client-state.ts';
import { ClientPipe, type Awaiting, type ClientOutput } from './client-pipe.ts';
import { dotStuff } from './client-dot-stuff.ts';
import { NO_CAPABILITIES, envelopeCommands, offersAuth, parseEhlo, type Capabilities } from './client-envelope.ts';
import { recipientResults } from './client-result.ts';
import type { SessionFailure, SmtpClientOptions, SmtpClientResult } from './client-types.ts';

export type { SmtpClientEvent, SmtpClientOptions, SmtpClientResult, RecipientResult, TlsPolicy } from './client-types.ts';
export type { SmtpClientState } from './client-state.ts';
export { SMTP_CLIENT_TRANSITIONS } from './client-state.ts';

export class SmtpClient extends ClientPipe {
  result: SmtpClientResult | null = null;
  capabilities: Capabilities = NO_CAPABILITIES;
  private readonly reader = new ReplyReader();
  private tls: TlsInfo | null = null;
  private esmtp = false;
  private authenticated = false;
  private pipelined = false;
  private tlsDeclined = false;
  private authCancelled = false;
  /** RFC 2920 §3.1: DATA got 354 with no valid recipient; the lone dot's reply means nothing. */
  private emptyData = false;
  private mailReply: SmtpReply | null = null;
  private readonly rcptReplies: Array<SmtpReply | null>;
  private accepted = 0;
  private final: { reply: SmtpReply; stage: SmtpClientState } | null = null;
  private failure: SessionFailure | null = null;

  constructor(readonly options: SmtpClientOptions) {
    super();
    if (options.to.length === 0) throw new Error('SmtpClient needs at least one recipient');
    this.rcptReplies = options.to.map(() => null);
  }

  /** The connection is open; the client waits for the greeting (RFC 5321 §3.1). */
  start(now: number): ClientOutput[] {
    this.now = now;
    this.expect({ state: 'greeting' });
    return this.flush();
  }

  feed(bytes: Uint8Array, now: number): ClientOutput[] {
    this.now = now;
    // During the handshake the bytes belong to the TLS layer, never to SMTP (RFC 3207 §4.2).
    if (this.state === 'done' || this.state === 'tls-handshake') return this.flush();
    this.reader.push(bytes);
    while (this.awaitingReplies()) {
      const read = this.reader.next();
      if (!read) break;
      if ('error' in read) this.abort(`protocol error: ${read.error}`);
      else this.onReply(read.reply);
    }
    return this.flush();
  }

  /** The TLS handshake finished: after STARTTLS, or before the greeting with implicit TLS. */
  tlsStarted(info: TlsInfo, now: number): ClientOutput[] {
    this.now = now;
    this.tls = info;
    this.emit({ kind: 'tls', info });
    if (this.state === 'tls-handshake') {
      // RFC 3207 §4.2: "The client MUST discard any knowledge obtained from the server […]
      // which was not obtained from the TLS negotiation itself", then SHOULD send EHLO.
      this.reader.clear();
      this.capabilities = NO_CAPABILITIES;
      this.send(`EHLO ${this.options.clientName}`, { state: 'ehlo' });
    }
    return this.flush();
  }

  /** RFC 5321 §4.5.3.2: "An SMTP client MUST provide a timeout mechanism." */
  tick(now: number): ClientOutput[] {
    this.now = now;
    if (this.deadline !== null && now >= this.deadline && this.state !== 'done') {
      this.abort(`timeout: no reply in state ${this.state} (RFC 5321 §4.5.3.2)`);
    }
    return this.flush();
  }

  /** The connection went away. */
  closed(now: number): ClientOutput[] {
    this.now = now;
    if (this.state !== 'done') this.finish(this.failure ?? { stage: this.state, reason: 'the connection closed before the session ended', reply: null, permanent: false }, false);
    return this.flush();
  }

  private awaitingReplies(): boolean {
    return this.state !== 'done' && this.state !== 'tls-handshake';
  }

  private onReply(reply: SmtpReply): void {
    const head = this.awaiting.shift();
    if (!head) return this.abort(`protocol error: a ${reply.code} reply to no command`, reply);
    this.emit({ kind: 'reply', command: head.state, reply });
    // RFC 5321 §3.8: 421 means the server is closing the transmission channel now.
    if (reply.code === 421 && head.state !== 'quit') {
      return this.finish(this.failure ?? { stage: head.state, reason: 'the server is shutting the session down', reply, permanent: false }, true);
    }
    this.dispatch(head, reply);
    const next = this.awaiting[0];
    if (next) this.setState(next.state);
  }

  // ── Handlers, one per awaited reply ─────────────────────────────────────────

  private dispatch(head: Awaiting, reply: SmtpReply): void {
    switch (head.state) {
      case 'greeting': return this.onGreeting(reply);
      case 'ehlo': return this.onEhlo(reply);
      case 'helo': return this.onHelo(reply);
      case 'starttls': return this.onStarttls(reply);
      case 'auth': return this.onAuth(reply);
      case 'mail': return this.onMail(reply);
      case 'rcpt': return this.onRcpt(reply, head.index ?? 0);
      case 'data': return this.onData(reply);
      case 'message': return this.onMessage(reply);
      case 'quit': return this.finish(this.failure, true);
    }
  }

  /** @rfc 5321#3.1 a 554 greeting: the client "SHOULD wait for the QUIT", so it sends one. */
  private onGreeting(reply: SmtpReply): void {
    if (replyClass(reply.code) === 'positive') this.send(`EHLO ${this.options.clientName}`, { state: 'ehlo' });
    else this.failAndQuit('the server refused the session', reply);
  }

  /** @rfc 5321#3.2 "if the server returns a 'command not recognized' response to EHLO, the client SHOULD be able to fall back and send HELO." */
  private onEhlo(reply: SmtpReply): void {
    if (replyClass(reply.code) === 'positive') {
      this.esmtp = true;
      this.capabilities = parseEhlo(reply);
      this.afterHello();
    } else if (reply.code === 500 || reply.code === 502) {
      this.send(`HELO ${this.options.clientName}`, { state: 'helo' });
    } else {
      this.failAndQuit('the server refused EHLO', reply);
    }
  }

  private onHelo(reply: SmtpReply): void {
    if (replyClass(reply.code) !== 'positive') return this.failAndQuit('the server refused HELO', reply);
    this.capabilities = NO_CAPABILITIES;
    this.afterHello();
  }

  /** @rfc 3207#4.1 a refused STARTTLS: carry on in plaintext only if the policy allows it. */
  private onStarttls(reply: SmtpReply): void {
    if (reply.code === 220) {
      this.setState('tls-handshake');
      this.deadline = null;
      this.reader.clear();
      this.output({ type: 'starttls' });
    } else if (this.options.tls === 'required') {
      this.failAndQuit('TLS is required but the server refused STARTTLS', reply, false);
    } else {
      this.tlsDeclined = true;
      this.afterHello();
    }
  }

  /** @rfc 4954#4 235 on success; a 334 after an initial response is answered with "*" (cancel). */
  private onAuth(reply: SmtpReply): void {
    const user = this.options.credentials?.user ?? '';
    if (reply.code === 235) {
      this.authenticated = true;
      this.emit({ kind: 'auth', user, ok: true, mechanism: 'PLAIN' });
      this.beginTransaction();
    } else if (reply.code === 334 && !this.authCancelled) {
      this.authCancelled = true;
      this.send('*', { state: 'auth' });
    } else {
      this.emit({ kind: 'auth', user, ok: false, mechanism: 'PLAIN' });
      this.failAndQuit('authentication failed', reply);
    }
  }

  private onMail(reply: SmtpReply): void {
    this.mailReply = reply;
    const ok = replyClass(reply.code) === 'positive';
    if (!ok) this.failure = { stage: 'mail', reason: 'the server refused the sender', reply, permanent: reply.code >= 500 };
    if (this.pipelined) return;
    if (ok) this.send(this.rcptLine(0), { state: 'rcpt', index: 0 });
    else this.quit();
  }

  private onRcpt(reply: SmtpReply, index: number): void {
    this.rcptReplies[index] = reply;
    if (replyClass(reply.code) === 'positive') this.accepted++;
    if (this.pipelined) return;
    if (index + 1 < this.options.to.length) this.send(this.rcptLine(index + 1), { state: 'rcpt', index: index + 1 });
    else if (this.accepted > 0) this.send('DATA', { state: 'data' });
    else this.quit();
  }

  /** @rfc 2920#3.1 "if the DATA command was accepted the client SMTP should send a single dot." */
  private onData(reply: SmtpReply): void {
    if (reply.code !== 354) {
      this.final = { reply, stage: 'data' };
      return this.quit();
    }
    const mailOk = this.mailReply !== null && replyClass(this.mailReply.code) === 'positive';
    this.emptyData = !mailOk || this.accepted === 0;
    this.write(this.emptyData ? utf8Bytes('.\r\n') : dotStuff(this.options.message));
    this.expect({ state: 'message' });
  }

  private onMessage(reply: SmtpReply): void {
    if (!this.emptyData) this.final = { reply, stage: 'message' };
    this.quit();
  }

  // ── Steps ───────────────────────────────────────────────────────────────────

  private afterHello(): void {
    if (!this.tls && this.options.tls !== 'never' && !this.tlsDeclined) {
      if (this.capabilities.has('STARTTLS')) return this.send('STARTTLS', { state: 'starttls' });
      if (this.options.tls === 'required') return this.failAndQuit('TLS is required but the server does not offer STARTTLS', null, false);
    }
    if (this.options.credentials && !this.authenticated) return this.sendAuth();
    this.beginTransaction();
  }

  /** @rfc 4616#2 message = [authzid] UTF8NUL authcid UTF8NUL passwd, sent as the initial response (RFC 4954 §4). */
  private sendAuth(): void {
    if (!offersAuth(this.capabilities, 'PLAIN')) return this.failAndQuit('the server does not offer AUTH PLAIN', null, true);
    const { user, password } = this.options.credentials!;
    const token = encodeSaslPlain(user, password);
    this.send(`AUTH PLAIN ${token}`, { state: 'auth' });
  }

  /** @rfc 2920#3.1 MAIL and RCPT may appear anywhere in a group, DATA only last. */
  private beginTransaction(): void {
    const { from, to, message } = this.options;
    const env = envelopeCommands(from, to, message, this.capabilities);
    if ('error' in env) return this.failAndQuit(env.error, null, true);
    this.pipelined = this.capabilities.has('PIPELINING');
    if (!this.pipelined) return this.send(env.mail, { state: 'mail' });
    const group: Array<[string, Awaiting]> = [[env.mail, { state: 'mail' }]];
    env.rcpts.forEach((line, index) => group.push([line, { state: 'rcpt', index }]));
    group.push(['DATA', { state: 'data' }]);
    this.write(utf8Bytes(group.map(([line]) => line + '\r\n').join('')));
    for (const [, awaiting] of group) this.expect(awaiting);
  }

  private rcptLine(index: number): string {
    return `RCPT TO:<${this.options.to[index]}>`;
  }

  private quit(): void {
    this.send('QUIT', { state: 'quit' });
  }

  private failAndQuit(reason: string, reply: SmtpReply | null, permanent = (reply?.code ?? 0) >= 500): void {
    this.failure = { stage: this.state, reason, reply, permanent };
    this.quit();
  }

  /** Ends the session without QUIT: the peer cannot be trusted to answer any more. */
  private abort(reason: string, reply: SmtpReply | null = null): void {
    this.finish(this.failure ?? { stage: this.state, reason, reply, permanent: false }, true);
  }

  private finish(failure: SessionFailure | null, close: boolean): void {
    this.failure = failure;
    this.awaiting.length = 0;
    this.deadline = null;
    const recipients = recipientResults({
      to: this.options.to, mail: this.mailReply, rcpts: this.rcptReplies, final: this.final, failure, state: this.state,
    });
    this.result = { recipients, failure, tls: this.tls, esmtp: this.esmtp, authenticated: this.authenticated, pipelined: this.pipelined };
    for (const result of recipients) this.emit({ kind: 'recipient', result });
    this.emit({ kind: 'done', result: this.result });
    this.setState('done');
    if (close) this.output({ type: 'close' });
  }
}
