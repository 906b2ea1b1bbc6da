/** RFC 8446 §5: the record layer — framing, fragmentation, and AEAD record protection. */
import { TlsAlert } from './alerts.ts';
import { trafficKeys } from './key-schedule.ts';
import type { Aead, CipherSuite } from './suites.ts';
import { concatBytes } from '../../wire/bytes.ts';

/** RFC 8446 §5.1 `enum ContentType`. */
export const CONTENT = { change_cipher_spec: 20, alert: 21, handshake: 22, application_data: 23 } as const;
export type ContentType = (typeof CONTENT)[keyof typeof CONTENT];

/** RFC 8446 §5.1: "The length MUST NOT exceed 2^14 bytes." */
export const MAX_PLAINTEXT = 2 ** 14;
/** RFC 8446 §5.2: "The length MUST NOT exceed 2^14 + 256 bytes." */
const MAX_CIPHERTEXT = MAX_PLAINTEXT + 256;

export interface Record {
  type: ContentType;
  fragment: Uint8Array;
  /** Whether the record arrived AEAD-protected. */
  protected: boolean;
}

/** One direction's key, IV and 64-bit sequence number (RFC 8446 §5.3). */
class Protection {
  private seq = 0n;
  private readonly aead: Aead;
  private readonly iv: Uint8Array;

  constructor(suite: CipherSuite, secret: Uint8Array) {
    const { key, iv } = trafficKeys(suite, secret);
    this.aead = suite.aead(key);
    this.iv = iv;
  }

  /** RFC 8446 §5.3: the 64-bit sequence number, left-padded to iv_length, XORed with the static IV. */
  nonce(): Uint8Array {
    const nonce = this.iv.slice();
    let s = this.seq++;
    for (let i = nonce.length - 1; i >= nonce.length - 8; i--) {
      nonce[i]! ^= Number(s & 0xffn);
      s >>= 8n;
    }
    return nonce;
  }

  seal(header: Uint8Array, inner: Uint8Array): Uint8Array {
    return this.aead.seal(this.nonce(), header, inner);
  }

  open(header: Uint8Array, body: Uint8Array): Uint8Array {
    return this.aead.open(this.nonce(), header, body);
  }
}

function header(type: number, length: number, legacyVersion = 0x0303): Uint8Array {
  return Uint8Array.of(type, legacyVersion >> 8, legacyVersion & 0xff, length >> 8, length & 0xff);
}

export class RecordLayer {
  private buffer = new Uint8Array(0);
  private reader: Protection | undefined;
  private writer: Protection | undefined;

  /** RFC 8446 §7.3: install the keys of a traffic secret for reading or for writing. */
  setReadSecret(suite: CipherSuite, secret: Uint8Array): void {
    this.reader = new Protection(suite, secret);
  }

  setWriteSecret(suite: CipherSuite, secret: Uint8Array): void {
    this.writer = new Protection(suite, secret);
  }

  get readProtected(): boolean {
    return this.reader !== undefined;
  }

  push(bytes: Uint8Array): void {
    const next = new Uint8Array(this.buffer.length + bytes.length);
    next.set(this.buffer);
    next.set(bytes, this.buffer.length);
    this.buffer = next;
  }

  /** Octets received that do not yet make a whole record. */
  get pending(): number {
    return this.buffer.length;
  }

  /** The next whole record, opened if read keys are set; null until one is complete. Throws TlsAlert. */
  next(): Record | null {
    if (this.buffer.length < 5) return null;
    const type = this.buffer[0]!;
    const length = (this.buffer[3]! << 8) | this.buffer[4]!;
    if (type < 20 || type > 23) throw new TlsAlert('unexpected_message', `record of unknown content type ${type}`);
    if (length > MAX_CIPHERTEXT) throw new TlsAlert('record_overflow', `record of ${length} octets, over 2^14 + 256`);
    if (this.buffer.length < 5 + length) return null;
    const head = this.buffer.slice(0, 5);
    const body = this.buffer.slice(5, 5 + length);
    this.buffer = this.buffer.slice(5 + length);
    // RFC 8446 §5: a change_cipher_spec record is never protected and is handled by the caller.
    if (type === CONTENT.change_cipher_spec || !this.reader) {
      if (length > MAX_PLAINTEXT) throw new TlsAlert('record_overflow', `plaintext record of ${length} octets, over 2^14`);
      // RFC 8446 §5.1: "Implementations MUST NOT send zero-length fragments of Handshake types"
      if (length === 0 && type !== CONTENT.application_data) throw new TlsAlert('unexpected_message', 'zero-length record');
      return { type: type as ContentType, fragment: body, protected: false };
    }
    if (type !== CONTENT.application_data) {
      // RFC 8446 §5.2: protected records always carry opaque_type application_data (23).
      throw new TlsAlert('unexpected_message', `unprotected ${type} record after keys were set`);
    }
    let inner: Uint8Array;
    try {
      inner = this.reader.open(head, body);
    } catch {
      // RFC 8446 §5.2: "If the decryption fails, the receiver MUST terminate the connection with a "bad_record_mac" alert."
      throw new TlsAlert('bad_record_mac', 'record failed AEAD authentication');
    }
    if (inner.length > MAX_PLAINTEXT + 1) throw new TlsAlert('record_overflow', `inner plaintext of ${inner.length} octets`);
    // RFC 8446 §5.4: the content type is the last non-zero octet; the zeros after it are padding.
    let end = inner.length - 1;
    while (end >= 0 && inner[end] === 0) end--;
    if (end < 0) throw new TlsAlert('unexpected_message', 'protected record with no non-zero content type');
    const innerType = inner[end]!;
    if (innerType !== CONTENT.alert && innerType !== CONTENT.handshake && innerType !== CONTENT.application_data) {
      throw new TlsAlert('unexpected_message', `protected record of content type ${innerType}`);
    }
    const fragment = inner.subarray(0, end);
    if (fragment.length === 0 && innerType !== CONTENT.application_data) throw new TlsAlert('unexpected_message', 'zero-length record');
    return { type: innerType as ContentType, fragment, protected: true };
  }

  /** Records carrying `data`, split at 2^14 octets (RFC 8446 §5.1), protected once write keys are set. */
  seal(type: ContentType, data: Uint8Array, legacyVersion = 0x0303): Uint8Array {
    const out: Uint8Array[] = [];
    for (let at = 0; at < data.length || (at === 0 && data.length === 0); at += MAX_PLAINTEXT) {
      const fragment = data.subarray(at, at + MAX_PLAINTEXT);
      if (!this.writer) {
        out.push(concatBytes([header(type, fragment.length, legacyVersion), fragment]));
      } else {
        // RFC 8446 §5.2 TLSInnerPlaintext: content ‖ type ‖ zeros (we send no padding).
        const inner = new Uint8Array(fragment.length + 1);
        inner.set(fragment);
        inner[fragment.length] = type;
        // Every suite here has a 16-octet tag (RFC 5116 §5.1, RFC 8439 §2.8).
        const head = header(CONTENT.application_data, inner.length + 16);
        out.push(concatBytes([head, this.writer.seal(head, inner)]));
      }
      if (data.length === 0) break;
    }
    return concatBytes(out);
  }
}
