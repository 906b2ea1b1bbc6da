import type { PeerCertificate, DetailedPeerCertificate } from 'node:tls';
import type { RelayCertificate } from '../relay-protocol.ts';

function distinguishedName(name: PeerCertificate['subject'] | undefined): string {
  if (!name) return '';
  return Object.entries(name)
    .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('+') : v}`)
    .join(', ');
}

export function summarize(cert: PeerCertificate): RelayCertificate {
  return {
    subject: distinguishedName(cert.subject),
    issuer: distinguishedName(cert.issuer),
    subjectAltNames: (cert.subjectaltname ?? '').split(/,\s*/).filter(Boolean),
    validFrom: cert.valid_from,
    validTo: cert.valid_to,
    fingerprint256: cert.fingerprint256,
  };
}

/** The chain as the server sent it, leaf first, stopping at a self-signed root. */
export function chainOf(cert: DetailedPeerCertificate): RelayCertificate[] {
  const chain: RelayCertificate[] = [];
  const seen = new Set<string>();
  let current: DetailedPeerCertificate | undefined = cert;
  while (current && current.fingerprint256 && !seen.has(current.fingerprint256)) {
    seen.add(current.fingerprint256);
    chain.push(summarize(current));
    current = current.issuerCertificate;
  }
  return chain;
}
