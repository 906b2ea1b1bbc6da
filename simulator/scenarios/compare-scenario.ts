/**
 * The /compare/ page's experiment: one server, two columns. POP3 on the left (a laptop and a
 * phone on POP3), IMAP on the right (a laptop and a phone on IMAP). Every action runs the real
 * protocols over the virtual network, and `verdict()` reads the facts off what happened.
 *
 * The two columns use separate users on the same host (mail.example.com):
 * `alice-pop3@example.com` and `alice-imap@example.com`, each created with a copy of alice's
 * INBOX, so both start from the same mailbox and a POP3 deletion never shows up in the IMAP
 * column. New mail (carol → both) is one SMTP submission with two recipients.
 */
import type { VirtualNetwork } from '../net/virtual-network.ts';
import type { World } from '../world/world.ts';
import type { Account } from '../store/account.ts';
import { VirtualConnector } from '../transports/virtual.ts';
import type { Device, DeviceOptions, DeviceResult } from '../clients/device.ts';
import { DEFAULT_IMAP_SETTINGS, ImapDevice, type ImapSettings } from '../clients/imap-device.ts';
import { Pop3Device } from '../clients/pop3-device.ts';
import { DEFAULT_POP3_SETTINGS, type Pop3Settings } from '../clients/pop3-types.ts';
import { SmtpSender } from '../clients/smtp-sender.ts';
import type { Transcript, TranscriptLine } from '../clients/transcript.ts';
import { sideVerdict, type SideVerdict } from './compare-verdict.ts';
import { SCENARIO } from './compare-config.ts';

export { SCENARIO };

export type Side = 'pop3' | 'imap';
export type DeviceName = 'laptop' | 'phone';



const DAY = 24 * 60 * 60_000;

export interface ScenarioOptions {
  world: World;
  network: VirtualNetwork;
  /** Lets the network run until nothing moves (default: `network.settle()`). */
  settle?: () => Promise<void>;
  /**
   * POP3 account settings per device. By default the laptop keeps no copy on the server (the
   * classic desktop default) and the phone keeps one for 14 days.
   */
  pop3?: Partial<Record<DeviceName, Partial<Pop3Settings>>>;
  imap?: Partial<ImapSettings>;
}

export type ActionResult = DeviceResult;

export class Scenario {
  readonly pop3: { laptop: Pop3Device; phone: Pop3Device };
  readonly imap: { laptop: ImapDevice; phone: ImapDevice };
  readonly sender: SmtpSender;
  private skew = 0;
  private lines = 0;
  private readonly sequence = (): number => ++this.lines;
  private mails = 0;
  private readonly serverRefs: Record<Side, string | null> = { pop3: null, imap: null };
  private readonly checkRefs: Record<Side, Record<DeviceName, string | null>> = { pop3: { laptop: null, phone: null }, imap: { laptop: null, phone: null } };
  private readonly settleNetwork: () => Promise<void>;

  constructor(readonly options: ScenarioOptions) {
    const { world, network } = options;
    this.settleNetwork = options.settle ?? (() => network.settle());
    for (const side of ['pop3', 'imap'] as const) ensureAccount(world, SCENARIO.users[side], SCENARIO.template);
    const base = (side: Side, name: DeviceName): DeviceOptions => ({
      name,
      user: SCENARIO.users[side],
      password: SCENARIO.password,
      host: SCENARIO.host,
      port: side === 'pop3' ? 110 : 143,
      connector: new VirtualConnector(network, { origin: 'client', from: { address: SCENARIO.addresses[side][name], name: `${side} ${name}` } }),
      now: () => this.now(),
      sequence: this.sequence,
      onServerChange: (ref) => {
        this.serverRefs[side] = ref;
      },
    });
    const pop3 = (name: DeviceName, own: Partial<Pop3Settings>): Pop3Device => new Pop3Device(base('pop3', name), { ...DEFAULT_POP3_SETTINGS, ...own, ...options.pop3?.[name] });
    this.pop3 = { laptop: pop3('laptop', { leaveOnServer: false }), phone: pop3('phone', { leaveOnServer: true, removeAfterDays: 14 }) };
    const imap = (name: DeviceName): ImapDevice => new ImapDevice(base('imap', name), { ...DEFAULT_IMAP_SETTINGS, ...options.imap });
    this.imap = { laptop: imap('laptop'), phone: imap('phone') };
    this.sender = new SmtpSender({
      name: 'carol',
      address: SCENARIO.sender.address,
      password: SCENARIO.sender.password,
      host: SCENARIO.host,
      connector: new VirtualConnector(network, { origin: 'client', from: { address: SCENARIO.addresses.sender, name: 'carol' } }),
      now: () => this.now(),
      sequence: this.sequence,
    });
  }

