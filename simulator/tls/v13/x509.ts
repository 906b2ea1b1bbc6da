/**
 * X.509 certificates (RFC 5280 §4.1) read with @peculiar/asn1-x509: the fields a TLS client checks,
 * with the exact DER of the signed part (tbsCertificate) kept for signature verification.
 */
import { AsnConvert } from '@peculiar/asn1-schema';
import { ECParameters } from '@peculiar/asn1-ecc';
import { RSAPublicKey, RsaSaPssParams } from '@peculiar/asn1-rsa';
import {
  BasicConstraints,
  Certificate,
  ExtendedKeyUsage,
  KeyUsage,
  Name,
  SubjectAlternativeName,
  id_ce_basicConstraints,
  id_ce_extKeyUsage,
  id_ce_keyUsage,
  id_ce_subjectAltName,
} from '@peculiar/asn1-x509';
import { bytesToBigInt } from './rsa.ts';
import type { PublicKey, SchemeName } from './signatures.ts';

export interface SignatureAlgorithm {
  scheme: SchemeName;
  /** The hash a certificate signature uses (may differ from the TLS scheme's, e.g. ecdsa-with-SHA384 by a P-256 key). */
  hash: 'sha256' | 'sha384' | 'sha512';
}

export interface ParsedCertificate {
  der: Uint8Array;
  /** The DER of tbsCertificate exactly as signed (RFC 5280 §4.1.1.3). */
  tbs: Uint8Array;
  signatureAlgorithm: SignatureAlgorithm | { unsupported: string };
  signature: Uint8Array;
  subject: string;
  issuer: string;
  subjectDer: Uint8Array;
  issuerDer: Uint8Array;
  notBefore: number;
  notAfter: number;
  publicKey: PublicKey | { unsupported: string };
  dnsNames: string[];
  ipAddresses: string[];
  commonNames: string[];
  basicConstraints: { ca: boolean; pathLength?: number } | undefined;
  /** KeyUsageFlags bits (RFC 5280 §4.2.1.3), undefined if the extension is absent. */
  keyUsage: number | undefined;
  extendedKeyUsage: string[] | undefined;
  /** Critical extensions we do not process (RFC 5280 §4.2: such a certificate MUST be rejected). */
  unknownCritical: string[];
}

const OID = {
  rsaEncryption: '1.2.840.113549.1.1.1',
  rsassaPss: '1.2.840.113549.1.1.10',
  sha256WithRSA: '1.2.840.113549.1.1.11',
  sha384WithRSA: '1.2.840.113549.1.1.12',
  sha512WithRSA: '1.2.840.113549.1.1.13',
  ecPublicKey: '1.2.840.10045.2.1',
  ecdsaSha256: '1.2.840.10045.4.3.2',
  ecdsaSha384: '1.2.840.10045.4.3.3',
  ecdsaSha512: '1.2.840.10045.4.3.4',
  ed25519: '1.3.101.112',
  p256: '1.2.840.10045.3.1.7',
  p384: '1.3.132.0.34',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
  commonName: '2.5.4.3',
} as const;

const HASH_OIDS: Record<string, 'sha256' | 'sha384' | 'sha512'> = { [OID.sha256]: 'sha256', [OID.sha384]: 'sha384', [OID.sha512]: 'sha512' };

/** The first element of a DER SEQUENCE, whole (tag, length and content): tbsCertificate inside Certificate. */
function firstElement(der: Uint8Array): Uint8Array {
  const lengthAt = (at: number): [number, number] => {
    const first = der[at]!;
    if (first < 0x80) return [first, at + 1];
    const count = first & 0x7f;
    let n = 0;
    for (let i = 0; i < count; i++) n = n * 256 + der[at + 1 + i]!;
    return [n, at + 1 + count];
  };
  const [, inner] = lengthAt(1);
  const [length, content] = lengthAt(inner + 1);
  return der.subarray(inner, content + length);
}

function signatureAlgorithm(oid: string, params: ArrayBuffer | null | undefined): SignatureAlgorithm | { unsupported: string } {
  switch (oid) {
    case OID.sha256WithRSA: return { scheme: 'rsa_pkcs1_sha256', hash: 'sha256' };
    case OID.sha384WithRSA: return { scheme: 'rsa_pkcs1_sha384', hash: 'sha384' };
    case OID.sha512WithRSA: return { scheme: 'rsa_pkcs1_sha512', hash: 'sha512' };
    case OID.ecdsaSha256: return { scheme: 'ecdsa_secp256r1_sha256', hash: 'sha256' };
    case OID.ecdsaSha384: return { scheme: 'ecdsa_secp384r1_sha384', hash: 'sha384' };
    case OID.ed25519: return { scheme: 'ed25519', hash: 'sha512' };
    case OID.rsassaPss: {
      // RFC 4055 §3.1: the hash is in RSASSA-PSS-params (default SHA-1, which we refuse).
      const hash = params ? HASH_OIDS[AsnConvert.parse(params, RsaSaPssParams).hashAlgorithm.algorithm] : undefined;
      return hash ? { scheme: `rsa_pss_rsae_${hash}`, hash } : { unsupported: 'RSASSA-PSS with SHA-1' };
    }
    default: return { unsupported: `signature algorithm ${oid}` };
  }
}

