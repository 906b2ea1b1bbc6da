/**
 * Carries out the effects IMAP command handlers return (effects.ts), in order: untagged data,
 * the tagged line, continuation requests, IDLE, the parts of a long response, state moves,
 * STARTTLS, close and BYE. It keeps what the state alone cannot hold: the command in progress
 * and the count of BADs in a row. The server (server.ts) reads input and calls `apply`.
 */
import type { StateMachine } from '../fsm.ts';
import { bye, done, protocolError, type ImapEffect, type LineHandler } from './effects.ts';
import { errorResult } from './errors.ts';
import type { ImapOutput } from './output.ts';
import { ok, type TaggedResult } from './responses.ts';
import type { Session } from './session.ts';
import type { ImapState, ImapTrigger } from './state.ts';
import { continuation, statusResponse } from './wire/response.ts';

/** BADs in a row before the server gives up on the client (RFC 9051 §7.1.5 BYE). */
export const MAX_BADS_IN_A_ROW = 10;

export type Updates = 'all' | 'no-expunge' | 'none';

/** The command the effects belong to: the tag its tagged line carries, its name for the log. */
export interface Running {
  readonly tag: string;
  /** `UID FETCH`, `LOGIN`; empty when the line could not be parsed into a command. */
  readonly name: string;
  /**
   * @rfc 9051#7.5.1 the updates that may go out before its tagged line: all, all but EXPUNGE
   * ("MUST NOT be sent ... while responding to a FETCH, STORE, or SEARCH command"), or none (a
   * line that was refused before it became a command).
   */
  readonly updates: Updates;
}

/** Effects that belong to no command: the greeting, BYE. */
export const CONNECTION: Running = { tag: '*', name: '', updates: 'none' };

/**
 * The command in progress while the connection is in a sub-state of IMAP_TABLE: what the state
 * alone cannot hold (the command the tagged reply will complete, and how to go on).
 */
export type InProgress =
  /** `sasl`: AUTHENTICATE asked for continuation data; the next line is for it. */
  | { readonly kind: 'continuation'; readonly run: Running; readonly onLine: LineHandler }
  /** `idle-*`: RFC 9051 §6.3.13, until DONE. */
  | { readonly kind: 'idle'; readonly run: Running }
  /** `responding`: a long response is being written in parts. */
  | { readonly kind: 'more'; readonly run: Running; readonly resume: () => readonly ImapEffect[] };

export class EffectApplier {
  inProgress: InProgress | null = null;
  private badsInARow = 0;

  constructor(
    private readonly session: Session,
    private readonly machine: StateMachine<ImapState, ImapTrigger>,
    private readonly output: ImapOutput,
    /** Forgets the input read so far (RFC 2595 §3.1: nothing sent before TLS counts after it). */
    private readonly clearInput: () => void,
  ) {}

  /** Each effect in turn: a state move is made before the next effect (and the next command) sees the state. */
  apply(run: Running, effects: readonly ImapEffect[]): void {
    for (let i = 0; i < effects.length; i++) this.one(run, effects[i]!);
  }

  private one(run: Running, e: ImapEffect): void {
    const out = this.output;
    switch (e.type) {
      case 'untagged':
        out.untagged(e.pieces);
        return;
      case 'done':
        this.complete(run, e.result);
        return;
      case 'error':
        this.complete(run, errorResult(e.error));
        return;
      case 'continue':
        this.enter('AUTHENTICATE-continue');
        this.inProgress = { kind: 'continuation', run, onLine: e.onLine };
        out.write(['+ ', e.prompt, '\r\n']); // RFC 9051 §7.6 continuation request (SASL: base64)
        return;
      case 'idle':
        this.startIdle(run);
        return;
      case 'more':
        // The transport sends what is written so far, then ticks us for the next part.
        if (this.session.state !== 'responding') this.enter('FETCH-more');
        this.inProgress = { kind: 'more', run, resume: e.resume };
        out.push({ type: 'timer', at: this.session.now });
        return;
      case 'enter':
        this.enter(e.on);
        return;
      case 'event':
        out.event(e.event);
        return;
      case 'starttls':
        // RFC 9051 §6.2.1 / RFC 2595 §3.1: nothing the client sent before the handshake counts.
        this.clearInput();
        out.push({ type: 'starttls' });
        return;
      case 'close':
        this.shutDown('LOGOUT');
        out.push({ type: 'close' });
        return;
      case 'bye':
        out.write([statusResponse('*', 'BYE', e.text, e.code)]);
        this.shutDown('bye');
        out.push({ type: 'close' });
        return;
    }
  }

