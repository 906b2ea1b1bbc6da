/**
 * The IMAP client engine, sans-I/O: the server's bytes go in, tagged commands come out.
 * One connection: greeting → (STARTTLS → CAPABILITY) → LOGIN → sync every folder
 * (./imap-sync.ts) → IDLE on INBOX for push, or LOGOUT. Untagged data is applied to the
 * replica wherever it arrives (RFC 9051 §7: the server may send it at any time).
 */
import type { Output, TlsInfo } from '../engine.ts';
import type { ImapValue } from '../imap/wire/value.ts';
import { utf8Bytes } from '../wire/bytes.ts';
import { canTransition, type ImapClientState } from './imap-client-state.ts';
import type { ImapReplica } from './imap-replica.ts';
import { atomText, ImapResponseReader, type ImapResponse } from './imap-response.ts';
import { fetchNew, quoteString, select, syncAll, type CommandHandlers, type SelectedMailbox, type StatusResponse, type SyncHost } from './imap-sync.ts';
import type { ImapClientEvent, ImapClientOptions } from './imap-types.ts';
import { applyExpunge, applyFetch, type UntaggedTarget } from './imap-untagged.ts';

export type { ImapClientState } from './imap-client-state.ts';
export { IMAP_CLIENT_TRANSITIONS } from './imap-client-state.ts';
export type { ImapClientEvent, ImapClientOptions } from './imap-types.ts';

type ClientOutput = Output<ImapClientEvent>;

interface InFlight extends CommandHandlers {
  tag: string;
  verb: string;
}

export class ImapClient implements SyncHost {
  state: ImapClientState = 'greeting';
  readonly capabilities = new Set<string>();
  selected: SelectedMailbox | null = null;
  private readonly reader = new ImapResponseReader();
  private out: ClientOutput[] = [];
  private now = 0;
  private secure = false;
  private tags = 0;
  private inflight: InFlight | null = null;
  private busy = false;
  private wants = { sync: false, fetchNew: false, logout: false };

  constructor(readonly options: ImapClientOptions) {}

  get replica(): ImapReplica {
    return this.options.replica;
  }

  start(now: number): ClientOutput[] {
    this.now = now;
    return this.flush();
  }

  feed(bytes: Uint8Array, now: number): ClientOutput[] {
    this.now = now;
    if (!this.reading()) return this.flush();
    this.reader.push(bytes);
    while (this.reading()) {
      const framed = this.reader.next();
      if (!framed) break;
      this.emit({ kind: 'wire', lines: [framed.wire] });
      if (framed.response.type === 'error') this.fatal(`protocol error: ${framed.response.error}`);
      else this.onResponse(framed.response);
    }
    return this.flush();
  }

  tlsStarted(_info: TlsInfo, now: number): ClientOutput[] {
    this.now = now;
    this.secure = true;
    if (this.state === 'tls-handshake') {
      // RFC 9051 §6.2.1: the client "MUST discard cached information about server capabilities".
      this.capabilities.clear();
      this.go('capability');
      this.run('CAPABILITY', { done: () => this.login() });
    }
    return this.flush();
  }

  closed(now: number): ClientOutput[] {
    this.now = now;
    if (this.state !== 'done') {
      if (this.state !== 'logout') this.emit({ kind: 'failed', reason: 'the connection closed' });
      this.finish();
    }
    return this.flush();
  }

  /** Check now and push local changes; from IDLE this sends DONE first (RFC 2177 §3). */
  requestSync(now: number): ClientOutput[] {
    this.now = now;
    this.wants.sync = true;
    if (this.state === 'idle') this.endIdle();
    return this.flush();
  }

  logout(now: number): ClientOutput[] {
    this.now = now;
    this.wants.logout = true;
    if (this.state === 'idle') this.endIdle();
    else if (this.state === 'authenticated' && !this.busy) this.nextJob();
    return this.flush();
  }

  // ── SyncHost: what ./imap-sync.ts drives ───────────────────────────────────

