/**
 * The POP3 client engine for one "check mail" run, sans-I/O: the server's bytes go in, the
 * client's commands come out. greeting → CAPA → (STLS → CAPA) → USER/PASS or AUTH PLAIN →
 * UIDL → RETR each new message → DELE as the settings say → QUIT.
 * What is downloaded is decided by UIDL (RFC 1939 §7), never by message number, which changes
 * between sessions.
 */
import type { Output, TlsInfo } from '../engine.ts';
import { utf8Bytes, utf8Text } from '../wire/bytes.ts';
import { encodeSaslPlain } from '../wire/sasl-plain.ts';
import { canTransition, type Pop3ClientState } from './pop3-client-state.ts';
import { Pop3ResponseReader, type Pop3Response } from './pop3-reader.ts';
import type { DeleteReason, Pop3CheckOptions, Pop3CheckResult, Pop3ClientEvent, Pop3Failure } from './pop3-types.ts';
import type { WireLine } from './transcript.ts';

export type { Pop3ClientState } from './pop3-client-state.ts';
export { POP3_CLIENT_TRANSITIONS } from './pop3-client-state.ts';
export type { Pop3CheckOptions, Pop3CheckResult, Pop3ClientEvent, Pop3Settings } from './pop3-types.ts';

const DAY = 24 * 60 * 60_000;
/** Responses to these commands have data lines after a +OK (RFC 1939 §3, RFC 2449 §5). */
const MULTI_LINE: ReadonlySet<Pop3ClientState> = new Set(['capa', 'uidl', 'retr']);

type ClientOutput = Output<Pop3ClientEvent>;

export class Pop3Client {
  state: Pop3ClientState = 'greeting';
  result: Pop3CheckResult | null = null;
  private readonly reader = new Pop3ResponseReader();
  private out: ClientOutput[] = [];
  private now = 0;
  private secure = false;
  private capabilities: string[] = [];
  private capaAfterTls = false;
  private server: Array<{ number: number; uidl: string }> = [];
  private toFetch: Array<{ number: number; uidl: string }> = [];
  private toDelete: Array<{ number: number; uidl: string; reason: DeleteReason }> = [];
  private current: { number: number; uidl: string; reason?: DeleteReason } | null = null;
  private readonly downloaded: string[] = [];
  private readonly marked: string[] = [];
  /** UIDLs a DELE was sent for, whatever the answer: each is tried once. */
  private readonly attempted = new Set<string>();
  private failure: Pop3Failure | null = null;
  private inUse = false;

  constructor(readonly options: Pop3CheckOptions) {}

  start(now: number): ClientOutput[] {
    this.now = now;
    return this.flush();
  }

  feed(bytes: Uint8Array, now: number): ClientOutput[] {
    this.now = now;
    if (!this.reading()) return this.flush();
    this.reader.push(bytes);
    while (this.reading()) {
      const read = this.reader.next(MULTI_LINE.has(this.state));
      if (!read) break;
      if ('error' in read) {
        this.fail(`protocol error: ${read.error}`, null);
        this.finish();
      } else {
        this.wire(read.response);
        this.onResponse(read.response);
      }
    }
    return this.flush();
  }

  /** During the handshake the bytes belong to TLS (RFC 2595 §4), and after the end to no one. */
  private reading(): boolean {
    return this.state !== 'done' && this.state !== 'tls-handshake';
  }

  /** TLS is up: implicit (before the greeting) or after STLS. */
  tlsStarted(_info: TlsInfo, now: number): ClientOutput[] {
    this.now = now;
    this.secure = true;
    if (this.state === 'tls-handshake') {
      // RFC 2595 §4: "the client MUST discard cached information about server capabilities".
      this.capaAfterTls = true;
      this.send('capa', 'CAPA');
    }
    return this.flush();
  }

  closed(now: number): ClientOutput[] {
    this.now = now;
    if (this.state !== 'done') {
      // RFC 1939 §6: without QUIT's +OK the server never entered UPDATE: nothing was deleted.
      if (this.state !== 'quit') this.fail('the connection closed before the session ended', null);
      this.marked.length = 0;
      this.finish();
    }
    return this.flush();
  }

