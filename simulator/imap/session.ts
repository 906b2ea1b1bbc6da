/**
 * What one IMAP connection knows about itself, apart from framing and output: its state, who
 * logged in, what it ENABLEd and the selected mailbox's view. Command handlers get a Session and
 * may change this model; what goes to the wire and every move of the state are effects they
 * return (effects.ts), carried out by the server (apply.ts).
 */
import type { EngineContext } from '../engine.ts';
import type { StateMachine } from '../fsm.ts';
import type { Account } from '../store/account.ts';
import type { Mailbox } from '../store/mailbox.ts';
import { currentCapabilities } from './capabilities.ts';
import { type StringOptions } from './encode.ts';
import type { NameOptions } from './parse/mailbox.ts';
import type { SessionView } from './session-view.ts';
import type { ImapState, ImapTrigger } from './state.ts';

export class Session {
  tls: boolean;
  account: Account | null = null;
  view: SessionView | null = null;
  /** RFC 9051 Appendix A: "ENABLE IMAP4rev2" switches the session to IMAP4rev2 behaviour. */
  rev2 = false;
  /** RFC 6855 UTF8=ACCEPT (implied by IMAP4rev2): UTF-8 in quoted strings and mailbox names. */
  utf8 = false;
  /** What this session holds as \Recent, per mailbox, across SELECTs (RFC 3501 §2.3.2). */
  private readonly recent = new WeakMap<Mailbox, Set<number>>();
  /** The time of the input being handled (ms); the engine is given it, never reads a clock. */
  now = 0;

  constructor(
    readonly ctx: EngineContext,
    /** The state table's machine: read here, moved only by the effect applier (`enter` effects). */
    private readonly machine: StateMachine<ImapState, ImapTrigger>,
    /** The capabilities the registered commands' specs announce (CAPABILITY is derived from them); given by the server, so commands and session import each other only as types. */
    private readonly announced: ReadonlySet<string>,
  ) {
    this.tls = ctx.peer.implicitTls;
  }

  get strings(): StringOptions {
    return { utf8: this.utf8 };
  }

  get names(): NameOptions {
    return { utf8Names: this.utf8 };
  }

  get state(): ImapState {
    return this.machine.state;
  }

  capabilities(): string[] {
    return currentCapabilities({ host: this.ctx.host, tls: this.tls, authenticated: this.account !== null, announced: this.announced });
  }

  /** The session's \Recent set for a mailbox, or null once IMAP4rev2 is enabled. */
  recentFor(box: Mailbox): Set<number> | null {
    if (this.rev2) return null;
    let set = this.recent.get(box);
    if (!set) {
      set = new Set();
      this.recent.set(box, set);
    }
    return set;
  }

  /** Leaves the selected mailbox (CLOSE, UNSELECT, a new SELECT, LOGOUT). */
  dropView(): void {
    this.view = null;
  }

  /** The account, for handlers that only run once authenticated. */
  get user(): Account {
    if (!this.account) throw new Error('IMAP: handler needs an authenticated session');
    return this.account;
  }

  get selected(): SessionView {
    if (!this.view) throw new Error('IMAP: handler needs a selected mailbox');
    return this.view;
  }
}
