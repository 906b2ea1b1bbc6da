/** What the TLS client and server share: the record loop, alerts and application data. */
import { DecodeError } from './codec.ts';
import { HANDSHAKE_NAMES, splitHandshake, type HandshakeMessage } from './messages.ts';
import { ContentType, frame, MAX_FRAGMENT, RecordReader, TrafficProtection } from './record.ts';
import type { Verification } from './certificate.ts';

export type TlsState = 'start' | 'handshake' | 'connected' | 'closed' | 'failed';

export interface CertificateSummary {
  subject: string;
  issuer: string;
  subjectAltNames: string[];
  validFrom: number;
  validTo: number;
  fingerprint256: string;
}

export interface TlsSummary {
  version: string;
  cipher: string;
  serverName: string | null;
  certificate: CertificateSummary;
  /** The client's verdict on the certificate; null on the server side. */
  verification: Verification | null;
}

export type TlsOutput =
  /** `carries` names what the record holds (the sender knows; an observer of a protected record does not). */
  | { type: 'send'; bytes: Uint8Array; carries?: string; plaintext?: Uint8Array }
  | { type: 'data'; bytes: Uint8Array }
  | { type: 'handshake'; summary: TlsSummary }
  | { type: 'alert'; description: string; fatal: boolean; sent: boolean };

/** RFC 8446 §6 alert descriptions this implementation sends or understands. */
export const ALERTS: Record<number, string> = {
  0: 'close_notify',
  10: 'unexpected_message',
  20: 'bad_record_mac',
  40: 'handshake_failure',
  42: 'bad_certificate',
  45: 'certificate_expired',
  46: 'certificate_unknown',
  48: 'unknown_ca',
  50: 'decode_error',
  51: 'decrypt_error',
  80: 'internal_error',
};

/** Raised inside a handler to end the connection with a fatal alert (RFC 8446 §6.2). */
export class TlsAlert extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

export abstract class TlsSession {
  state: TlsState = 'start';
  protected readProtection: TrafficProtection | null = null;
  protected writeProtection: TrafficProtection | null = null;
  private readonly records = new RecordReader();
  private chain: Promise<unknown> = Promise.resolve();

  /** Bytes from the peer. Calls are processed strictly in order. */
  receive(bytes: Uint8Array): Promise<TlsOutput[]> {
    return this.serial(async (out) => {
      this.records.push(bytes);
      for (;;) {
        if (this.state === 'failed' || this.state === 'closed') return;
        const record = this.records.next();
        if (record === null) return;
        if (typeof record === 'string') throw new TlsAlert(50, record);
        await this.onRecord(record.type, record.header, record.fragment, out);
      }
    });
  }

  /** Application data to protect and send; only once the handshake is complete. */
  send(plaintext: Uint8Array): Promise<TlsOutput[]> {
    return this.serial(async (out) => {
      if (this.state !== 'connected' || !this.writeProtection) throw new Error(`TLS session is ${this.state}, cannot send`);
      for (let i = 0; i < plaintext.length || i === 0; i += MAX_FRAGMENT) {
        out.push({ type: 'send', bytes: await this.writeProtection.seal(ContentType.applicationData, plaintext.subarray(i, i + MAX_FRAGMENT)), carries: 'application data', plaintext: plaintext.slice(i, i + MAX_FRAGMENT) });
        if (plaintext.length === 0) break;
      }
    });
  }

  /** RFC 8446 §6.1 close_notify. */
  close(): Promise<TlsOutput[]> {
    return this.serial(async (out) => {
      if (this.state === 'closed' || this.state === 'failed') return;
      await this.sendAlert(out, 0, false);
      this.state = 'closed';
    });
  }

  protected abstract onHandshake(message: HandshakeMessage, out: TlsOutput[]): Promise<void>;

  protected serial(work: (out: TlsOutput[]) => Promise<void>): Promise<TlsOutput[]> {
    const run = this.chain.then(async () => {
      const out: TlsOutput[] = [];
      try {
        await work(out);
      } catch (error) {
        if (error instanceof TlsAlert) await this.fail(out, error.code, error.message);
        else if (error instanceof DecodeError) await this.fail(out, 50, error.message);
        else throw error;
      }
      return out;
    });
    this.chain = run.catch(() => undefined);
    return run;
  }

  protected async sendHandshake(out: TlsOutput[], message: Uint8Array): Promise<void> {
    const bytes = this.writeProtection ? await this.writeProtection.seal(ContentType.handshake, message) : frame(ContentType.handshake, message);
    out.push({ type: 'send', bytes, carries: HANDSHAKE_NAMES[message[0]!] ?? 'handshake' });
  }

  private async onRecord(type: number, header: Uint8Array, fragment: Uint8Array, out: TlsOutput[]): Promise<void> {
    let inner = { type, content: fragment };
    if (this.readProtection) {
      if (type !== ContentType.applicationData) throw new TlsAlert(10, `unprotected record of type ${type} after keys were set`);
      const opened = await this.readProtection.open({ type, header, fragment });
      if (!opened) throw new TlsAlert(20, 'a record failed to authenticate: it was altered, or encrypted with another key');
      inner = opened;
    } else if (type === ContentType.applicationData) {
      throw new TlsAlert(10, 'application data before the handshake');
    }
    if (inner.type === ContentType.alert) return this.onAlert(inner.content, out);
    if (inner.type === ContentType.handshake) {
      for (const message of splitHandshake(inner.content)) await this.onHandshake(message, out);
      return;
    }
    if (inner.type === ContentType.applicationData && this.state === 'connected') {
      out.push({ type: 'data', bytes: inner.content.slice() });
      return;
    }
    throw new TlsAlert(10, `unexpected record of type ${inner.type} in state ${this.state}`);
  }

  private onAlert(content: Uint8Array, out: TlsOutput[]): void {
    const description = ALERTS[content[1] ?? 80] ?? `alert ${content[1]}`;
    const fatal = content[1] !== 0;
    out.push({ type: 'alert', description, fatal, sent: false });
    this.state = fatal ? 'failed' : 'closed';
  }

  private async sendAlert(out: TlsOutput[], code: number, fatal: boolean): Promise<void> {
    const body = Uint8Array.of(fatal ? 2 : 1, code);
    const bytes = this.writeProtection ? await this.writeProtection.seal(ContentType.alert, body) : frame(ContentType.alert, body);
    out.push({ type: 'send', bytes, carries: `alert ${ALERTS[code] ?? code}` });
    out.push({ type: 'alert', description: ALERTS[code] ?? `alert ${code}`, fatal, sent: true });
  }

  private async fail(out: TlsOutput[], code: number, reason: string): Promise<void> {
    if (this.state === 'failed') return;
    await this.sendAlert(out, code, true);
    const last = out[out.length - 1];
    if (last?.type === 'alert') last.description += `: ${reason}`;
    this.state = 'failed';
  }
}