  private onResponse(r: Pop3Response): void {
    switch (this.state) {
      case 'greeting':
        return r.ok ? this.send('capa', 'CAPA') : this.quitWith(r, 'the server refused the connection');
      case 'capa':
        // RFC 2449 §5: a server without CAPA says -ERR; the client goes on without the list.
        this.capabilities = r.ok ? (r.lines ?? []).map((l) => l.toUpperCase()) : [];
        return this.afterCapa();
      case 'stls':
        if (!r.ok) return this.login();
        this.reader.clear();
        this.go('tls-handshake');
        this.out.push({ type: 'starttls' });
        return;
      case 'user':
        return r.ok ? this.send('pass', `PASS ${this.options.password}`) : this.quitWith(r, 'USER refused');
      case 'pass':
      case 'auth':
        return r.ok ? this.send('uidl', 'UIDL') : this.loginFailed(r);
      case 'uidl':
        if (!r.ok) return this.quitWith(r, 'the server has no UIDL, so the client cannot tell old mail from new');
        this.server = parseUidl(r.lines ?? []);
        this.plan();
        return this.nextStep();
      case 'retr':
        return this.onRetr(r);
      case 'dele':
        if (r.ok && this.current) {
          this.marked.push(this.current.uidl);
          this.emit({ kind: 'marked', uidl: this.current.uidl, number: this.current.number, reason: this.current.reason ?? 'no-copy-kept' });
        }
        return this.nextStep();
      case 'quit':
        // RFC 1939 §6: -ERR here means some deletions were not made; trust none of them.
        if (!r.ok) {
          this.marked.length = 0;
          if (!this.failure) this.fail(`QUIT failed: ${r.text}`, r.code);
        }
        return this.finish();
      case 'tls-handshake':
      case 'done':
        return;
    }
  }

  private afterCapa(): void {
    const offersStls = this.capabilities.includes('STLS');
    if (!this.secure && !this.capaAfterTls && offersStls && this.options.settings.tls === 'starttls') {
      this.send('stls', 'STLS');
      return;
    }
    this.login();
  }

  /**
   * RFC 5034 §4 AUTH PLAIN with an initial response, when chosen and offered, or when CAPA
   * lists SASL PLAIN but not USER (RFC 2449 §6.2); else USER/PASS.
   */
  private login(): void {
    const sasl = this.capabilities.find((c) => c.startsWith('SASL '))?.split(' ') ?? [];
    const { user, password, settings } = this.options;
    const userOffered = this.capabilities.length === 0 || this.capabilities.includes('USER');
    if (sasl.includes('PLAIN') && (settings.auth === 'PLAIN' || !userOffered)) {
      // RFC 4616 §2: message = [authzid] UTF8NUL authcid UTF8NUL passwd
      this.send('auth', `AUTH PLAIN ${encodeSaslPlain(user, password)}`);
      return;
    }
    this.send('user', `USER ${user}`);
  }

  /**
   * RFC 2449 §8.1.1 [IN-USE]: another session holds the maildrop lock (RFC 1939 §8).
   * @rfc 2449#8.1.1
   */
  private loginFailed(r: Pop3Response): void {
    if (r.code?.toUpperCase() === 'IN-USE') this.inUse = true;
    this.quitWith(r, this.inUse ? 'the maildrop is in use by another session' : 'login failed');
  }

  private onRetr(r: Pop3Response): void {
    const current = this.current;
    if (r.ok && current && r.body) {
      this.downloaded.push(current.uidl);
      this.emit({ kind: 'downloaded', uidl: current.uidl, number: current.number, raw: r.body });
    }
    this.nextStep();
  }

  /**
   * Which messages to download and which to delete, from the UIDL listing and the settings.
   * @rfc 1939#7 UIDL: "the unique-id of a message ... persists across sessions"
   */
  private plan(): void {
    const { known, settings } = this.options;
    this.toFetch = this.server.filter((m) => !known.has(m.uidl));
    for (const m of this.server) {
      const reason = deleteReason(known.get(m.uidl), settings, this.now);
      if (reason) this.toDelete.push({ ...m, reason });
    }
  }

