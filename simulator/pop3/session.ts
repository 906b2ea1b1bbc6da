/**
 * What one POP3 connection knows. The server (server.ts) frames lines, dispatches and carries out
 * what the handlers (commands/*.ts) return; handlers read this and update the session's own data.
 */
import type { EngineContext, TlsInfo } from '../engine.ts';
import type { CommandSpec } from '../command.ts';
import { StateMachine } from '../fsm.ts';
import type { Account } from '../store/account.ts';
import type { Maildrop } from './maildrop.ts';
import { POP3_TABLE, type Pop3State, type Pop3Trigger } from './state.ts';
import type { Pop3Options } from './options.ts';

export class Pop3Session {
  readonly machine = new StateMachine<Pop3State, Pop3Trigger>(POP3_TABLE);
  /** The TLS layer once STLS or implicit TLS finished; null while plaintext. */
  tls: TlsInfo | null = null;
  /** RFC 1939 §7 APOP: the `<timestamp@host>` of the greeting, or null when APOP is off. */
  banner: string | null = null;
  /** The name a USER command gave, waiting for PASS (RFC 1939 §7). */
  pendingUser: string | null = null;
  account: Account | null = null;
  maildrop: Maildrop | null = null;
  errors = 0;
  authFailures = 0;
  /** The time of the input being handled (time is an input: engine.ts). */
  now = 0;

  constructor(
    readonly ctx: EngineContext,
    readonly options: Pop3Options,
    /**
     * The registry's commands as specs (CAPA announces only what is here); given by the server, so
     * the session does not import the command files that import it.
     */
    readonly commands: readonly CommandSpec<Pop3State>[],
  ) {}

  get state(): Pop3State {
    return this.machine.state;
  }

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

  releaseLock(): void {
    if (this.account) this.ctx.backend.unlock(this.account.address, this.ctx.sessionId);
  }
}