function publicKey(oid: string, params: ArrayBuffer | null | undefined, key: Uint8Array): PublicKey | { unsupported: string } {
  if (oid === OID.rsaEncryption || oid === OID.rsassaPss) {
    const rsa = AsnConvert.parse(key, RSAPublicKey);
    const n = bytesToBigInt(new Uint8Array(rsa.modulus));
    return { kind: 'rsa', key: { n, e: bytesToBigInt(new Uint8Array(rsa.publicExponent)) }, bits: n.toString(2).length, pss: oid === OID.rsassaPss };
  }
  if (oid === OID.ecPublicKey && params) {
    const curve = AsnConvert.parse(params, ECParameters).namedCurve;
    if (curve === OID.p256) return { kind: 'ec', curve: 'P-256', point: key };
    if (curve === OID.p384) return { kind: 'ec', curve: 'P-384', point: key };
    return { unsupported: `EC curve ${curve}` };
  }
  if (oid === OID.ed25519) return { kind: 'ed25519', key };
  return { unsupported: `public key algorithm ${oid}` };
}

/** RFC 4514 §3 short names for the attributes certificates usually carry; others stay as OIDs. */
const ATTRIBUTE_NAMES: Record<string, string> = { '2.5.4.3': 'CN', '2.5.4.6': 'C', '2.5.4.7': 'L', '2.5.4.8': 'ST', '2.5.4.10': 'O', '2.5.4.11': 'OU' };

function nameText(name: Name): string {
  return name.map((rdn) => rdn.map((a) => `${ATTRIBUTE_NAMES[a.type] ?? a.type}=${a.value.toString()}`).join('+')).join(', ');
}

/** Parses DER; throws on bytes that are not a certificate (the TLS layer answers bad_certificate). */
export function parseCertificate(der: Uint8Array): ParsedCertificate {
  const cert = AsnConvert.parse(der, Certificate);
  const tbs = cert.tbsCertificate;
  const spki = tbs.subjectPublicKeyInfo;
  const out: ParsedCertificate = {
    der,
    tbs: firstElement(der),
    signatureAlgorithm: signatureAlgorithm(cert.signatureAlgorithm.algorithm, cert.signatureAlgorithm.parameters),
    signature: new Uint8Array(cert.signatureValue),
    subject: nameText(tbs.subject),
    issuer: nameText(tbs.issuer),
    subjectDer: new Uint8Array(AsnConvert.serialize(tbs.subject)),
    issuerDer: new Uint8Array(AsnConvert.serialize(tbs.issuer)),
    notBefore: tbs.validity.notBefore.getTime().getTime(),
    notAfter: tbs.validity.notAfter.getTime().getTime(),
    publicKey: publicKey(spki.algorithm.algorithm, spki.algorithm.parameters, new Uint8Array(spki.subjectPublicKey)),
    dnsNames: [],
    ipAddresses: [],
    commonNames: tbs.subject.flatMap((rdn) => rdn.filter((a) => a.type === OID.commonName).map((a) => a.value.toString())),
    basicConstraints: undefined,
    keyUsage: undefined,
    extendedKeyUsage: undefined,
    unknownCritical: [],
  };
  for (const ext of tbs.extensions ?? []) {
    const value = ext.extnValue.buffer;
    if (ext.extnID === id_ce_subjectAltName) {
      for (const name of AsnConvert.parse(value, SubjectAlternativeName)) {
        if (name.dNSName !== undefined) out.dnsNames.push(name.dNSName);
        if (name.iPAddress !== undefined) out.ipAddresses.push(name.iPAddress);
      }
    } else if (ext.extnID === id_ce_basicConstraints) {
      const bc = AsnConvert.parse(value, BasicConstraints);
      out.basicConstraints = bc.pathLenConstraint === undefined ? { ca: bc.cA } : { ca: bc.cA, pathLength: bc.pathLenConstraint };
    } else if (ext.extnID === id_ce_keyUsage) {
      out.keyUsage = AsnConvert.parse(value, KeyUsage).toNumber();
    } else if (ext.extnID === id_ce_extKeyUsage) {
      out.extendedKeyUsage = [...AsnConvert.parse(value, ExtendedKeyUsage)];
    } else if (ext.critical) {
      out.unknownCritical.push(ext.extnID);
    }
  }
  return out;
}

