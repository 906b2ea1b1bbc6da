/**
 * The primitives TLS 1.3 needs: HKDF with SHA-256 (RFC 5869, built on HMAC) and AES-128-GCM from
 * WebCrypto (the browser's and Node's `crypto.subtle`, deterministic), and ECDHE and ECDSA on
 * P-256 from @noble/curves, whose keys come from the caller's RandomSource: WebCrypto makes its
 * keys from a random source nobody can seed, and a replayed session must give the same bytes
 * (issue 16, item 5). Signatures are deterministic (RFC 6979), so they need no randomness.
 */
import { p256 } from '@noble/curves/nist.js';
import type { RandomSource } from '../random.ts';
import { build } from './codec.ts';

const subtle = (): SubtleCrypto => globalThis.crypto.subtle;

/** A P-256 secret key from the source: 48 bytes reduced mod n (FIPS 186-5 A.2.1's extra 16 bytes keep the bias negligible). */
function secretKey(random: RandomSource): Uint8Array {
  return p256.utils.randomSecretKey(random.bytes(48));
}

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

export interface EcdhKeyPair {
  privateKey: Uint8Array;
  /** The uncompressed point (65 octets), as the key_share extension carries it (RFC 8446 §4.2.8.2). */
  publicKey: Uint8Array;
}

export async function ecdhKeyPair(random: RandomSource): Promise<EcdhKeyPair> {
  const privateKey = secretKey(random);
  return { privateKey, publicKey: p256.getPublicKey(privateKey, false) };
}

/** The x-coordinate of the shared point (RFC 8446 §7.4.2); rejects a share that is not a P-256 point. */
export async function ecdhSharedSecret(privateKey: Uint8Array, peerPublic: Uint8Array): Promise<Uint8Array> {
  // RFC 8446 §4.2.8.2: the share is an uncompressed point (0x04 ‖ X ‖ Y).
  if (peerPublic.length !== 65 || peerPublic[0] !== 4) throw new Error('not an uncompressed P-256 point');
  return p256.getSharedSecret(privateKey, peerPublic, true).slice(1);
}

export interface SigningKeyPair {
  privateKey: Uint8Array;
  /** The uncompressed point (65 octets). */
  publicKey: Uint8Array;
}

export async function signingKeyPair(random: RandomSource): Promise<SigningKeyPair> {
  const privateKey = secretKey(random);
  return { privateKey, publicKey: p256.getPublicKey(privateKey, false) };
}

/** ECDSA with SHA-256, r ‖ s (64 octets); the nonce is derived from the key and data (RFC 6979). */
export async function ecdsaSign(privateKey: Uint8Array, data: Uint8Array): Promise<Uint8Array> {
  return p256.sign(data, privateKey, { prehash: true, lowS: false, extraEntropy: false });
}

export async function ecdsaVerify(publicKey: Uint8Array, signature: Uint8Array, data: Uint8Array): Promise<boolean> {
  try {
    return p256.verify(signature, data, publicKey, { prehash: true, lowS: false });
  } catch {
    return false;
  }
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