  /** Moves along the edge of IMAP_TABLE for `on` (a missing edge is a bug in this server) and reports a change of state. */
  private enter(on: ImapTrigger): void {
    const change = this.machine.fire(on);
    if (change.from !== change.to) this.output.event(change);
  }

  /** `tag STATUS [CODE] text` after the updates the command may carry; the command is over. */
  private complete(run: Running, result: TaggedResult): void {
    const s = this.session;
    this.inProgress = null;
    // The command in progress is over: a SASL exchange that did not log in, the last part of a FETCH.
    if (s.state === 'sasl') this.enter('AUTHENTICATE-failed');
    else if (s.state === 'responding') this.enter('FETCH-done');
    this.flushUpdates(run.updates);
    this.output.write([statusResponse(run.tag, result.status, result.text, result.code)]);
    this.output.event({ kind: 'command', tag: run.tag, name: run.name, status: result.status });
    this.badsInARow = result.status === 'BAD' ? this.badsInARow + 1 : 0;
    if (this.badsInARow >= MAX_BADS_IN_A_ROW) this.bye(`Too many errors (${this.badsInARow} BAD responses in a row)`);
    else this.byeIfMailboxGone();
  }

  /** @rfc 9051#7.1.5 BYE: the server is closing the connection. */
  bye(text: string, code?: string): void {
    this.one(CONNECTION, bye(text, code));
  }

  /**
   * Another session deleted the selected mailbox: there is no response that deselects it, so the
   * server disconnects, as Dovecot does (RFC 9051 §7.1.5 BYE "as a panic shutdown announcement").
   */
  byeIfMailboxGone(): void {
    if (this.session.view?.deleted) this.bye('Selected mailbox was deleted, have to disconnect');
  }

  /** Delivers what other sessions changed, where RFC 9051 §7.5.1 allows it. */
  flushUpdates(updates: Updates): void {
    const view = this.session.view;
    if (!view || updates === 'none') return;
    for (const line of view.drain(updates === 'all')) this.output.write(['* ', line, '\r\n']);
  }

  /**
   * @rfc 2177#3 "The server requests a response to the IDLE command using the continuation ("+")
   * response." Updates already waiting go out at once; later ones as `storeChanged` brings them.
   */
  private startIdle(run: Running): void {
    this.enter('IDLE');
    this.inProgress = { kind: 'idle', run };
    this.output.write([continuation('idling')]);
    this.output.event({ kind: 'idle', active: true });
    this.flushUpdates('all');
  }

  /** @rfc 2177#3 "The IDLE command is terminated by the receipt of a "DONE" continuation". */
  idleLine(run: Running, line: string): void {
    this.output.event({ kind: 'idle', active: false });
    this.inProgress = null;
    this.enter('DONE');
    // The tagged line comes after the updates that are waiting (`complete` delivers them).
    this.apply(run, [line.trim().toUpperCase() === 'DONE' ? done(ok('IDLE terminated')) : protocolError({ kind: 'idle-not-done', line })]);
  }

  /** Leaves IDLE and the selected mailbox and moves to the logout state (LOGOUT, BYE, or a dropped connection). */
  shutDown(on: 'LOGOUT' | 'bye' | 'dropped'): void {
    const s = this.session;
    if (s.state === 'idle-authenticated' || s.state === 'idle-selected') this.output.event({ kind: 'idle', active: false });
    this.inProgress = null;
    s.dropView();
    if (s.state !== 'logout') this.enter(on);
  }
}
