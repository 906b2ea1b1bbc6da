/**
 * What a TLS 1.3 client and server share once bytes arrive: records in, handshake messages
 * reassembled, alerts, application data, KeyUpdate (RFC 8446 §4.6.3) and closure (§6.1).
 * Sans-I/O: `feed(bytes, now)` and the calls below return outputs; nothing here does I/O.
 */
import type { RandomSource } from '../../random.ts';
import { DecodeError } from '../codec.ts';
import { alertName, encodeAlert, TlsAlert, type AlertName } from './alerts.ts';
import { nextTrafficSecret } from './key-schedule.ts';
import { decodeKeyUpdate, encodeKeyUpdate, HandshakeReassembler, HS, type HandshakeMessage } from './messages.ts';
import { CONTENT, RecordLayer, type Record } from './record-layer.ts';
import type { CipherSuite } from './suites.ts';
import type { TlsEvent } from './events.ts';

export type TlsOutput =
  | { type: 'write'; bytes: Uint8Array }
  | { type: 'data'; bytes: Uint8Array }
  | { type: 'event'; event: TlsEvent }
  /** The transport may close: both close_notify alerts were exchanged, or a fatal alert was sent or received. */
  | { type: 'close' };

export type Phase = 'handshake' | 'connected' | 'closed';

export abstract class Connection {
  protected readonly records = new RecordLayer();
  private readonly handshakeBytes = new HandshakeReassembler();
  private out: TlsOutput[] = [];
  protected now = 0;
  phase: Phase = 'handshake';
  private sentCloseNotify = false;
  private receivedCloseNotify = false;
  /** Negotiated suite and current application traffic secrets, once known. */
  protected suite: CipherSuite | undefined;
  private readSecret: Uint8Array | undefined;
  private writeSecret: Uint8Array | undefined;

  constructor(protected readonly random: RandomSource) {}

  /** Bytes from the network at time `now` (ms since the epoch; certificates are checked against it). */
  feed(bytes: Uint8Array, now: number): TlsOutput[] {
    if (this.phase === 'closed') return [];
    this.now = now;
    this.records.push(bytes);
    this.guard(() => {
      while (!this.closed) {
        const rec = this.records.next();
        if (!rec) break;
        this.onRecord(rec);
      }
    });
    return this.drain();
  }

  /** Application data to send; only once the handshake is done (RFC 8446 §2: no 0-RTT here). */
  write(data: Uint8Array): TlsOutput[] {
    if (this.phase !== 'connected' || this.sentCloseNotify) throw new Error(`cannot write application data in phase ${this.phase}`);
    this.emitRecord(CONTENT.application_data, data);
    return this.drain();
  }

  /** RFC 8446 §4.6.3: send KeyUpdate, then switch our write keys; `requestPeer` asks the peer to do the same. */
  keyUpdate(requestPeer: boolean): TlsOutput[] {
    if (this.phase !== 'connected') throw new Error('KeyUpdate before the handshake completed');
    this.emitRecord(CONTENT.handshake, encodeKeyUpdate(requestPeer));
    this.rotateWrite();
    this.event({ kind: 'key-update', direction: 'sent', requested: requestPeer });
    return this.drain();
  }

  /** RFC 8446 §6.1: close_notify; we keep reading until the peer's own close_notify. */
  close(): TlsOutput[] {
    if (this.phase === 'closed' || this.sentCloseNotify) return [];
    this.sendCloseNotify();
    if (this.receivedCloseNotify) this.finish();
    return this.drain();
  }

  protected abstract onHandshake(msg: HandshakeMessage): void;

  protected event(event: TlsEvent): void {
    this.out.push({ type: 'event', event });
  }

  protected emitRecord(type: (typeof CONTENT)[keyof typeof CONTENT], data: Uint8Array, legacyVersion?: number): void {
    this.out.push({ type: 'write', bytes: this.records.seal(type, data, legacyVersion) });
  }

  /** RFC 8446 §5.1: "Handshake messages MUST NOT span key changes." */
  protected setReadSecret(suite: CipherSuite, secret: Uint8Array, application = false): void {
    if (this.handshakeBytes.partial) throw new TlsAlert('unexpected_message', 'handshake data left over at a key change');
    this.records.setReadSecret(suite, secret);
    if (application) this.readSecret = secret;
  }

  protected setWriteSecret(suite: CipherSuite, secret: Uint8Array, application = false): void {
    this.records.setWriteSecret(suite, secret);
    if (application) this.writeSecret = secret;
  }

  /**
   * The peer's bytes never make us throw: a TlsAlert is sent as is, a decoder's truncation is
   * decode_error (RFC 8446 §6.2 "A message could not be decoded"), anything else internal_error.
   */
  protected guard(step: () => void): void {
    try {
      step();
    } catch (e) {
      if (e instanceof TlsAlert) this.fail(e.alert, e.reason);
      else if (e instanceof DecodeError) this.fail('decode_error', e.message);
      else this.fail('internal_error', e instanceof Error ? e.message : String(e));
    }
  }

