/** RFC 8446 §4.2.3 signature schemes, §4.4.3 the CertificateVerify signature, and the keys behind them. */
import { ed25519 } from '@noble/curves/ed25519.js';
import { p256, p384 } from '@noble/curves/nist.js';
import { sha256, sha384, sha512 } from '@noble/hashes/sha2.js';
import { verifyPkcs1, verifyPss, type RsaPublicKey } from './rsa.ts';
import type { Hash } from './suites.ts';

/** A subject public key, as read from a certificate's SubjectPublicKeyInfo (RFC 5280 §4.1.2.7). */
export type PublicKey =
  | { kind: 'ec'; curve: 'P-256' | 'P-384'; point: Uint8Array }
  /** `pss`: the key's SPKI says id-RSASSA-PSS, so it may only make PSS signatures (RFC 8446 §4.2.3 rsa_pss_pss_*). */
  | { kind: 'rsa'; key: RsaPublicKey; bits: number; pss: boolean }
  | { kind: 'ed25519'; key: Uint8Array };

/** A key this implementation signs with: the server's, and the virtual CA's. */
export type PrivateKey = { kind: 'ec'; curve: 'P-256' | 'P-384'; secret: Uint8Array } | { kind: 'ed25519'; secret: Uint8Array };

/** RFC 8446 §4.2.3 `enum SignatureScheme` (the ones we accept). */
export const SCHEMES = {
  rsa_pkcs1_sha256: 0x0401,
  rsa_pkcs1_sha384: 0x0501,
  rsa_pkcs1_sha512: 0x0601,
  ecdsa_secp256r1_sha256: 0x0403,
  ecdsa_secp384r1_sha384: 0x0503,
  rsa_pss_rsae_sha256: 0x0804,
  rsa_pss_rsae_sha384: 0x0805,
  rsa_pss_rsae_sha512: 0x0806,
  ed25519: 0x0807,
  rsa_pss_pss_sha256: 0x0809,
  rsa_pss_pss_sha384: 0x080a,
  rsa_pss_pss_sha512: 0x080b,
} as const;

export type SchemeName = keyof typeof SCHEMES;

/** What we offer for CertificateVerify: RFC 8446 §4.4.3 forbids RSASSA-PKCS1-v1_5 there. */
export const HANDSHAKE_SCHEMES: readonly SchemeName[] = [
  'ecdsa_secp256r1_sha256',
  'ecdsa_secp384r1_sha384',
  'rsa_pss_rsae_sha256',
  'rsa_pss_rsae_sha384',
  'rsa_pss_rsae_sha512',
  'ed25519',
  'rsa_pss_pss_sha256',
  'rsa_pss_pss_sha384',
  'rsa_pss_pss_sha512',
];

/** What we accept in certificates (signature_algorithms_cert, RFC 8446 §4.2.3). */
export const CERT_SCHEMES: readonly SchemeName[] = [...HANDSHAKE_SCHEMES, 'rsa_pkcs1_sha256', 'rsa_pkcs1_sha384', 'rsa_pkcs1_sha512'];

export function schemeName(id: number): SchemeName | undefined {
  return (Object.keys(SCHEMES) as SchemeName[]).find((n) => SCHEMES[n] === id);
}

/** RFC 8446 §4.4.3: 64 spaces, the context string, a zero octet, then the transcript hash. */
export function certificateVerifyContent(side: 'server' | 'client', transcriptHash: Uint8Array): Uint8Array {
  const context = `TLS 1.3, ${side} CertificateVerify`;
  const out = new Uint8Array(64 + context.length + 1 + transcriptHash.length).fill(0x20, 0, 64);
  out.set(Uint8Array.from(context, (c) => c.charCodeAt(0)), 64);
  out[64 + context.length] = 0;
  out.set(transcriptHash, 65 + context.length);
  return out;
}

const HASHES: Record<string, Hash> = { sha256, sha384, sha512 };

/** Verifies `signature` over `message` with algorithm `scheme`; also used for certificate signatures. */
export function verifySignature(scheme: SchemeName, key: PublicKey, message: Uint8Array, signature: Uint8Array, hashName?: string): boolean {
  try {
    if (scheme === 'ed25519') return key.kind === 'ed25519' && ed25519.verify(signature, message, key.key);
    const hash = HASHES[hashName ?? scheme.slice(scheme.lastIndexOf('_') + 1)];
    if (!hash) return false;
    if (scheme.startsWith('ecdsa_')) {
      if (key.kind !== 'ec') return false;
      // RFC 8446 §4.2.3: in TLS 1.3 the curve of an ECDSA scheme must match the key's curve.
      if (hashName === undefined && (scheme === 'ecdsa_secp256r1_sha256') !== (key.curve === 'P-256')) return false;
      const curve = key.curve === 'P-256' ? p256 : p384;
      // DER ECDSA-Sig-Value (RFC 8446 §4.2.3); high-S signatures are valid ECDSA, so lowS is off.
      return curve.verify(signature, hash(message), key.point, { prehash: false, format: 'der', lowS: false });
    }
    if (key.kind !== 'rsa') return false;
    // RFC 8446 §4.2.3: rsa_pss_rsae_* needs an rsaEncryption key, rsa_pss_pss_* an RSASSA-PSS key (in CertificateVerify).
    if (hashName === undefined && scheme.startsWith('rsa_pss_') && scheme.startsWith('rsa_pss_pss_') !== key.pss) return false;
    // RFC 8446 §4.2.3: RSASSA-PSS "The length of the Salt MUST be equal to the length of the output of the digest algorithm."
    if (scheme.startsWith('rsa_pss_')) return verifyPss(key.key, hash, message, signature, hashName === undefined ? hash.outputLen : undefined);
    return verifyPkcs1(key.key, hash, message, signature);
  } catch {
    return false;
  }
}

/** The scheme our key signs CertificateVerify with, if the peer offered it. */
export function schemeFor(key: PrivateKey): SchemeName {
  if (key.kind === 'ed25519') return 'ed25519';
  return key.curve === 'P-256' ? 'ecdsa_secp256r1_sha256' : 'ecdsa_secp384r1_sha384';
}

/** Signs with our key: deterministic ECDSA (RFC 6979) or Ed25519, so no randomness is needed. */
export function sign(key: PrivateKey, message: Uint8Array, hashName?: 'sha256' | 'sha384'): Uint8Array {
  if (key.kind === 'ed25519') return ed25519.sign(message, key.secret);
  const curve = key.curve === 'P-256' ? p256 : p384;
  const hash = HASHES[hashName ?? (key.curve === 'P-256' ? 'sha256' : 'sha384')]!;
  return curve.sign(hash(message), key.secret, { prehash: false, format: 'der' });
}
