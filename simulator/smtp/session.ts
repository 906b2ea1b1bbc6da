/**
 * One SMTP connection's state: who the client said it was, whether TLS and AUTH happened (the
 * session), and the envelope of the mail being sent (the transaction). RSET clears only the
 * transaction (RFC 5321 §4.1.1.5); STARTTLS clears both (RFC 3207 §4.2).
 */
import type { EngineContext, ServiceRole, TlsInfo } from '../engine.ts';
import type { CommandSpec } from '../command.ts';
import { StateMachine } from '../fsm.ts';
import { isEnabled, type HostSettings } from '../host-settings.ts';
import type { Mailbox } from './address.ts';
import type { InputReader } from './effects.ts';
import { SMTP_TABLE, type SmtpInput, type SmtpState } from './state.ts';

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

/** RFC 5321 §4.5.3.1.8: at least 100 recipients must be accepted; we take exactly that many. */
export const MAX_RECIPIENTS = 100;
/**
 * Postfix's smtpd_hard_error_limit (default 20): after this many error replies without a
 * delivered message the server hangs up with 421 (RFC 5321 §3.8).
 */
export const MAX_ERRORS = 20;

export class SmtpSession {
  readonly machine = new StateMachine<SmtpState, SmtpInput>(SMTP_TABLE);
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
  /** The time of the input being handled (time is an input: engine.ts). */
  now = 0;
  private messageCount = 0;

  constructor(
    readonly ctx: EngineContext,
    /**
     * The registry's commands as specs (HELP lists them); given by the server, so the session does
     * not import the command files that import it.
     */
    readonly commands: readonly CommandSpec<SmtpState>[],
  ) {
    this.secure = ctx.peer.implicitTls;
  }

  get state(): SmtpState {
    return this.machine.state;
  }

  /** The port's role, as the transport says: MX relay (25) or submission (587, 2525, 465; RFC 6409, RFC 8314). */
  get role(): ServiceRole {
    return this.ctx.role;
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
}
