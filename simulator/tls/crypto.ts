/**
 * The symmetric primitives TLS 1.3 needs: HKDF with SHA-256 (RFC 5869, built on HMAC) and
 * AES-128-GCM from WebCrypto (the browser's and Node's `crypto.subtle`, deterministic). The P-256
 * key exchange and signatures are in p256.ts, so that reading records (the wire view) does not
 * load the elliptic-curve code.
 */
import { build } from './codec.ts';

const subtle = (): SubtleCrypto => globalThis.crypto.subtle;


export async function sha256(data: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await subtle().digest('SHA-256', data as BufferSource));
}

export async function hmac(key: Uint8Array, data: Uint8Array): Promise<Uint8Array> {
  const k = await subtle().importKey('raw', key as BufferSource, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return new Uint8Array(await subtle().sign('HMAC', k, data as BufferSource));
}

/** RFC 5869 §2.2 HKDF-Extract. */
export function hkdfExtract(salt: Uint8Array, ikm: Uint8Array): Promise<Uint8Array> {
  return hmac(salt.length ? salt : new Uint8Array(32), ikm);
}

/** RFC 5869 §2.3 HKDF-Expand. */
export async function hkdfExpand(prk: Uint8Array, info: Uint8Array, length: number): Promise<Uint8Array> {
  const out = new Uint8Array(length);
  let previous: Uint8Array = new Uint8Array(0);
  for (let i = 0, filled = 0; filled < length; i++) {
    const block = new Uint8Array(previous.length + info.length + 1);
    block.set(previous);
    block.set(info, previous.length);
    block[block.length - 1] = i + 1;
    previous = await hmac(prk, block);
    out.set(previous.subarray(0, Math.min(previous.length, length - filled)), filled);
    filled += previous.length;
  }
  return out;
}

/** RFC 8446 §7.1 HKDF-Expand-Label. */
export function hkdfExpandLabel(secret: Uint8Array, label: string, context: Uint8Array, length: number): Promise<Uint8Array> {
  const info = build((w) =>
    w
      .u16(length)
      .vector(1, new TextEncoder().encode('tls13 ' + label))
      .vector(1, context),
  );
  return hkdfExpand(secret, info, length);
}

export async function aesGcmSeal(key: Uint8Array, nonce: Uint8Array, aad: Uint8Array, plaintext: Uint8Array): Promise<Uint8Array> {
  const k = await subtle().importKey('raw', key as BufferSource, 'AES-GCM', false, ['encrypt']);
  return new Uint8Array(await subtle().encrypt({ name: 'AES-GCM', iv: nonce as BufferSource, additionalData: aad as BufferSource, tagLength: 128 }, k, plaintext as BufferSource));
}

/** Returns null when the tag does not verify: the record was tampered with or the key is wrong. */
export async function aesGcmOpen(key: Uint8Array, nonce: Uint8Array, aad: Uint8Array, ciphertext: Uint8Array): Promise<Uint8Array | null> {
  try {
    const k = await subtle().importKey('raw', key as BufferSource, 'AES-GCM', false, ['decrypt']);
    return new Uint8Array(await subtle().decrypt({ name: 'AES-GCM', iv: nonce as BufferSource, additionalData: aad as BufferSource, tagLength: 128 }, k, ciphertext as BufferSource));
  } catch {
    return null;
  }
}
