/**
 * A certificate authority for the virtual network: issues real X.509 v3 certificates (DER,
 * RFC 5280 §4.1) built with @peculiar/asn1-x509 and signed with our own ECDSA or Ed25519 keys.
 * Keys come from a RandomSource, so a seeded world issues the same certificates every time.
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { p256, p384 } from '@noble/curves/nist.js';
import { ECParameters } from '@peculiar/asn1-ecc';
import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import {
  AlgorithmIdentifier,
  AttributeTypeAndValue,
  AttributeValue,
  BasicConstraints,
  Certificate,
  ExtendedKeyUsage,
  Extension,
  Extensions,
  GeneralName,
  KeyUsage,
  KeyUsageFlags,
  Name,
  RelativeDistinguishedName,
  SubjectAlternativeName,
  SubjectPublicKeyInfo,
  TBSCertificate,
  Validity,
  Version,
  id_ce_basicConstraints,
  id_ce_extKeyUsage,
  id_ce_keyUsage,
  id_ce_subjectAltName,
} from '@peculiar/asn1-x509';
import type { RandomSource } from '../../random.ts';
import { sign, type PrivateKey } from './signatures.ts';

/** A fresh signing key: the P-256/P-384 scalar is reduced from 48/72 random octets (FIPS 186-5 A.2.1). */
export function generateSigningKey(kind: 'P-256' | 'P-384' | 'ed25519', random: RandomSource): PrivateKey {
  if (kind === 'ed25519') return { kind: 'ed25519', secret: random.bytes(32) };
  const curve = kind === 'P-256' ? p256 : p384;
  return { kind: 'ec', curve: kind, secret: curve.utils.randomSecretKey(random.bytes(kind === 'P-256' ? 48 : 72)) };
}

const buffer = (b: Uint8Array): ArrayBuffer => b.slice().buffer;

function spki(key: PrivateKey): SubjectPublicKeyInfo {
  if (key.kind === 'ed25519') {
    // RFC 8410 §3: id-Ed25519 with parameters absent.
    return new SubjectPublicKeyInfo({ algorithm: new AlgorithmIdentifier({ algorithm: '1.3.101.112' }), subjectPublicKey: buffer(ed25519.getPublicKey(key.secret)) });
  }
  const curve = key.curve === 'P-256' ? p256 : p384;
  const namedCurve = key.curve === 'P-256' ? '1.2.840.10045.3.1.7' : '1.3.132.0.34';
  // RFC 5480 §2.1.1: id-ecPublicKey with the namedCurve; the key an uncompressed point (§2.2).
  return new SubjectPublicKeyInfo({
    algorithm: new AlgorithmIdentifier({ algorithm: '1.2.840.10045.2.1', parameters: AsnConvert.serialize(new ECParameters({ namedCurve })) }),
    subjectPublicKey: buffer(curve.getPublicKey(key.secret, false)),
  });
}

/** RFC 5758 §3.2 ecdsa-with-SHA256 / RFC 8410 §3 id-Ed25519: parameters absent. */
function signatureAlgorithm(key: PrivateKey): AlgorithmIdentifier {
  if (key.kind === 'ed25519') return new AlgorithmIdentifier({ algorithm: '1.3.101.112' });
  return new AlgorithmIdentifier({ algorithm: key.curve === 'P-256' ? '1.2.840.10045.4.3.2' : '1.2.840.10045.4.3.3' });
}

function commonName(cn: string): Name {
  return new Name([new RelativeDistinguishedName([new AttributeTypeAndValue({ type: '2.5.4.3', value: new AttributeValue({ utf8String: cn }) })])]);
}

function extension(id: string, critical: boolean, value: unknown): Extension {
  return new Extension({ extnID: id, critical, extnValue: new OctetString(AsnConvert.serialize(value)) });
}

export interface CertificateRequest {
  subject: string;
  key: PrivateKey;
  /** undefined: self-signed (a root). */
  issuer?: { subject: string; key: PrivateKey };
  serial: Uint8Array;
  notBefore: number;
  notAfter: number;
  /** A CA certificate, optionally limiting the intermediates below it (RFC 5280 §4.2.1.9). */
  ca?: { pathLength?: number };
  dnsNames?: readonly string[];
  ipAddresses?: readonly string[];
}

/**
 * RFC 5280 §4.1.2.2: the serial is a positive INTEGER of at most 20 octets. The sign bit is
 * cleared, and leading zero octets are dropped as DER's minimal encoding requires (X.690 §8.3.2:
 * the first nine bits are never all zero); OpenSSL refuses the certificate otherwise, which one
 * random serial in 256 hit. An all-zero serial (not positive) becomes 1.
 */
function serialNumber(bytes: Uint8Array): Uint8Array {
  const serial = bytes.slice(0, 20);
  if (serial.length) serial[0]! &= 0x7f;
  let start = 0;
  while (start < serial.length - 1 && serial[start] === 0 && serial[start + 1]! < 0x80) start++;
  const minimal = serial.subarray(start);
  return minimal.length === 0 || (minimal.length === 1 && minimal[0] === 0) ? Uint8Array.of(1) : minimal;
}

/** The DER of a new certificate. A leaf gets digitalSignature and serverAuth; a CA keyCertSign. */
export function issueCertificate(req: CertificateRequest): Uint8Array {
  const issuer = req.issuer ?? { subject: req.subject, key: req.key };
  const exts: Extension[] = [];
  if (req.ca) {
    exts.push(extension(id_ce_basicConstraints, true, new BasicConstraints({ cA: true, pathLenConstraint: req.ca.pathLength })));
    exts.push(extension(id_ce_keyUsage, true, new KeyUsage(KeyUsageFlags.keyCertSign | KeyUsageFlags.cRLSign)));
  } else {
    exts.push(extension(id_ce_basicConstraints, true, new BasicConstraints({ cA: false })));
    exts.push(extension(id_ce_keyUsage, true, new KeyUsage(KeyUsageFlags.digitalSignature)));
    exts.push(extension(id_ce_extKeyUsage, false, new ExtendedKeyUsage(['1.3.6.1.5.5.7.3.1'])));
  }
  const names = [...(req.dnsNames ?? []).map((dNSName) => new GeneralName({ dNSName })), ...(req.ipAddresses ?? []).map((iPAddress) => new GeneralName({ iPAddress }))];
  if (names.length > 0) exts.push(extension(id_ce_subjectAltName, false, new SubjectAlternativeName(names)));
  const tbs = new TBSCertificate({
    version: Version.v3,
    serialNumber: buffer(serialNumber(req.serial)),
    signature: signatureAlgorithm(issuer.key),
    issuer: commonName(issuer.subject),
    validity: new Validity({ notBefore: new Date(req.notBefore), notAfter: new Date(req.notAfter) }),
    subject: commonName(req.subject),
    subjectPublicKeyInfo: spki(req.key),
    extensions: new Extensions(exts),
  });
  const signature = sign(issuer.key, new Uint8Array(AsnConvert.serialize(tbs)));
  const cert = new Certificate({ tbsCertificate: tbs, signatureAlgorithm: signatureAlgorithm(issuer.key), signatureValue: buffer(signature) });
  return new Uint8Array(AsnConvert.serialize(cert));
}
