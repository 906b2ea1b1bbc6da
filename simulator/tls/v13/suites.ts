/** RFC 8446 §B.4: the three cipher suites we speak, each an AEAD and the hash for HKDF. */
import { gcm } from '@noble/ciphers/aes.js';
import { chacha20poly1305 } from '@noble/ciphers/chacha.js';
import { sha256, sha384 } from '@noble/hashes/sha2.js';

export type SuiteName = 'TLS_AES_128_GCM_SHA256' | 'TLS_AES_256_GCM_SHA384' | 'TLS_CHACHA20_POLY1305_SHA256';

/** The hash functions HKDF and the transcript use (noble's `CHash` shape). */
export type Hash = typeof sha256 | typeof sha384;

export interface Aead {
  seal(nonce: Uint8Array, aad: Uint8Array, plaintext: Uint8Array): Uint8Array;
  /** Throws when the tag does not verify. */
  open(nonce: Uint8Array, aad: Uint8Array, ciphertext: Uint8Array): Uint8Array;
}

export interface CipherSuite {
  name: SuiteName;
  id: number;
  hash: Hash;
  keyLength: number;
  /** RFC 8446 §5.3: every suite here has a 12-octet nonce (iv_length). */
  ivLength: 12;
  aead(key: Uint8Array): Aead;
}

function aeadOf(make: (key: Uint8Array, nonce: Uint8Array, aad: Uint8Array) => { encrypt(p: Uint8Array): Uint8Array; decrypt(c: Uint8Array): Uint8Array }) {
  return (key: Uint8Array): Aead => ({
    seal: (nonce, aad, plaintext) => make(key, nonce, aad).encrypt(plaintext),
    open: (nonce, aad, ciphertext) => make(key, nonce, aad).decrypt(ciphertext),
  });
}

export const SUITES: readonly CipherSuite[] = [
  { name: 'TLS_AES_128_GCM_SHA256', id: 0x1301, hash: sha256, keyLength: 16, ivLength: 12, aead: aeadOf(gcm) },
  { name: 'TLS_AES_256_GCM_SHA384', id: 0x1302, hash: sha384, keyLength: 32, ivLength: 12, aead: aeadOf(gcm) },
  { name: 'TLS_CHACHA20_POLY1305_SHA256', id: 0x1303, hash: sha256, keyLength: 32, ivLength: 12, aead: aeadOf(chacha20poly1305) },
];

export function suiteById(id: number): CipherSuite | undefined {
  return SUITES.find((s) => s.id === id);
}

export function suiteByName(name: SuiteName): CipherSuite {
  const s = SUITES.find((x) => x.name === name);
  if (!s) throw new Error(`unknown cipher suite ${name}`);
  return s;
}
