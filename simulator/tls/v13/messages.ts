/** RFC 8446 §4: the handshake messages' wire form, and reassembly of messages across records (§5.1). */
import { build, DecodeError, Reader } from '../codec.ts';
import { TlsAlert } from './alerts.ts';
import { decodeExtensions, encodeExtensions, type Extension } from './extensions.ts';

/** RFC 8446 §4 `enum HandshakeType`. */
export const HS = {
  client_hello: 1,
  server_hello: 2,
  new_session_ticket: 4,
  end_of_early_data: 5,
  encrypted_extensions: 8,
  certificate: 11,
  certificate_request: 13,
  certificate_verify: 15,
  finished: 20,
  key_update: 24,
} as const;

export type HandshakeTypeName = keyof typeof HS;

export function handshakeName(type: number): string {
  return (Object.keys(HS) as HandshakeTypeName[]).find((n) => HS[n] === type) ?? `handshake_${type}`;
}

/** RFC 8446 §4.1.3: the Random of a HelloRetryRequest, SHA-256("HelloRetryRequest"). */
export const HRR_RANDOM = Uint8Array.from(
  'cf21ad74e59a6111be1d8c021e65b891c2a211167abb8c5e079e09e2c8a8339c'.match(/../g)!.map((h) => parseInt(h, 16)),
);

export interface HandshakeMessage {
  type: number;
  body: Uint8Array;
  /** Header and body as they travel, the input to the transcript hash. */
  raw: Uint8Array;
}

export function encodeHandshake(type: number, body: Uint8Array): Uint8Array {
  return build((w) => w.u8(type).vector(3, body));
}

/** Collects handshake bytes from records and yields whole messages (RFC 8446 §5.1 fragmentation). */
export class HandshakeReassembler {
  private buffer = new Uint8Array(0);

  push(fragment: Uint8Array): void {
    const next = new Uint8Array(this.buffer.length + fragment.length);
    next.set(this.buffer);
    next.set(fragment, this.buffer.length);
    this.buffer = next;
  }

  /** Whether part of a message is waiting: RFC 8446 §5.1 forbids a key change in mid-message. */
  get partial(): boolean {
    return this.buffer.length > 0;
  }

  next(): HandshakeMessage | null {
    if (this.buffer.length < 4) return null;
    const length = (this.buffer[1]! << 16) | (this.buffer[2]! << 8) | this.buffer[3]!;
    if (length > 1 << 17) throw new TlsAlert('decode_error', `handshake message of ${length} octets is larger than we accept`);
    if (this.buffer.length < 4 + length) return null;
    const raw = this.buffer.slice(0, 4 + length);
    this.buffer = this.buffer.slice(4 + length);
    return { type: raw[0]!, body: raw.subarray(4), raw };
  }
}

/** Runs a decoder; truncated or trailing octets become decode_error (RFC 8446 §6.2). */
export function decodeWith<T>(what: string, body: Uint8Array, read: (r: Reader) => T): T {
  try {
    const r = new Reader(body);
    const value = read(r);
    r.end();
    return value;
  } catch (e) {
    if (e instanceof TlsAlert) throw e;
    if (e instanceof DecodeError) throw new TlsAlert('decode_error', `${what}: ${e.message}`);
    throw e;
  }
}

/** RFC 8446 §4.1.2 ClientHello. */
export interface ClientHello {
  random: Uint8Array;
  legacySessionId: Uint8Array;
  cipherSuites: number[];
  extensions: Extension[];
}

export function encodeClientHello(ch: ClientHello): Uint8Array {
  const body = build((w) => {
    w.u16(0x0303).bytes(ch.random).vector(1, ch.legacySessionId);
    w.vector(2, (b) => ch.cipherSuites.forEach((s) => b.u16(s)));
    w.vector(1, Uint8Array.of(0)); // legacy_compression_methods: the single "null" method
    w.bytes(encodeExtensions(ch.extensions));
  });
  return encodeHandshake(HS.client_hello, body);
}

export function decodeClientHello(body: Uint8Array): ClientHello {
  return decodeWith('ClientHello', body, (r) => {
    r.u16(); // legacy_version: RFC 8446 §4.1.2, versions come from supported_versions
    const random = r.bytes(32);
    const legacySessionId = r.vector(1);
    if (legacySessionId.length > 32) throw new TlsAlert('illegal_parameter', 'legacy_session_id longer than 32 octets');
    const suites = new Reader(r.vector(2));
    const cipherSuites: number[] = [];
    while (suites.remaining > 1) cipherSuites.push(suites.u16());
    suites.end();
    const compression = r.vector(1);
    // RFC 8446 §4.1.2: "this vector MUST contain exactly one byte, set to zero"
    if (compression.length !== 1 || compression[0] !== 0) throw new TlsAlert('illegal_parameter', 'legacy_compression_methods is not [null]');
    return { random, legacySessionId, cipherSuites, extensions: decodeExtensions(r) };
  });
}