  run(command: string, handlers: CommandHandlers): void {
    const tag = `a${++this.tags}`;
    this.inflight = { tag, verb: command.split(' ')[0]!.toUpperCase(), ...handlers };
    this.write(`${tag} ${command}`);
  }

  emit(event: ImapClientEvent): void {
    this.out.push({ type: 'event', event });
  }

  // ── Responses ─────────────────────────────────────────────────────────────

  private onResponse(r: ImapResponse): void {
    if (r.type === 'continue') {
      if (this.inflight?.verb === 'IDLE') this.startedIdle();
      return;
    }
    if (r.type === 'data') return this.onData(r.values);
    if (r.tag === '*') return this.onUntaggedStatus(r);
    if (!this.inflight || r.tag !== this.inflight.tag) return; // not ours: nothing to do with it
    const done = this.inflight;
    this.inflight = null;
    if (r.code?.name === 'CAPABILITY') this.setCapabilities(r.code.args);
    done.done(r);
  }

  private onUntaggedStatus(r: StatusResponse): void {
    const code = r.code;
    if (this.state === 'greeting') return this.onGreeting(r);
    if (r.condition === 'BYE') return;
    if (!code) return;
    const n = typeof code.args[0] === 'number' ? code.args[0] : null;
    if (code.name === 'CAPABILITY') this.setCapabilities(code.args);
    else if (code.name === 'UIDVALIDITY' && this.selected && n !== null) this.selected.uidValidity = n;
    else if (code.name === 'UIDNEXT' && this.selected && n !== null) this.selected.uidNext = n;
  }

  private onData(values: ImapValue[]): void {
    const [first, second] = values;
    if (typeof first === 'number') {
      const what = atomText(second).toUpperCase();
      if (what === 'EXISTS') this.onExists(first);
      else if (what === 'EXPUNGE') applyExpunge(this.untagged(), first);
      else if (what === 'FETCH') applyFetch(this.untagged(), first, values[2]);
    } else if (atomText(first).toUpperCase() === 'CAPABILITY') this.setCapabilities(values.slice(1));
    this.inflight?.onData?.(values);
  }

  private onExists(n: number): void {
    const s = this.selected;
    if (!s) return;
    const grew = n > s.exists;
    s.exists = n;
    while (s.seqMap.length < n) s.seqMap.push(null);
    // RFC 2177 §3: new mail while idling: leave IDLE to fetch it.
    if (grew && this.state === 'idle') {
      this.wants.fetchNew = true;
      this.endIdle();
    }
  }

  private untagged(): UntaggedTarget {
    return { selected: this.selected, replica: this.replica, now: this.now, emit: (e) => this.emit(e) };
  }

  // ── Connection set-up ─────────────────────────────────────────────────────

  private onGreeting(r: StatusResponse): void {
    if (r.condition === 'BYE') return this.fatal(`the server refused the connection: ${r.text}`);
    if (r.code?.name === 'CAPABILITY') this.setCapabilities(r.code.args);
    if (r.condition === 'PREAUTH') return this.loggedIn();
    if (this.capabilities.size) return this.afterCapabilities();
    this.go('capability');
    this.run('CAPABILITY', { done: () => this.afterCapabilities() });
  }

  private afterCapabilities(): void {
    if (!this.secure && this.options.tls === 'starttls' && this.capabilities.has('STARTTLS')) {
      this.go('starttls');
      this.run('STARTTLS', {
        done: (s) => {
          if (s.condition !== 'OK') return this.login();
          this.reader.clear();
          this.go('tls-handshake');
          this.out.push({ type: 'starttls' });
        },
      });
      return;
    }
    this.login();
  }

