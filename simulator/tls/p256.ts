/**
 * ECDHE and ECDSA on P-256 from @noble/curves, whose keys come from the caller's RandomSource:
 * WebCrypto makes its keys from a random source nobody can seed, and a replayed session must give
 * the same bytes (issue 16, item 5). Signatures are deterministic (RFC 6979), so they need no
 * randomness.
 */
import { p256 } from '@noble/curves/nist.js';
import type { RandomSource } from '../random.ts';

/** A P-256 secret key from the source: 48 bytes reduced mod n (FIPS 186-5 A.2.1's extra 16 bytes keep the bias negligible). */
function secretKey(random: RandomSource): Uint8Array {
  return p256.utils.randomSecretKey(random.bytes(48));
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