  /** RFC 8446 §6.2: send a fatal alert and close. */
  protected fail(alert: AlertName, reason: string): void {
    if (this.phase === 'closed') return;
    this.event({ kind: 'alert-sent', alert, reason });
    try {
      this.emitRecord(CONTENT.alert, encodeAlert(alert));
    } finally {
      this.finish();
    }
  }

  /** A getter, not a field read, so the compiler does not narrow `phase` across calls that change it. */
  get closed(): boolean {
    return this.phase === 'closed';
  }

  private finish(): void {
    this.phase = 'closed';
    this.out.push({ type: 'close' });
  }

  private drain(): TlsOutput[] {
    const out = this.out;
    this.out = [];
    return out;
  }

  private onRecord(rec: Record): void {
    if (rec.type === CONTENT.change_cipher_spec) {
      // RFC 8446 §5: a single 0x01 before the peer's Finished "MUST simply drop it"; otherwise unexpected_message.
      if (this.phase !== 'handshake' || rec.fragment.length !== 1 || rec.fragment[0] !== 1) {
        throw new TlsAlert('unexpected_message', 'change_cipher_spec outside the handshake');
      }
      return;
    }
    if (rec.type === CONTENT.alert) return this.onAlert(rec.fragment);
    if (rec.type === CONTENT.handshake) {
      this.handshakeBytes.push(rec.fragment);
      while (!this.closed) {
        const msg = this.handshakeBytes.next();
        if (!msg) break;
        if (this.phase === 'connected') this.onPostHandshake(msg);
        else this.onHandshake(msg);
      }
      return;
    }
    // application_data: RFC 8446 §5.1 only once protected, and (no 0-RTT) only after the handshake.
    if (!rec.protected || this.phase !== 'connected') throw new TlsAlert('unexpected_message', 'application data before the handshake completed');
    if (this.handshakeBytes.partial) throw new TlsAlert('unexpected_message', 'application data inside a fragmented handshake message');
    if (this.receivedCloseNotify) return; // RFC 8446 §6.1: data after close_notify is ignored
    if (rec.fragment.length > 0) this.out.push({ type: 'data', bytes: rec.fragment });
  }

  private onAlert(fragment: Uint8Array): void {
    // RFC 8446 §5.1: "Alert messages (Section 6) MUST NOT be fragmented across records".
    if (fragment.length !== 2) throw new TlsAlert('decode_error', `alert of ${fragment.length} octets`);
    const name = alertName(fragment[1]!);
    this.event({ kind: 'alert-received', alert: name });
    if (name === 'close_notify') {
      this.receivedCloseNotify = true;
      if (!this.sentCloseNotify && this.phase !== 'handshake') this.sendCloseNotify();
      this.finish();
      return;
    }
    // RFC 8446 §6.2: every other alert (user_canceled aside) is fatal; §6.1 user_canceled is followed by close_notify.
    if (name !== 'user_canceled') this.finish();
  }

  private sendCloseNotify(): void {
    this.sentCloseNotify = true;
    this.emitRecord(CONTENT.alert, encodeAlert('close_notify'));
    this.event({ kind: 'alert-sent', alert: 'close_notify', reason: 'closing' });
  }

  /** RFC 8446 §4.6: after the handshake only NewSessionTicket and KeyUpdate may arrive (no post-handshake auth here). */
  private onPostHandshake(msg: HandshakeMessage): void {
    if (msg.type === HS.new_session_ticket && this.isClient) return; // no resumption: tickets are not kept
    if (msg.type !== HS.key_update) throw new TlsAlert('unexpected_message', `handshake message ${msg.type} after the handshake`);
    const requested = decodeKeyUpdate(msg.body);
    const suite = this.suite!;
    this.readSecret = nextTrafficSecret(suite, this.readSecret!);
    this.setReadSecret(suite, this.readSecret);
    this.event({ kind: 'key-update', direction: 'received', requested });
    // RFC 8446 §4.6.3: on update_requested, "the receiver MUST send a KeyUpdate of its own with request_update set to" update_not_requested before its next data.
    if (requested && !this.sentCloseNotify) {
      this.emitRecord(CONTENT.handshake, encodeKeyUpdate(false));
      this.rotateWrite();
      this.event({ kind: 'key-update', direction: 'sent', requested: false });
    }
  }

  private rotateWrite(): void {
    this.writeSecret = nextTrafficSecret(this.suite!, this.writeSecret!);
    this.records.setWriteSecret(this.suite!, this.writeSecret);
  }

  protected abstract readonly isClient: boolean;

  /** Outputs produced outside feed() (the client's first flight). */
  protected flush(): TlsOutput[] {
    return this.drain();
  }
}
