/**
 * A virtual mail device (the laptop, the phone): one account on one server, a local store of
 * messages, byte counters, online or not, and the transcript of everything it said and heard.
 * The protocol behaviour is in ./pop3-device.ts and ./imap-device.ts.
 */
import type { Connector } from '../transport.ts';
import type { ByteCounters } from './client-driver.ts';
import type { LocalMessage } from './local-message.ts';
import { Transcript, type TranscriptLine } from './transcript.ts';

export type DeviceProtocol = 'pop3' | 'imap';

export interface DeviceOptions {
  /** What the user calls it: 'laptop', 'phone'. */
  name: string;
  user: string;
  password: string;
  /** The mail server and port the account is set up for. */
  host: string;
  port: number;
  /** Its network access (a VirtualConnector that names this device as the connecting machine). */
  connector: Connector;
  /** The device's clock (the scenario's: it can jump days ahead). */
  now: () => number;
  /** Numbers transcript lines across devices, so lines of different devices can be ordered. */
  sequence?: () => number;
  /** Told when this device changed what the server holds, with the transcript line that did it. */
  onServerChange?: (ref: string | null) => void;
}

/** What a user action on a device did, with the transcript line that shows it. */
export interface DeviceResult {
  ok: boolean;
  text: string;
  ref: string | null;
}

export interface DeviceView {
  name: string;
  protocol: DeviceProtocol;
  online: boolean;
  connected: boolean;
  counters: ByteCounters;
  messages: Array<{ key: string; subject: string; folder: string; seen: boolean; size: number; onlyLocal: boolean; ref: string | null }>;
}

export abstract class Device {
  readonly transcript: Transcript;
  readonly counters: ByteCounters = { sent: 0, received: 0 };
  online = true;

  constructor(
    readonly protocol: DeviceProtocol,
    readonly options: DeviceOptions,
  ) {
    this.transcript = new Transcript(`${protocol}-${options.name}`, options.sequence ? { sequence: options.sequence } : {});
  }

  get name(): string {
    return this.options.name;
  }

  now(): number {
    return this.options.now();
  }

  /** The messages this device shows. */
  abstract messages(): LocalMessage[];
  /** A connection to the server is open right now. */
  abstract get connected(): boolean;
  /** "Check mail" / sync now. */
  abstract check(): Promise<DeviceResult>;
  /** Open a message (it becomes read). */
  abstract read(key: string): DeviceResult;
  abstract delete(key: string): DeviceResult;
  abstract move(key: string, folder: string): DeviceResult;
  /** The network is gone: an open connection drops without the protocol's goodbye. */
  abstract goOffline(): DeviceResult;

  goOnline(): DeviceResult {
    this.online = true;
    return this.note('back online');
  }

  /** A message by Message-ID key, or by its subject. */
  find(keyOrSubject: string): LocalMessage | undefined {
    const all = this.messages();
    return all.find((m) => m.key === keyOrSubject) ?? all.find((m) => m.subject === keyOrSubject);
  }

  view(): DeviceView {
    return {
      name: this.name,
      protocol: this.protocol,
      online: this.online,
      connected: this.connected,
      counters: { ...this.counters },
      messages: this.messages().map((m) => ({ key: m.key, subject: m.subject, folder: m.folder, seen: m.flags.has('\\Seen'), size: m.size, onlyLocal: m.onlyLocal, ref: m.ref })),
    };
  }

  /** A remark in the transcript (a local action, no bytes on the wire). */
  note(text: string, ok = true): DeviceResult {
    const line: TranscriptLine = this.transcript.note(text, this.now());
    return { ok, text, ref: line.id };
  }

  /** `key` is a Message-ID or a subject: quoted, so the sentence reads as one ("Message 1 from Carol"). */
  protected missing(key: string): DeviceResult {
    return this.note(`the ${this.name} has no message “${key}”`, false);
  }
}