  /** The devices' clock: the network's, plus the days `advanceDays` skipped. */
  now(): number {
    return this.options.network.now() + this.skew;
  }

  device(side: Side, name: DeviceName): Device {
    return this[side][name];
  }

  transcripts(): Transcript[] {
    return [this.sender.transcript, ...(['pop3', 'imap'] as const).flatMap((s) => [this[s].laptop.transcript, this[s].phone.transcript])];
  }

  /** Hears every new transcript line of every device (and the sender): the UI's cue to redraw. */
  subscribe(listener: (line: TranscriptLine, transcript: Transcript) => void): () => void {
    const offs = this.transcripts().map((t) => t.subscribe((line) => listener(line, t)));
    return () => offs.forEach((off) => off());
  }

  /** The line a verdict cell links to. */
  line(ref: string): TranscriptLine | undefined {
    const name = ref.slice(0, ref.lastIndexOf(':'));
    return this.transcripts().find((t) => t.name === name)?.byId(ref);
  }

  /** Carol sends a message to the chosen columns (both by default): a real SMTP submission. */
  async newMail(options: { subject?: string; body?: string; sides?: Side[] } = {}): Promise<ActionResult> {
    const n = ++this.mails;
    const sides = options.sides ?? ['pop3', 'imap'];
    const sending = this.sender.send({
      to: sides.map((s) => SCENARIO.users[s]),
      subject: options.subject ?? `Message ${n} from Carol`,
      body: options.body ?? `Hello Alice,\n\nthis is message number ${n}.\n\nCarol`,
      messageId: `<compare.${n}.${this.now()}@example.com>`,
    });
    const result = await this.run(sending);
    if (result.ok) for (const s of sides) this.serverRefs[s] = result.ref;
    return { ok: result.ok, text: result.text, ref: result.ref };
  }

  /** "Check mail" on one device (an IMAP device already in IDLE syncs at once). */
  async check(side: Side, name: DeviceName): Promise<ActionResult> {
    const result = await this.run(this.device(side, name).check());
    this.checkRefs[side][name] = result.ref;
    return { ok: result.ok, text: result.text, ref: result.ref };
  }

  read(side: Side, name: DeviceName, key: string): Promise<ActionResult> {
    return this.local(side, name, (d) => d.read(key));
  }

  delete(side: Side, name: DeviceName, key: string): Promise<ActionResult> {
    return this.local(side, name, (d) => d.delete(key));
  }

  /** On the POP3 side the result says the server has no folders (`ok: false`). */
  move(side: Side, name: DeviceName, key: string, folder: string): Promise<ActionResult> {
    return this.local(side, name, (d) => d.move(key, folder));
  }

  goOffline(side: Side, name: DeviceName): Promise<ActionResult> {
    return this.local(side, name, (d) => d.goOffline());
  }

  goOnline(side: Side, name: DeviceName): ActionResult {
    return this.device(side, name).goOnline();
  }

