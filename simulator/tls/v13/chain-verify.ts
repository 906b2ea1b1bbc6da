/**
 * Certificate path validation as a mail client does it (RFC 5280 §6.1, simplified to what TLS
 * servers send): build a path from the end-entity to a trusted root, verify each signature, the
 * validity dates against the injected time, basic constraints and key usage, then the host name.
 * Every failure is a named reason, so the terminal can say which one.
 */
import { bytesEqual, indexOfBytes } from '../../wire/bytes.ts';
import type { AlertName } from './alerts.ts';
import { matchHost } from './hostname.ts';
import { verifySignature } from './signatures.ts';
import { parseCertificate, type ParsedCertificate } from './x509.ts';

export type ChainProblem =
  | 'malformed'
  | 'missing-issuer'
  | 'untrusted-root'
  | 'bad-signature'
  | 'unsupported-algorithm'
  | 'not-a-ca'
  | 'key-usage'
  | 'path-length'
  | 'unknown-critical-extension'
  | 'expired'
  | 'not-yet-valid'
  | 'wrong-name';

export type ChainVerdict =
  | { ok: true; path: ParsedCertificate[] }
  | { ok: false; problem: ChainProblem; detail: string; leaf: ParsedCertificate | undefined };

/** RFC 8446 §6.2: the alert a client sends for each problem. */
export const PROBLEM_ALERT: Record<ChainProblem, AlertName> = {
  malformed: 'bad_certificate',
  'missing-issuer': 'unknown_ca',
  'untrusted-root': 'unknown_ca',
  'bad-signature': 'bad_certificate',
  'unsupported-algorithm': 'unsupported_certificate',
  'not-a-ca': 'bad_certificate',
  'key-usage': 'unsupported_certificate',
  'path-length': 'bad_certificate',
  'unknown-critical-extension': 'unsupported_certificate',
  expired: 'certificate_expired',
  'not-yet-valid': 'certificate_expired',
  'wrong-name': 'bad_certificate',
};

const SERVER_AUTH = '1.3.6.1.5.5.7.3.1';
const ANY_EKU = '2.5.29.37.0';
const KU_DIGITAL_SIGNATURE = 1;
const KU_KEY_CERT_SIGN = 32;
const MAX_DEPTH = 8;

/** Whether `issuer`'s key made `cert`'s signature (names must chain too, RFC 5280 §6.1.3 (a)(4)). */
function signedBy(cert: ParsedCertificate, issuer: ParsedCertificate): boolean {
  if (!bytesEqual(cert.issuerDer, issuer.subjectDer)) return false;
  if ('unsupported' in cert.signatureAlgorithm || 'unsupported' in issuer.publicKey) return false;
  return verifySignature(cert.signatureAlgorithm.scheme, issuer.publicKey, cert.tbs, cert.signature, cert.signatureAlgorithm.hash);
}

/**
 * A root parsed once per DER array object, for the life of the page: the bundled Mozilla store
 * holds over a hundred roots, and parsing them all on every connection took most of a second.
 * A root that does not parse is the trust store's fault, not the server's: it is skipped.
 */
const parsedRoots = new WeakMap<Uint8Array, ParsedCertificate | null>();

function parsedRoot(der: Uint8Array): ParsedCertificate | null {
  let parsed = parsedRoots.get(der);
  if (parsed === undefined) {
    try {
      parsed = parseCertificate(der);
    } catch {
      parsed = null;
    }
    parsedRoots.set(der, parsed);
  }
  return parsed;
}

/**
 * The roots that may have issued a certificate naming `issuerDer`, or that are it: the issuer's
 * name appears in a root's own DER as its subject, so a byte search spares parsing the others.
 */
function candidateRoots(roots: readonly Uint8Array[], issuerDer: Uint8Array): ParsedCertificate[] {
  const found: ParsedCertificate[] = [];
  for (const der of roots) {
    if (indexOfBytes(der, issuerDer) < 0) continue;
    const root = parsedRoot(der);
    if (root) found.push(root);
  }
  return found;
}

export interface ChainInput {
  /** As the server sent it, end-entity first (RFC 8446 §4.4.2). */
  chain: readonly Uint8Array[];
  roots: readonly Uint8Array[];
  host: string;
  now: number;
}

