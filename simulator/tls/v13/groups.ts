/** RFC 8446 §4.2.7/§4.2.8: the (EC)DHE groups we offer and accept, and their key shares. */
import { x25519 } from '@noble/curves/ed25519.js';
import { p256 } from '@noble/curves/nist.js';
import type { RandomSource } from '../../random.ts';
import { TlsAlert } from './alerts.ts';

export type GroupName = 'x25519' | 'secp256r1';

/** RFC 8446 §4.2.7 `enum NamedGroup`. */
export const GROUP_IDS: Record<GroupName, number> = { secp256r1: 0x0017, x25519: 0x001d };

export function groupById(id: number): GroupName | undefined {
  return (Object.keys(GROUP_IDS) as GroupName[]).find((g) => GROUP_IDS[g] === id);
}

export interface KeyShare {
  group: GroupName;
  privateKey: Uint8Array;
  /** The `key_exchange` octets sent on the wire. */
  publicKey: Uint8Array;
}

/**
 * A fresh ephemeral key. x25519 takes 32 random octets as its scalar (RFC 7748 §5 clamps it);
 * P-256 derives a scalar in [1, n-1] from 48 random octets (FIPS 186-5 A.2.1), so the key is a
 * function of the RandomSource alone.
 */
export function generateKeyShare(group: GroupName, random: RandomSource): KeyShare {
  if (group === 'x25519') {
    const privateKey = random.bytes(32);
    return { group, privateKey, publicKey: x25519.getPublicKey(privateKey) };
  }
  const privateKey = p256.utils.randomSecretKey(random.bytes(48));
  // RFC 8446 §4.2.8.2: UncompressedPointRepresentation, legacy_form = 4.
  return { group, privateKey, publicKey: p256.getPublicKey(privateKey, false) };
}

/** The shared secret Z (RFC 8446 §7.4.1 x-coordinate for ECDHE, §7.4.2 for X25519). */
export function sharedSecret(share: KeyShare, peerPublic: Uint8Array): Uint8Array {
  try {
    if (share.group === 'x25519') {
      if (peerPublic.length !== 32) throw new Error('x25519 key_exchange is not 32 octets');
      const z = x25519.getSharedSecret(share.privateKey, peerPublic);
      // RFC 8446 §7.4.2: "check whether the computed Diffie-Hellman shared secret is the all-zero value and abort if so"
      if (z.every((b) => b === 0)) throw new Error('all-zero x25519 shared secret');
      return z;
    }
    // RFC 8446 §4.2.8.2: the peer's point MUST be uncompressed (65 octets, 0x04) and on the curve.
    if (peerPublic.length !== 65 || peerPublic[0] !== 4) throw new Error('secp256r1 key_exchange is not an uncompressed point');
    return p256.getSharedSecret(share.privateKey, peerPublic, true).slice(1);
  } catch (e) {
    throw new TlsAlert('illegal_parameter', `bad ${share.group} key share: ${(e as Error).message}`);
  }
}
