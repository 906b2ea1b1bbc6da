/** RFC 8446 §5: the record layer — framing, and AEAD protection once keys are in place. */
import { aesGcmOpen, aesGcmSeal, hkdfExpandLabel } from './crypto.ts';

export const ContentType = { alert: 21, handshake: 22, applicationData: 23 } as const;
export type ContentTypeNumber = (typeof ContentType)[keyof typeof ContentType];

/** RFC 8446 §5.1: a plaintext fragment may not exceed 2^14 octets. */
export const MAX_FRAGMENT = 16384;
/** RFC 8446 §5.2: a protected record may carry at most 2^14 + 256 octets. */
const MAX_CIPHERTEXT = MAX_FRAGMENT + 256;

export interface TlsRecord {
  type: number;
  /** The record's header (5 octets): the AEAD's additional data for protected records. */
  header: Uint8Array;
  fragment: Uint8Array;
}

/** Splits a byte stream into records; holds partial records until the rest arrives. */
export class RecordReader {
  private buffer = new Uint8Array(0);

  push(bytes: Uint8Array): void {
    const next = new Uint8Array(this.buffer.length + bytes.length);
    next.set(this.buffer);
    next.set(bytes, this.buffer.length);
    this.buffer = next;
  }

  /** The next whole record, null if incomplete, or an error string for a malformed header. */
  next(): TlsRecord | null | string {
    if (this.buffer.length < 5) return null;
    const type = this.buffer[0]!;
    const length = (this.buffer[3]! << 8) | this.buffer[4]!;
    if (type < 20 || type > 24) return `unknown record type ${type}`;
    if (length > MAX_CIPHERTEXT) return `record of ${length} octets is over the limit`;
    if (this.buffer.length < 5 + length) return null;
    const record = { type, header: this.buffer.slice(0, 5), fragment: this.buffer.slice(5, 5 + length) };
    this.buffer = this.buffer.slice(5 + length);
    return record;
  }
}

export function frame(type: number, fragment: Uint8Array): Uint8Array {
  const out = new Uint8Array(5 + fragment.length);
  out[0] = type;
  out[1] = 0x03;
  out[2] = 0x03;
  out[3] = fragment.length >> 8;
  out[4] = fragment.length & 0xff;
  out.set(fragment, 5);
  return out;
}

/** One direction's traffic keys (RFC 8446 §7.3) and its record sequence number (§5.3). */
export class TrafficProtection {
  private seq = 0n;

  private constructor(
    private readonly key: Uint8Array,
    private readonly iv: Uint8Array,
  ) {}

  static async fromSecret(secret: Uint8Array): Promise<TrafficProtection> {
    const key = await hkdfExpandLabel(secret, 'key', new Uint8Array(0), 16);
    const iv = await hkdfExpandLabel(secret, 'iv', new Uint8Array(0), 12);
    return new TrafficProtection(key, iv);
  }

  /** RFC 8446 §5.3: the per-record nonce is the IV XORed with the padded sequence number. */
  private nonce(): Uint8Array {
    const nonce = this.iv.slice();
    let seq = this.seq++;
    for (let i = 11; i >= 4; i--) {
      nonce[i]! ^= Number(seq & 0xffn);
      seq >>= 8n;
    }
    return nonce;
  }

  /** RFC 8446 §5.2: TLSInnerPlaintext = content || type, sent as opaque application_data. */
  async seal(type: number, content: Uint8Array): Promise<Uint8Array> {
    const inner = new Uint8Array(content.length + 1);
    inner.set(content);
    inner[content.length] = type;
    const header = frame(ContentType.applicationData, new Uint8Array(inner.length + 16)).subarray(0, 5);
    const sealed = await aesGcmSeal(this.key, this.nonce(), header, inner);
    return frame(ContentType.applicationData, sealed);
  }

  /** Returns the inner type and content, or null when the record does not authenticate. */
  async open(record: TlsRecord): Promise<{ type: number; content: Uint8Array } | null> {
    const inner = await aesGcmOpen(this.key, this.nonce(), record.header, record.fragment);
    if (!inner) return null;
    let end = inner.length - 1;
    while (end >= 0 && inner[end] === 0) end--; // RFC 8446 §5.4 padding
    if (end < 0) return null;
    return { type: inner[end]!, content: inner.subarray(0, end) };
  }
}