export function verifyChain(input: ChainInput): ChainVerdict {
  let presented: ParsedCertificate[];
  try {
    presented = input.chain.map(parseCertificate);
  } catch (e) {
    return { ok: false, problem: 'malformed', detail: `a certificate does not parse: ${(e as Error).message}`, leaf: undefined };
  }
  const leaf = presented[0];
  if (!leaf) return { ok: false, problem: 'malformed', detail: 'the server sent no certificate', leaf };
  const fail = (problem: ChainProblem, detail: string): ChainVerdict => ({ ok: false, problem, detail, leaf });

  // Path building: walk issuer names up through what was sent, stopping at a trusted root.
  const path: ParsedCertificate[] = [leaf];
  for (;;) {
    const current = path[path.length - 1]!;
    const roots = candidateRoots(input.roots, current.issuerDer);
    if (roots.some((r) => bytesEqual(r.der, current.der))) break;
    const root = roots.find((r) => signedBy(current, r));
    if (root) {
      path.push(root);
      break;
    }
    const selfIssued = bytesEqual(current.issuerDer, current.subjectDer);
    if (selfIssued) return fail('untrusted-root', `"${current.subject}" is self-signed and not among the trusted roots`);
    if ('unsupported' in current.signatureAlgorithm) return fail('unsupported-algorithm', current.signatureAlgorithm.unsupported);
    const next = presented.find((c) => !path.includes(c) && signedBy(current, c));
    if (!next) {
      const named = presented.some((c) => bytesEqual(c.subjectDer, current.issuerDer)) || roots.some((r) => bytesEqual(r.subjectDer, current.issuerDer));
      if (named) return fail('bad-signature', `the signature on "${current.subject}" does not verify with its issuer's key`);
      return fail('missing-issuer', `no certificate for the issuer "${current.issuer}" was sent or is trusted`);
    }
    if (path.length >= MAX_DEPTH) return fail('path-length', `more than ${MAX_DEPTH} certificates in the path`);
    path.push(next);
  }

  for (const [i, cert] of path.entries()) {
    if (cert.unknownCritical.length > 0) return fail('unknown-critical-extension', `"${cert.subject}" has critical extension ${cert.unknownCritical.join(', ')}`);
    if (i === 0) continue;
    // RFC 5280 §4.2.1.9: an issuer must assert cA; §4.2.1.3: and keyCertSign if key usage is present.
    if (!cert.basicConstraints?.ca) return fail('not-a-ca', `"${cert.subject}" issued a certificate but is not a CA`);
    if (cert.keyUsage !== undefined && !(cert.keyUsage & KU_KEY_CERT_SIGN)) return fail('key-usage', `"${cert.subject}" may not sign certificates (keyCertSign)`);
    // RFC 5280 §4.2.1.9 pathLenConstraint: intermediates below this one (the leaf not counted).
    const below = i - 1;
    if (cert.basicConstraints.pathLength !== undefined && below > cert.basicConstraints.pathLength) {
      return fail('path-length', `"${cert.subject}" allows ${cert.basicConstraints.pathLength} intermediates below it, found ${below}`);
    }
  }
  // RFC 5280 §4.2.1.3/§4.2.1.12: the server's key must be allowed to sign (TLS 1.3 CertificateVerify) for serverAuth.
  if (leaf.keyUsage !== undefined && !(leaf.keyUsage & KU_DIGITAL_SIGNATURE)) return fail('key-usage', 'the server certificate may not make signatures (digitalSignature)');
  if (leaf.extendedKeyUsage && !leaf.extendedKeyUsage.some((u) => u === SERVER_AUTH || u === ANY_EKU)) return fail('key-usage', 'the server certificate is not for TLS servers (serverAuth)');

  // RFC 5280 §6.1.3 (a)(2): every certificate in the path must be within its validity period.
  for (const cert of path) {
    if (input.now < cert.notBefore) return fail('not-yet-valid', `"${cert.subject}" is valid from ${new Date(cert.notBefore).toISOString()}`);
    if (input.now > cert.notAfter) return fail('expired', `"${cert.subject}" expired ${new Date(cert.notAfter).toISOString()}`);
  }
  const host = matchHost(leaf, input.host);
  if (!host.ok) return fail('wrong-name', `the certificate is for ${host.presented.join(', ') || 'no name'}, not ${input.host}`);
  return { ok: true, path };
}