  /**
   * Both devices at once. POP3: two checks start together; the first holds the maildrop lock
   * (RFC 1939 §8) and the second gets `-ERR [IN-USE]`. IMAP: both connect and sync, then sit in
   * IDLE; a new message is pushed to both (RFC 9051 §5.2, RFC 2177).
   */
  async bothAtOnce(side: Side): Promise<ActionResult & { laptop: ActionResult; phone: ActionResult }> {
    const { laptop, phone } = this[side];
    const [a, b] = await this.run(Promise.all([laptop.check(), phone.check()]));
    this.checkRefs[side] = { laptop: a.ref, phone: b.ref };
    if (side === 'pop3') {
      const text = `laptop: ${a.text}; phone: ${b.text}`;
      return { ok: a.ok && b.ok, text, ref: (a.ok ? b.ref : a.ref) ?? null, laptop: a, phone: b };
    }
    if (!this.imap.laptop.idling || !this.imap.phone.idling) return { ok: a.ok && b.ok, text: `laptop: ${a.text}; phone: ${b.text} (no IDLE: push is off)`, ref: b.ref, laptop: a, phone: b };
    const pushed = Promise.all([this.imap.laptop.waitFor((e) => e.kind === 'fetched'), this.imap.phone.waitFor((e) => e.kind === 'fetched')]);
    const mail = await this.newMail({ sides: ['imap'], subject: 'Pushed to both devices' });
    const [pa, pb] = await this.run(pushed);
    const text = `both devices are connected at once; the new message was pushed to both by IDLE (${mail.text})`;
    return { ok: pa.ok && pb.ok, text, ref: pb.ref, laptop: pa, phone: pb };
  }

  /** What each column's mailbox holds on the server, all folders together. */
  serverStorage(): Record<Side, { messages: number; octets: number; ref: string | null }> {
    const of = (side: Side) => {
      const account = this.account(side);
      let messages = 0;
      let octets = 0;
      for (const box of account?.mailboxes.values() ?? []) {
        messages += box.messages.length;
        octets += box.size;
      }
      return { messages, octets, ref: this.serverRefs[side] };
    };
    return { pop3: of('pop3'), imap: of('imap') };
  }

  /** Time passes for the devices (the POP3 "remove from server after N days" rule). */
  advanceDays(days: number): ActionResult {
    this.skew += days * DAY;
    const notes = (['laptop', 'phone'] as const).map((n) => this.pop3[n].note(`${days} day${days === 1 ? '' : 's'} pass`));
    return { ok: true, text: `${days} day${days === 1 ? '' : 's'} later`, ref: notes[0]!.ref };
  }

  verdict(): Record<Side, SideVerdict> {
    const of = (side: Side): SideVerdict =>
      sideVerdict({ side, account: this.account(side), laptop: this[side].laptop, phone: this[side].phone, serverRef: this.serverRefs[side], checkRefs: this.checkRefs[side] });
    return { pop3: of('pop3'), imap: of('imap') };
  }

  private account(side: Side): Account | undefined {
    return this.options.world.store.account(SCENARIO.users[side]);
  }

  /** Runs a device action that needs no server now, then waits for a connected IMAP device to push it. */
  private async local(side: Side, name: DeviceName, act: (d: Device) => ActionResult): Promise<ActionResult> {
    const d = this.device(side, name);
    const pushing = d instanceof ImapDevice && d.connected ? d.waitFor((e) => e.kind === 'synced' || e.kind === 'failed') : null;
    const result = act(d);
    if (pushing && d instanceof ImapDevice && d.replica.pending.length) await this.run(pushing);
    else await this.settleNetwork();
    return result;
  }

  private async run<T>(work: Promise<T>): Promise<T> {
    await this.settleNetwork();
    return work;
  }
}

/** The column's user, created on first use with a copy of the template's INBOX. */
function ensureAccount(world: World, address: string, template: string): void {
  const store = world.store;
  if (store.account(address)) return;
  store.addAccount(address, SCENARIO.password);
  for (const m of store.mailbox(template, 'INBOX')?.messages ?? []) {
    store.append(address, 'INBOX', m.raw, { flags: [...m.flags], internalDate: m.internalDate });
  }
}