/** RFC 8446 §4.1.3 ServerHello (and HelloRetryRequest, which has the special Random). */
export interface ServerHello {
  random: Uint8Array;
  legacySessionIdEcho: Uint8Array;
  cipherSuite: number;
  extensions: Extension[];
}

export function encodeServerHello(sh: ServerHello): Uint8Array {
  const body = build((w) => {
    w.u16(0x0303).bytes(sh.random).vector(1, sh.legacySessionIdEcho).u16(sh.cipherSuite).u8(0);
    w.bytes(encodeExtensions(sh.extensions));
  });
  return encodeHandshake(HS.server_hello, body);
}

export function decodeServerHello(body: Uint8Array): ServerHello {
  return decodeWith('ServerHello', body, (r) => {
    const legacyVersion = r.u16();
    // RFC 8446 §4.1.3: legacy_version is 0x0303; TLS 1.3 itself is in supported_versions.
    if (legacyVersion !== 0x0303) throw new TlsAlert('protocol_version', `ServerHello legacy_version 0x${legacyVersion.toString(16)}`);
    const random = r.bytes(32);
    const legacySessionIdEcho = r.vector(1);
    const cipherSuite = r.u16();
    if (r.u8() !== 0) throw new TlsAlert('illegal_parameter', 'legacy_compression_method is not 0');
    return { random, legacySessionIdEcho, cipherSuite, extensions: decodeExtensions(r) };
  });
}

/** RFC 8446 §4.3.1 EncryptedExtensions. */
export function encodeEncryptedExtensions(exts: readonly Extension[]): Uint8Array {
  return encodeHandshake(HS.encrypted_extensions, encodeExtensions(exts));
}

export function decodeEncryptedExtensions(body: Uint8Array): Extension[] {
  return decodeWith('EncryptedExtensions', body, decodeExtensions);
}

/** RFC 8446 §4.4.2 Certificate: a context and the chain, end-entity first, each DER X.509. */
export interface CertificateMessage {
  context: Uint8Array;
  chain: Uint8Array[];
}

export function encodeCertificate(msg: CertificateMessage): Uint8Array {
  const body = build((w) => {
    w.vector(1, msg.context);
    w.vector(3, (list) => msg.chain.forEach((der) => list.vector(3, der).vector(2, new Uint8Array(0))));
  });
  return encodeHandshake(HS.certificate, body);
}

export function decodeCertificate(body: Uint8Array): CertificateMessage {
  return decodeWith('Certificate', body, (r) => {
    const context = r.vector(1);
    const list = new Reader(r.vector(3));
    const chain: Uint8Array[] = [];
    while (list.remaining > 0) {
      const der = list.vector(3);
      if (der.length === 0) throw new TlsAlert('decode_error', 'empty cert_data');
      list.vector(2); // per-certificate extensions (OCSP, SCT): not used
      chain.push(der);
    }
    return { context, chain };
  });
}

/** RFC 8446 §4.4.3 CertificateVerify. */
export interface CertificateVerify {
  scheme: number;
  signature: Uint8Array;
}

export function encodeCertificateVerify(cv: CertificateVerify): Uint8Array {
  return encodeHandshake(HS.certificate_verify, build((w) => w.u16(cv.scheme).vector(2, cv.signature)));
}

export function decodeCertificateVerify(body: Uint8Array): CertificateVerify {
  return decodeWith('CertificateVerify', body, (r) => ({ scheme: r.u16(), signature: r.vector(2) }));
}

/** RFC 8446 §4.6.3 KeyUpdate: update_not_requested(0), update_requested(1). */
export function encodeKeyUpdate(requestUpdate: boolean): Uint8Array {
  return encodeHandshake(HS.key_update, Uint8Array.of(requestUpdate ? 1 : 0));
}

export function decodeKeyUpdate(body: Uint8Array): boolean {
  const value = decodeWith('KeyUpdate', body, (r) => r.u8());
  // RFC 8446 §4.6.3: "If an implementation receives any other value, it MUST terminate the connection with an "illegal_parameter" alert."
  if (value > 1) throw new TlsAlert('illegal_parameter', `KeyUpdate request_update ${value}`);
  return value === 1;
}
