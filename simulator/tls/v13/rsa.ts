/**
 * RSA signature verification (RFC 8017), public key only: RSASSA-PSS (§8.1.2) for TLS 1.3's
 * rsa_pss_rsae_* CertificateVerify, and RSASSA-PKCS1-v1_5 (§8.2.2) for certificate chains.
 * @noble has no RSA; verification needs no secret, so BigInt arithmetic is enough (timing leaks
 * nothing that is not public).
 */
import type { Hash } from './suites.ts';
import { bytesEqual } from '../../wire/bytes.ts';

export interface RsaPublicKey {
  n: bigint;
  e: bigint;
}

export function bytesToBigInt(b: Uint8Array): bigint {
  let x = 0n;
  for (const byte of b) x = (x << 8n) | BigInt(byte);
  return x;
}

/** RFC 8017 §4.1 I2OSP. */
function i2osp(x: bigint, length: number): Uint8Array | null {
  const out = new Uint8Array(length);
  for (let i = length - 1; i >= 0; i--) {
    out[i] = Number(x & 0xffn);
    x >>= 8n;
  }
  return x === 0n ? out : null;
}

function modPow(base: bigint, exp: bigint, mod: bigint): bigint {
  let result = 1n;
  base %= mod;
  while (exp > 0n) {
    if (exp & 1n) result = (result * base) % mod;
    base = (base * base) % mod;
    exp >>= 1n;
  }
  return result;
}

function bitLength(x: bigint): number {
  return x.toString(2).length;
}

/** RFC 8017 §5.2.2 RSAVP1 with OS2IP/I2OSP around it: the encoded message, or null. */
function rsavp1(key: RsaPublicKey, signature: Uint8Array, emLength: number): Uint8Array | null {
  const k = Math.ceil(bitLength(key.n) / 8);
  // RFC 8017 §8.1.2 step 1 / §8.2.2 step 1: "If the length of the signature S is not k octets, output 'invalid signature'"
  if (signature.length !== k) return null;
  const s = bytesToBigInt(signature);
  if (s >= key.n) return null;
  return i2osp(modPow(s, key.e, key.n), emLength);
}

/** RFC 8017 §B.2.1 MGF1. */
function mgf1(hash: Hash, seed: Uint8Array, length: number): Uint8Array {
  const out = new Uint8Array(length);
  const input = new Uint8Array(seed.length + 4);
  input.set(seed);
  for (let counter = 0, at = 0; at < length; counter++) {
    new DataView(input.buffer).setUint32(seed.length, counter);
    const block = hash(input);
    out.set(block.subarray(0, Math.min(block.length, length - at)), at);
    at += block.length;
  }
  return out;
}

/**
 * RFC 8017 §8.1.2 RSASSA-PSS-VERIFY with EMSA-PSS-VERIFY (§9.1.2), MGF1 over the same hash.
 * `saltLength` undefined accepts the salt length the signer chose (certificates' PSS parameters
 * are not read); TLS 1.3 passes the hash length (RFC 8446 §4.2.3).
 */
export function verifyPss(key: RsaPublicKey, hash: Hash, message: Uint8Array, signature: Uint8Array, saltLength?: number): boolean {
  const modBits = bitLength(key.n);
  const emBits = modBits - 1;
  const emLen = Math.ceil(emBits / 8);
  const em = rsavp1(key, signature, emLen);
  if (!em) return false;
  const hLen = hash.outputLen;
  const mHash = hash(message);
  if (emLen < hLen + 2) return false;
  if (em[emLen - 1] !== 0xbc) return false;
  const maskedDB = em.subarray(0, emLen - hLen - 1);
  const h = em.subarray(emLen - hLen - 1, emLen - 1);
  const zeroBits = 8 * emLen - emBits;
  // RFC 8017 §9.1.2 step 6: the leftmost 8emLen - emBits bits of maskedDB must be zero.
  if (zeroBits > 0 && maskedDB[0]! >> (8 - zeroBits) !== 0) return false;
  const mask = mgf1(hash, h, maskedDB.length);
  const db = maskedDB.map((b, i) => b ^ mask[i]!);
  db[0]! &= 0xff >> zeroBits;
  // DB = PS (zeros) ‖ 0x01 ‖ salt
  let i = 0;
  while (i < db.length && db[i] === 0) i++;
  if (i >= db.length || db[i] !== 1) return false;
  const salt = db.subarray(i + 1);
  if (saltLength !== undefined && salt.length !== saltLength) return false;
  const mPrime = new Uint8Array(8 + hLen + salt.length);
  mPrime.set(mHash, 8);
  mPrime.set(salt, 8 + hLen);
  return bytesEqual(hash(mPrime), h);
}

/** RFC 8017 §9.2 note 1: the DER DigestInfo prefix of each hash we accept. */
const DIGEST_INFO: Record<number, string> = {
  32: '3031300d060960864801650304020105000420',
  48: '3041300d060960864801650304020205000430',
  64: '3051300d060960864801650304020305000440',
};

/** RFC 8017 §8.2.2 RSASSA-PKCS1-V1_5-VERIFY: rebuild EMSA-PKCS1-v1_5 (§9.2) and compare. */
export function verifyPkcs1(key: RsaPublicKey, hash: Hash, message: Uint8Array, signature: Uint8Array): boolean {
  const k = Math.ceil(bitLength(key.n) / 8);
  const em = rsavp1(key, signature, k);
  const prefix = DIGEST_INFO[hash.outputLen];
  if (!em || !prefix) return false;
  const t = new Uint8Array([...prefix.match(/../g)!.map((x) => parseInt(x, 16)), ...hash(message)]);
  if (k < t.length + 11) return false;
  const expected = new Uint8Array(k).fill(0xff);
  expected[0] = 0;
  expected[1] = 1;
  expected[k - t.length - 1] = 0;
  expected.set(t, k - t.length);
  return bytesEqual(em, expected);
}
