/**
 * What one IMAP connection knows about itself, apart from framing: its state, who logged in,
 * what it ENABLEd, the selected mailbox's view, and the untagged responses a command produced.
 * Command handlers get a Session; the server owns framing and the tagged line.
 */
import type { EngineContext, Output } from '../engine.ts';
import type { Account } from '../store/account.ts';
import type { Mailbox } from '../store/mailbox.ts';
import { currentCapabilities } from './capabilities.ts';
import { type Piece, type StringOptions } from './encode.ts';
import { OutputBuffer } from '../wire/output-buffer.ts';
import type { ImapEvent } from './events.ts';
import type { NameOptions } from './parse/mailbox.ts';
import type { SessionView } from './session-view.ts';
import { StateMachine } from '../fsm.ts';
import { IMAP_TABLE, type ImapState, type ImapTrigger, type ImapVerb } from './state.ts';

export class Session {
  readonly machine = new StateMachine<ImapState, ImapTrigger>(IMAP_TABLE);
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
  /** What the current command has produced so far, in order (writes complete after `flushWrites`). */
  readonly out: Output<ImapEvent>[] = [];
  /** Consecutive writes are gathered here, behind one placeholder output in `out`. */
  private readonly pending = new OutputBuffer();
  private openWrite: Output<ImapEvent> | null = null;

  constructor(
    readonly ctx: EngineContext,
    /** What the command registry implements (CAPABILITY is derived from it); given by the server, so commands and session import each other only as types. */
    private readonly verbs: ReadonlySet<ImapVerb>,
  ) {
    this.tls = ctx.peer.implicitTls;
  }

  get strings(): StringOptions {
    return { utf8: this.utf8 };
  }

  get names(): NameOptions {
    return { utf8Names: this.utf8 };
  }

  /** `* text` */
  untagged(...pieces: Piece[]): void {
    this.write(['* ', ...pieces, '\r\n']);
  }

  /**
   * Response octets. Writes with nothing else between them go out together as a few large
   * chunks (a FETCH of many messages is one batch), not one small write per response line.
   */
  write(pieces: readonly Piece[]): void {
    if (!this.openWrite || this.out[this.out.length - 1] !== this.openWrite) {
      this.flushWrites();
      this.openWrite = { type: 'write', bytes: new Uint8Array(0) };
      this.out.push(this.openWrite);
    }
    for (const piece of pieces) this.pending.append(piece);
  }

  /** Roughly how many octets are waiting to go out. */
  get pendingOutput(): number {
    return this.pending.size;
  }

  /** Puts the gathered octets in place of their placeholder; before `out` is handed on. */
  flushWrites(): void {
    const open = this.openWrite;
    if (!open) return;
    this.openWrite = null;
    const at = this.out.lastIndexOf(open);
    const chunks = this.pending.take();
    if (at >= 0) this.out.splice(at, 1, ...chunks.map((bytes): Output<ImapEvent> => ({ type: 'write', bytes })));
  }

  event(event: ImapEvent): void {
    this.out.push({ type: 'event', event });
  }

  get state(): ImapState {
    return this.machine.state;
  }

  /** Moves along the edge of IMAP_TABLE for `on` (a missing edge is a bug in this server) and reports a change of state. */
  enter(on: ImapTrigger): void {
    const change = this.machine.fire(on);
    if (change.from !== change.to) this.event(change);
  }

  capabilities(): string[] {
    return currentCapabilities({ host: this.ctx.host, tls: this.tls, authenticated: this.account !== null, verbs: this.verbs });
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

  /** Delivers what other sessions changed, where RFC 9051 §7.5.1 allows it. */
  flushUpdates(allowExpunge: boolean): void {
    if (!this.view) return;
    for (const line of this.view.drain(allowExpunge)) this.untagged(line);
  }
}
