/**
 * One SMTP connection's state: who the client said it was, whether TLS and AUTH happened (the
 * session), and the envelope of the mail being sent (the transaction). RSET clears only the
 * transaction (RFC 5321 §4.1.1.5); STARTTLS clears both (RFC 3207 §4.2).
 */
import type { EngineEvent, Output, TlsInfo } from '../engine.ts';
import { isEnabled, type HostSettings } from '../world/host.ts';
import { portSpec, type PortRole } from '../world/ports.ts';
import type { ServerContext } from '../net/server-context.ts';
import type { LineBuffer } from '../wire/line-buffer.ts';
import type { Mailbox } from './address.ts';
import type { SmtpCommand } from './command.ts';
import { formatReply, isError, type Reply } from './replies.ts';
import { nextState, type SmtpInput, type SmtpState } from './state.ts';

/** What the SMTP server reports besides state, auth and TLS changes. */
export type SmtpEvent =
  | EngineEvent
  | {
      kind: 'message';
      id: string;
      from: string;
      recipients: string[];
      size: number;
      /** Recipients handed to the outbound queue (other domains). */
      queued: string[];
      /** Recipients whose mailbox now holds the message. */
      delivered: string[];
    };

export interface Recipient {
  mailbox: Mailbox;
  /** The account that receives it here, or null when it is relayed to another host. */
  account: string | null;
}

export interface Transaction {
  /** The reverse-path; null is the null path `<>` (RFC 5321 §4.5.5). */
  from: Mailbox | null;
  /** RFC 1870 SIZE=, if the client declared it. */
  declaredSize: number | null;
  /** RFC 6531 §3.4: the SMTPUTF8 parameter was given on MAIL. */
  smtputf8: boolean;
  recipients: Recipient[];
  /** RFC 3030: the chunks received so far once BDAT has been used in this transaction. */
  bdat?: BdatProgress;
}

export interface BdatProgress {
  chunks: Uint8Array[];
  octets: number;
  /** A chunk failed: the rest are read and discarded until RSET (RFC 3030 §2). */
  failed: boolean;
}

/** Something that owns the input for a while: DATA content, a BDAT chunk, a SASL exchange. */
export interface InputReader {
  /** Consumes what it can; false when it must wait for more bytes. */
  read(input: LineBuffer, now: number): boolean;
}

/** RFC 5321 §4.5.3.1.8: at least 100 recipients must be accepted; we take exactly that many. */
export const MAX_RECIPIENTS = 100;
/**
 * Postfix's smtpd_hard_error_limit (default 20): after this many error replies without a
 * delivered message the server hangs up with 421 (RFC 5321 §3.8).
 */
export const MAX_ERRORS = 20;

export class SmtpSession {
  state: SmtpState = 'connected';
  /** The EHLO/HELO argument and whether it was EHLO (extensions are on only after EHLO). */
  helo: { name: string; esmtp: boolean } | null = null;
  /** The connection is encrypted: after STARTTLS, or from the first byte on 465. */
  secure: boolean;
  tls: TlsInfo | null = null;
  /** The authenticated account's address (RFC 4954), kept across RSET. */
  user: string | null = null;
  tx: Transaction | null = null;
  reader: InputReader | null = null;
  errors = 0;
  /** How the last command line ended; DATA's own CRLF starts the CRLF.CRLF end sequence. */
  lastLineEnding: 'crlf' | 'lf' = 'crlf';
  private messageCount = 0;
  private out: Output<SmtpEvent>[] = [];

  constructor(
    readonly ctx: ServerContext,
    readonly commands: readonly SmtpCommand[],
  ) {
    this.secure = ctx.peer.implicitTls;
  }

  /** The port's role: MX relay (25) or submission (587, 2525, 465; RFC 6409, RFC 8314). */
  get role(): PortRole {
    return portSpec(this.ctx.peer.localPort)?.role ?? (this.ctx.peer.implicitTls ? 'submission' : 'relay');
  }

  get hostName(): string {
    return this.ctx.host.name;
  }

  get settings(): HostSettings {
    return this.ctx.host.settings;
  }

  offers(capability: string): boolean {
    return isEnabled(this.ctx.host, capability);
  }

  /**
   * RFC 8314 §4 / RFC 4954 §4: credentials only over TLS, unless the host allows plaintext to
   * show what an eavesdropper would see.
   */
  get authAllowed(): boolean {
    return this.secure || this.settings.plaintextAuth;
  }

  send(reply: Reply): void {
    if (isError(reply) && reply.code !== 421) this.errors++;
    this.out.push({ type: 'write', bytes: formatReply(reply, this.offers('ENHANCEDSTATUSCODES')) });
  }

  emit(event: SmtpEvent): void {
    this.out.push({ type: 'event', event });
  }

  /** Moves along the one transition table; emits a state event when the state changes. */
  move(on: SmtpInput): void {
    const from = this.state;
    const to = nextState(from, on);
    this.state = to;
    if (from !== to) this.emit({ kind: 'state', from, to });
  }

  requestTls(): void {
    this.out.push({ type: 'starttls' });
  }

  /** Sends a final reply and closes: QUIT's 221, or a 421 (RFC 5321 §3.8). */
  close(reply: Reply, on: 'QUIT' | '421'): void {
    this.send(reply);
    this.tx = null;
    this.reader = null;
    this.move(on);
    this.out.push({ type: 'close' });
  }

  pushTimer(at: number): void {
    this.out.push({ type: 'timer', at });
  }

  /** RFC 5321 §4.1.1.5 RSET: the envelope goes, the EHLO and the login stay. */
  resetTransaction(): void {
    this.tx = null;
    this.reader = null;
  }

  /** RFC 3207 §4.2: forget everything not learnt from the TLS negotiation itself. */
  resetSession(): void {
    this.resetTransaction();
    this.helo = null;
    this.user = null;
  }

  /** A queue id unique to this session (Received `id`, the 250 after DATA). */
  nextMessageId(now: number): string {
    const session = this.ctx.sessionId.replace(/[^A-Za-z0-9]/g, '').toUpperCase();
    return `${now.toString(36).toUpperCase()}-${session}-${++this.messageCount}`;
  }

  /** Hands the outputs collected so far to the transport. */
  drain(): Output<SmtpEvent>[] {
    const out = this.out;
    this.out = [];
    return out;
  }
}
