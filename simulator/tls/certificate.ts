/**
 * Certificates for the virtual network: the fields of an X.509 certificate that a mail client
 * checks (RFC 5280 subject, issuer, validity, subjectAltName; RFC 7817 name rules), signed with
 * ECDSA P-256 by a virtual CA. Not DER: a compact TLV encoding that is signed and verified for real.
 */
import { build, DecodeError, Reader } from './codec.ts';
import { dnsNameMatches } from './host-name.ts';
import type { RandomSource } from '../random.ts';
import { sha256 } from './crypto.ts';
import { ecdsaSign, ecdsaVerify, signingKeyPair, type SigningKeyPair } from './p256.ts';

export interface Certificate {
  serial: number;
  subject: string;
  issuer: string;
  subjectAltNames: string[];
  /** Milliseconds since the epoch. */
  validFrom: number;
  validTo: number;
  isCA: boolean;
  /** The subject's ECDSA P-256 public key (uncompressed point). */
  publicKey: Uint8Array;
  /** The issuer's signature over the encoded fields above. */
  signature: Uint8Array;
}

export interface Identity {
  certificate: Certificate;
  keys: SigningKeyPair;
}

const text = new TextEncoder();
const untext = new TextDecoder();

function encodeFields(c: Omit<Certificate, 'signature'>): Uint8Array {
  return build((w) => {
    w.u24(c.serial);
    w.vector(2, text.encode(c.subject));
    w.vector(2, text.encode(c.issuer));
    w.vector(2, (names) => c.subjectAltNames.forEach((n) => names.vector(1, text.encode(n))));
    w.vector(1, text.encode(String(c.validFrom)));
    w.vector(1, text.encode(String(c.validTo)));
    w.u8(c.isCA ? 1 : 0);
    w.vector(1, c.publicKey);
  });
}

export function encodeCertificate(c: Certificate): Uint8Array {
  return build((w) => w.vector(2, encodeFields(c)).vector(1, c.signature));
}

/** Throws DecodeError on malformed input. */
export function decodeCertificate(bytes: Uint8Array): Certificate {
  const outer = new Reader(bytes);
  const r = new Reader(outer.vector(2));
  const signature = outer.vector(1);
  outer.end();
  const serial = r.u24();
  const subject = untext.decode(r.vector(2));
  const issuer = untext.decode(r.vector(2));
  const sanReader = new Reader(r.vector(2));
  const subjectAltNames: string[] = [];
  while (sanReader.remaining) subjectAltNames.push(untext.decode(sanReader.vector(1)));
  const validFrom = Number(untext.decode(r.vector(1)));
  const validTo = Number(untext.decode(r.vector(1)));
  const isCA = r.u8() === 1;
  const publicKey = r.vector(1).slice();
  r.end();
  if (!Number.isFinite(validFrom) || !Number.isFinite(validTo)) throw new DecodeError('bad validity dates');
  return { serial, subject, issuer, subjectAltNames, validFrom, validTo, isCA, publicKey, signature: signature.slice() };
}

export async function fingerprint256(c: Certificate): Promise<string> {
  const digest = await sha256(encodeCertificate(c));
  return [...digest].map((b) => b.toString(16).padStart(2, '0').toUpperCase()).join(':');
}

/** Issues a certificate for `subject` signed by `issuer` (or self-signed when issuer is omitted). */
export async function issueCertificate(options: {
  subject: string;
  subjectAltNames?: string[];
  validFrom: number;
  validTo: number;
  isCA?: boolean;
  issuer?: Identity;
  /** The key pair and the serial number come from here. */
  random: RandomSource;
}): Promise<Identity> {
  const keys = await signingKeyPair(options.random);
  const fields = {
    serial: options.random.bytes(3).reduce((n, b) => (n << 8) | b, 0),
    subject: options.subject,
    issuer: options.issuer ? options.issuer.certificate.subject : options.subject,
    subjectAltNames: options.subjectAltNames ?? [],
    validFrom: options.validFrom,
    validTo: options.validTo,
    isCA: options.isCA ?? false,
    publicKey: keys.publicKey,
  };
  const signer = options.issuer ? options.issuer.keys.privateKey : keys.privateKey;
  const signature = await ecdsaSign(signer, encodeFields(fields));
  return { certificate: { ...fields, signature }, keys };
}

export type CertificateError = 'UNKNOWN_CA' | 'BAD_SIGNATURE' | 'EXPIRED' | 'NOT_YET_VALID' | 'NAME_MISMATCH';

export interface Verification {
  authorized: boolean;
  error: CertificateError | null;
  /** A sentence a learner understands. */
  reason: string | null;
  nameMatches: boolean;
}

/** RFC 7817 §3 / RFC 6125 §6.4: match the name the user typed against the certificate's DNS names. */
export function nameMatches(certificate: Certificate, host: string): boolean {
  return dnsNameMatches(certificate.subjectAltNames, host);
}

/** Checks a server's certificate as a mail client does: trusted issuer, signature, dates, name. */
export async function verifyCertificate(certificate: Certificate, trusted: readonly Certificate[], host: string, now: number): Promise<Verification> {
  const matches = nameMatches(certificate, host);
  const fail = (error: CertificateError, reason: string): Verification => ({ authorized: false, error, reason, nameMatches: matches });
  const ca = trusted.find((t) => t.isCA && t.subject === certificate.issuer);
  if (!ca) return fail('UNKNOWN_CA', `the certificate was issued by "${certificate.issuer}", which this client does not trust`);
  const { signature, ...fields } = certificate;
  if (!(await ecdsaVerify(ca.publicKey, signature, encodeFields(fields)))) {
    return fail('BAD_SIGNATURE', `the signature does not verify with ${ca.subject}'s key: the certificate was forged or altered`);
  }
  if (now < certificate.validFrom) return fail('NOT_YET_VALID', 'the certificate is not valid yet');
  if (now > certificate.validTo) return fail('EXPIRED', 'the certificate has expired');
  if (!matches) {
    return fail('NAME_MISMATCH', `the certificate is for ${certificate.subjectAltNames.join(', ') || certificate.subject}, not ${host}`);
  }
  return { authorized: true, error: null, reason: null, nameMatches: true };
}