  /** RFC 9051 §6.2.3 LOGIN; refused outright when the server says LOGINDISABLED. */
  private login(): void {
    if (this.capabilities.has('LOGINDISABLED')) return this.fatal('the server does not accept LOGIN on this connection (LOGINDISABLED): it needs TLS first');
    this.go('login');
    this.run(`LOGIN ${quoteString(this.options.user)} ${quoteString(this.options.password)}`, {
      done: (s) => (s.condition === 'OK' ? this.loggedIn() : this.fatal(`login failed: ${s.text}`)),
    });
  }

  private loggedIn(): void {
    this.go('authenticated');
    this.wants.sync = true;
    this.nextJob();
  }

  // ── Jobs: sync, fetch new, IDLE, LOGOUT ───────────────────────────────────

  private nextJob(): void {
    if (this.wants.logout) {
      this.go('logout');
      this.run('LOGOUT', { done: () => this.finish() });
      return;
    }
    if (this.wants.sync || this.wants.fetchNew) {
      const full = this.wants.sync;
      this.wants.sync = false;
      this.wants.fetchNew = false;
      this.busy = true;
      const then = (): void => {
        this.busy = false;
        this.nextJob();
      };
      if (full) syncAll(this, then);
      else fetchNew(this, then);
      return;
    }
    if (!this.options.stayIdle) {
      this.wants.logout = true;
      return this.nextJob();
    }
    this.idleOnInbox();
  }

  /** RFC 2177 §3: IDLE on INBOX; mail that came while other folders were selected is fetched first. */
  private idleOnInbox(): void {
    select(this, 'INBOX', (ok) => {
      if (!ok || !this.capabilities.has('IDLE')) return this.idleUnavailable();
      const serverNext = this.selected?.uidNext ?? 0;
      if (serverNext > this.replica.folder('INBOX').uidNext) {
        this.wants.fetchNew = true;
        return this.nextJob();
      }
      this.run('IDLE', { done: () => this.idleEnded() });
    });
  }

  private startedIdle(): void {
    this.go('idle');
    this.emit({ kind: 'idling', folder: this.selected?.name ?? 'INBOX' });
    // Something was asked for between sending IDLE and its "+": leave at once.
    if (this.wants.sync || this.wants.logout || this.wants.fetchNew) this.endIdle();
  }

  /**
   * RFC 2177 §3: "The IDLE command is terminated by the receipt of a DONE continuation".
   * @rfc 2177#3
   */
  private endIdle(): void {
    if (this.state !== 'idle') return;
    this.go('authenticated');
    this.write('DONE');
  }

  private idleEnded(): void {
    if (this.state === 'idle') this.go('authenticated');
    this.nextJob();
  }

  private idleUnavailable(): void {
    this.emit({ kind: 'failed', reason: 'the server does not offer IDLE: no push, the device has to poll' });
    this.wants.logout = true;
    this.nextJob();
  }

  // ── Plumbing ──────────────────────────────────────────────────────────────

  private reading(): boolean {
    return this.state !== 'done' && this.state !== 'tls-handshake';
  }

  private setCapabilities(values: readonly ImapValue[]): void {
    this.capabilities.clear();
    for (const v of values) this.capabilities.add(atomText(v).toUpperCase());
  }

  private fatal(reason: string): void {
    this.emit({ kind: 'failed', reason });
    if (this.state === 'done' || this.state === 'logout') return;
    this.wants.logout = true;
    this.inflight = null;
    this.go('logout');
    this.run('LOGOUT', { done: () => this.finish() });
  }

  private finish(): void {
    this.go('done');
    this.out.push({ type: 'close' });
    this.emit({ kind: 'done' });
  }

  private write(line: string): void {
    this.out.push({ type: 'write', bytes: utf8Bytes(line + '\r\n') });
  }

  private go(to: ImapClientState): void {
    if (this.state === to) return;
    if (!canTransition(this.state, to)) throw new Error(`IMAP client: no transition ${this.state} → ${to}`);
    this.emit({ kind: 'state', from: this.state, to });
    this.state = to;
  }

  private flush(): ClientOutput[] {
    const out = this.out;
    this.out = [];
    return out;
  }
}
