/**
 * What each record a TLS end wrote carries, as its sender knows it. The v13 ends report what they
 * do as events beside their writes (RFC 8446 names): a handshake message's event comes just before
 * its record, as does a fatal alert's; close_notify and a KeyUpdate are reported just after theirs;
 * the compatibility change_cipher_spec (Appendix D.4) has no event. Application data comes only
 * from `write()`, whose caller names it. The wire log keeps the label (and the decrypted handshake
 * message) as the simulation's hindsight; an observer of a protected record learns none of it.
 */
import type { TlsOutput } from '../tls/v13/connection.ts';
import type { TlsEvent } from '../tls/v13/events.ts';
import { describeHandshake } from '../tls/handshake-text.ts';
import { handshakeLabel } from '../tls/observe.ts';

export interface LabelledWrite {
  /** The write's position among the outputs. */
  index: number;
  bytes: Uint8Array;
  /** ClientHello, Certificate, application data, alert bad_record_mac … */
  carries: string;
  /** The handshake message the record protects, in the clear (RFC 8446 §4 wire form). */
  message?: Uint8Array;
  /** The message's fields in words (../tls/handshake-text.ts). */
  fields?: string[];
  /** The application data it protects. */
  plaintext?: Uint8Array;
}

const CHANGE_CIPHER_SPEC = 20;

export function labelWrites(outputs: readonly TlsOutput[], data?: string, plaintext?: Uint8Array): LabelledWrite[] {
  const eventAt = (i: number): TlsEvent | undefined => {
    const o = outputs[i];
    return o?.type === 'event' ? o.event : undefined;
  };
  const labelled: LabelledWrite[] = [];
  for (const [index, out] of outputs.entries()) {
    if (out.type !== 'write') continue;
    const before = eventAt(index - 1);
    const after = eventAt(index + 1);
    const record: LabelledWrite = { index, bytes: out.bytes, carries: data ?? 'a record' };
    if (before?.kind === 'handshake-message' && before.direction === 'sent') {
      record.carries = handshakeLabel(before.name);
      record.message = before.bytes;
      record.fields = describeHandshake(before.bytes);
    } else if (before?.kind === 'alert-sent' && before.alert !== 'close_notify') {
      record.carries = `alert ${before.alert}`;
    } else if (after?.kind === 'alert-sent' && after.alert === 'close_notify') {
      record.carries = 'alert close_notify';
    } else if (after?.kind === 'key-update' && after.direction === 'sent') {
      record.carries = 'KeyUpdate';
    } else if (out.bytes[0] === CHANGE_CIPHER_SPEC) {
      record.carries = 'change_cipher_spec';
    } else if (plaintext) {
      record.plaintext = plaintext;
    }
    labelled.push(record);
  }
  return labelled;
}
