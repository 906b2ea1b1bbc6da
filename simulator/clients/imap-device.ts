/**
 * A device that reads mail over IMAP: the server keeps the mail, its flags and folders, and the
 * device keeps a replica in step with it. Changes made here are queued and pushed at once when
 * connected, or at the next sync after being offline. With `push` on, the device stays
 * connected in IDLE (RFC 2177) and new mail arrives without a check.
 */
import { ClientConnection } from './client-driver.ts';
import { Device, type DeviceOptions, type DeviceResult } from './device.ts';
import { ImapClient } from './imap-client.ts';
import { ImapReplica, type PendingOp } from './imap-replica.ts';
import type { ImapClientEvent, ImapClientOptions } from './imap-types.ts';
import type { LocalMessage } from './local-message.ts';

export interface ImapSettings {
  tls: ImapClientOptions['tls'];
  /** Stay connected in IDLE after a sync, so new mail is pushed (RFC 2177). */
  push: boolean;
}

export const DEFAULT_IMAP_SETTINGS: ImapSettings = { tls: 'starttls', push: true };

interface Session {
  connection: ClientConnection<ImapClientEvent>;
  client: ImapClient;
}

type Waiter = { until: (e: ImapClientEvent) => boolean; resolve: (r: DeviceResult) => void };

export class ImapDevice extends Device {
  readonly replica = new ImapReplica();
  /** Why the last connection ended badly, if it did. */
  lastFailure: string | null = null;
  private session: Session | null = null;
  private waiters: Waiter[] = [];

  constructor(
    options: DeviceOptions,
    public settings: ImapSettings,
  ) {
    super('imap', options);
  }

  messages(): LocalMessage[] {
    return this.replica.messages();
  }

  get connected(): boolean {
    return this.session !== null && !this.session.connection.closed;
  }

  /** True while the device sits in IDLE waiting for the server to push. */
  get idling(): boolean {
    return this.connected && this.session?.client.state === 'idle';
  }

  check(): Promise<DeviceResult> {
    if (!this.online) return Promise.resolve(this.note('offline: showing the cached copy only', false));
    const done = this.waitFor((e) => e.kind === 'synced' || e.kind === 'failed');
    if (this.session && this.connected) {
      this.session.connection.apply(this.session.client.requestSync(this.now()));
    } else this.connect();
    return done;
  }

  /** Leaves IDLE and logs out (RFC 9051 §6.1.3), or resolves at once when not connected. */
  disconnect(): Promise<DeviceResult> {
    if (!this.session || !this.connected) return Promise.resolve(this.note('not connected'));
    const done = this.waitFor((e) => e.kind === 'done');
    this.session.connection.apply(this.session.client.logout(this.now()));
    return done;
  }

  read(key: string): DeviceResult {
    const m = this.find(key);
    if (!m || m.uid === undefined) return this.missing(key);
    if (m.flags.has('\\Seen')) return this.note(`"${m.subject}" was already read`);
    m.flags.add('\\Seen');
    const result = this.change({ kind: 'flags', folder: this.serverFolder(m), uid: m.uid, add: ['\\Seen'], remove: [] }, `read "${m.subject}"`);
    m.flagsRef = result.ref;
    return result;
  }

  delete(key: string): DeviceResult {
    const m = this.find(key);
    if (!m || m.uid === undefined) return this.missing(key);
    m.deleted = true;
    return this.change({ kind: 'delete', folder: this.serverFolder(m), uid: m.uid }, `deleted "${m.subject}"`);
  }

  move(key: string, folder: string): DeviceResult {
    const m = this.find(key);
    if (!m || m.uid === undefined) return this.missing(key);
    const from = this.serverFolder(m);
    m.folder = folder;
    const result = this.change({ kind: 'move', folder: from, uid: m.uid, to: folder }, `moved "${m.subject}" to ${folder}`);
    m.folderRef = result.ref;
    return result;
  }

  goOffline(): DeviceResult {
    this.online = false;
    // The network drops: no LOGOUT, the server sees the connection go (RFC 9051 §3.4 does not apply).
    this.session?.connection.transport.close();
    return this.note('offline');
  }

  /** Resolves when an event the device hears matches (or the connection ends). */
  waitFor(until: (e: ImapClientEvent) => boolean): Promise<DeviceResult> {
    return new Promise((resolve) => this.waiters.push({ until, resolve }));
  }

  /** Which server folder holds the message now (a queued move has not happened there yet). */
  private serverFolder(m: LocalMessage): string {
    for (const [name, cache] of this.replica.folders) if ([...cache.messages.values()].includes(m)) return name;
    return m.folder;
  }

  /** A local change: queued, and pushed now when connected (else at the next sync). */
  private change(op: PendingOp, what: string): DeviceResult {
    this.replica.pending.push(op);
    if (this.session && this.connected) {
      const result = this.note(`${what}: sending it to the server`);
      this.session.connection.apply(this.session.client.requestSync(this.now()));
      return result;
    }
    return this.note(`${what} on the ${this.name}: ${this.online ? 'queued for the next sync' : 'offline, queued until back online'}`);
  }

  private connect(): void {
    this.lastFailure = null;
    const { host, port, user, password, connector } = this.options;
    const transport = connector.connect(host, port, { tls: this.settings.tls === 'implicit' ? 'implicit' : 'none' });
    const client = new ImapClient({ user, password, tls: this.settings.tls, replica: this.replica, stayIdle: this.settings.push });
    const session: Session = {
      client,
      connection: new ClientConnection(transport, client, {
        now: () => this.now(),
        transcript: this.transcript,
        counters: this.counters,
        wire: (e) => (e.kind === 'wire' ? e.lines : null),
        onEvent: (e, ref) => this.onEvent(e, ref),
        onClosed: () => {
          if (this.session === session) this.session = null;
          this.settleWaiters({ kind: 'done' }, this.transcript.lastId);
        },
      }),
    };
    this.session = session;
  }

  private onEvent(e: ImapClientEvent, ref: string | null): void {
    if (e.kind === 'fetched') {
      const m = this.replica.folder(e.folder).messages.get(e.uid);
      if (m) {
        m.ref = ref;
        m.flagsRef = ref;
        m.folderRef = ref;
        m.receivedAt = this.now();
      }
    } else if (e.kind === 'flags') {
      const m = this.replica.folder(e.folder).messages.get(e.uid);
      if (m) m.flagsRef = ref;
    } else if (e.kind === 'pushed') this.options.onServerChange?.(ref);
    else if (e.kind === 'failed') this.lastFailure = e.reason;
    this.settleWaiters(e, ref);
  }

  private settleWaiters(e: ImapClientEvent, ref: string | null): void {
    const ended = e.kind === 'done';
    const ready = this.waiters.filter((w) => ended || w.until(e));
    this.waiters = this.waiters.filter((w) => !ready.includes(w));
    for (const w of ready) {
      // A waiter the end of the connection released did not get what it waited for.
      const matched = w.until(e);
      const ok = matched && e.kind !== 'failed';
      const text = !matched ? (this.lastFailure ?? 'the connection closed') : e.kind === 'failed' ? e.reason : e.kind === 'synced' ? `synced ${e.folders.length} folders` : e.kind;
      w.resolve({ ok, text, ref });
    }
  }
}
