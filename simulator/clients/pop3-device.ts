/**
 * A device that reads mail over POP3: "check mail" downloads what UIDL says is new, and the
 * account settings decide what is deleted from the server. Reading, deleting and filing happen
 * on the device alone: POP3 has no flags and no folders on the server (RFC 1939 §1 — the
 * maildrop is something to download from, not to keep mail in).
 */
import { ClientConnection } from './client-driver.ts';
import { Device, type DeviceOptions, type DeviceResult } from './device.ts';
import { newLocalMessage, type LocalMessage } from './local-message.ts';
import { Pop3Client } from './pop3-client.ts';
import type { KnownMessage, Pop3CheckResult, Pop3ClientEvent, Pop3Settings } from './pop3-types.ts';

export interface Pop3CheckOutcome extends DeviceResult {
  result: Pop3CheckResult | null;
}

export class Pop3Device extends Device {
  /** UIDLs downloaded before (Thunderbird's popstate.dat): never downloaded twice. */
  readonly known = new Map<string, KnownMessage>();
  private local: LocalMessage[] = [];
  private running: ClientConnection<Pop3ClientEvent> | null = null;
  /** The last "-ERR" line of the running check: what a failed check links to. */
  private errRef: string | null = null;

  constructor(
    options: DeviceOptions,
    public settings: Pop3Settings,
  ) {
    super('pop3', options);
  }

  messages(): LocalMessage[] {
    return this.local;
  }

  get connected(): boolean {
    return this.running !== null && !this.running.closed;
  }

  check(): Promise<Pop3CheckOutcome> {
    if (!this.online) return Promise.resolve({ ...this.note('offline: cannot reach the server', false), result: null });
    if (this.connected) return Promise.resolve({ ...this.note('already checking mail', false), result: null });
    const { host, port, user, password, connector } = this.options;
    const transport = connector.connect(host, port, { tls: this.settings.tls === 'implicit' ? 'implicit' : 'none' });
    this.errRef = null;
    const client = new Pop3Client({ user, password, settings: this.settings, known: new Map(this.known) });
    return new Promise((resolve) => {
      let outcome: Pop3CheckOutcome | null = null;
      this.running = new ClientConnection(transport, client, {
        now: () => this.now(),
        transcript: this.transcript,
        counters: this.counters,
        wire: (e) => (e.kind === 'wire' ? e.lines : null),
        onEvent: (e, ref) => {
          if (e.kind === 'wire' && e.lines[0]?.text.startsWith('-ERR')) this.errRef = ref;
          if (e.kind === 'downloaded') this.downloaded(e.uidl, e.raw, ref);
          if (e.kind === 'done') outcome = this.finished(e.result, ref);
        },
        onClosed: () => {
          this.running = null;
          resolve(outcome ?? { ok: false, text: 'the connection closed', ref: this.transcript.lastId, result: null });
        },
      });
    });
  }

  read(key: string): DeviceResult {
    const m = this.find(key);
    if (!m) return this.missing(key);
    m.flags.add('\\Seen');
    const result = this.note(`read "${m.subject}" — marked read on the ${this.name} only (POP3 keeps no read state on the server)`);
    m.flagsRef = result.ref;
    return result;
  }

  delete(key: string): DeviceResult {
    const m = this.find(key);
    if (!m) return this.missing(key);
    this.local = this.local.filter((x) => x !== m);
    const known = m.uidl === undefined ? undefined : this.known.get(m.uidl);
    if (known) known.deletedLocally = true;
    const server = m.onlyLocal
      ? 'the server no longer had it'
      : this.settings.leaveOnServer && this.settings.removeWhenDeleted
        ? 'the server copy goes at the next check ("remove from server when deleted here")'
        : 'the server copy stays';
    return this.note(`deleted "${m.subject}" on the ${this.name}; ${server}`);
  }

  move(key: string, folder: string): DeviceResult {
    const m = this.find(key);
    if (!m) return this.missing(key);
    m.folder = folder;
    const result = this.note(`POP3 has no folders on the server: "${m.subject}" was filed in ${folder} on the ${this.name} only`, false);
    m.folderRef = result.ref;
    return result;
  }

  goOffline(): DeviceResult {
    this.online = false;
    this.running?.transport.close();
    return this.note('offline');
  }

  private downloaded(uidl: string, raw: Uint8Array, ref: string | null): void {
    const message = { ...newLocalMessage(raw, { folder: 'INBOX', flags: [], at: this.now(), ref }), uidl };
    this.local.push(message);
    this.known.set(uidl, { uidl, downloadedAt: this.now(), deletedLocally: false });
  }

  /** After QUIT: which local messages are now the only copy, and which UIDLs to forget. */
  private finished(result: Pop3CheckResult, ref: string | null): Pop3CheckOutcome {
    if (!result.ok && result.serverUidls.length === 0) {
      const why = result.inUse ? 'the mailbox is locked by another device ([IN-USE])' : (result.failure?.reason ?? 'failed');
      return { ok: false, text: why, ref: this.errRef ?? ref, result };
    }
    const onServer = new Set(result.serverUidls.filter((u) => !result.deletedOnServer.includes(u)));
    for (const m of this.local) if (m.uidl !== undefined) m.onlyLocal = !onServer.has(m.uidl);
    // RFC 1939 §7: a unique-id is never reused, so ids gone from the server can be forgotten.
    for (const uidl of [...this.known.keys()]) if (!onServer.has(uidl)) this.known.delete(uidl);
    if (result.deletedOnServer.length) this.options.onServerChange?.(ref);
    const text = `${result.downloaded.length} downloaded, ${result.deletedOnServer.length} deleted from the server`;
    return { ok: result.ok, text, ref, result };
  }
}