  private nextStep(): void {
    const fetch = this.toFetch.shift();
    if (fetch) {
      this.current = fetch;
      this.send('retr', `RETR ${fetch.number}`);
      return;
    }
    const del = this.toDelete.shift() ?? this.deleteDownloaded();
    if (del) {
      this.current = del;
      this.attempted.add(del.uidl);
      this.send('dele', `DELE ${del.number}`);
      return;
    }
    this.current = null;
    this.send('quit', 'QUIT');
  }

  /** Without "leave a copy", what was just downloaded goes too (it was not known at planning). */
  private deleteDownloaded(): { number: number; uidl: string; reason: DeleteReason } | undefined {
    if (this.options.settings.leaveOnServer) return undefined;
    const m = this.server.find((s) => this.downloaded.includes(s.uidl) && !this.attempted.has(s.uidl));
    return m && { ...m, reason: 'no-copy-kept' };
  }

  private quitWith(r: Pop3Response, reason: string): void {
    this.fail(`${reason}: ${r.line}`, r.code);
    this.send('quit', 'QUIT');
  }

  private fail(reason: string, code: string | null): void {
    this.failure ??= { stage: this.state, reason, code };
  }

  private finish(): void {
    this.go('done');
    this.result = {
      ok: this.failure === null,
      failure: this.failure,
      inUse: this.inUse,
      serverUidls: this.server.map((m) => m.uidl),
      downloaded: [...this.downloaded],
      deletedOnServer: [...this.marked],
      tls: this.secure,
    };
    this.emit({ kind: 'done', result: this.result });
  }

  private send(state: Pop3ClientState, line: string): void {
    this.go(state);
    this.out.push({ type: 'write', bytes: utf8Bytes(line + '\r\n') });
  }

  private go(to: Pop3ClientState): void {
    if (this.state === to) return;
    // Our own bug, not the peer's: the table in pop3-client-state.ts is the contract.
    if (!canTransition(this.state, to)) throw new Error(`POP3 client: no transition ${this.state} → ${to}`);
    this.emit({ kind: 'state', from: this.state, to });
    this.state = to;
  }

  private wire(r: Pop3Response): void {
    const lines: WireLine[] = [{ direction: 'S', text: r.line }];
    if (r.lines && this.state === 'retr' && r.body) {
      lines.push({ direction: 'S', text: `(message: ${r.lines.length} lines, ${r.body.length} octets)`, detail: utf8Text(r.body) });
    } else if (r.lines) {
      for (const l of r.lines) lines.push({ direction: 'S', text: l.startsWith('.') ? '.' + l : l });
    }
    if (r.lines) lines.push({ direction: 'S', text: '.' });
    this.emit({ kind: 'wire', lines });
  }

  private emit(event: Pop3ClientEvent): void {
    this.out.push({ type: 'event', event });
  }

  private flush(): ClientOutput[] {
    const out = this.out;
    this.out = [];
    return out;
  }
}

/** RFC 1939 §7: each line of a UIDL listing is "msg unique-id". */
function parseUidl(lines: string[]): Array<{ number: number; uidl: string }> {
  const out: Array<{ number: number; uidl: string }> = [];
  for (const line of lines) {
    const m = /^(\d+) ([\x21-\x7e]{1,70})$/.exec(line.trim());
    if (m) out.push({ number: Number(m[1]), uidl: m[2]! });
  }
  return out;
}

/** The account settings applied to a message this device already has. */
function deleteReason(known: { downloadedAt: number; deletedLocally: boolean } | undefined, settings: Pop3CheckOptions['settings'], now: number): DeleteReason | null {
  if (!known) return null;
  if (!settings.leaveOnServer) return 'no-copy-kept';
  if (settings.removeWhenDeleted && known.deletedLocally) return 'deleted-here';
  if (settings.removeAfterDays !== null && now - known.downloadedAt >= settings.removeAfterDays * DAY) return 'older-than-limit';
  return null;
}
