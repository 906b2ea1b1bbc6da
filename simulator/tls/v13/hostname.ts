/**
 * Does a certificate name the server we meant to reach? RFC 9525 §6.3 (service identity), with the
 * mail rules of RFC 7817 §3: DNS-IDs, a wildcard only as the whole left-most label, CN-ID only as a
 * fallback, IDNs compared as A-labels.
 */
import type { ParsedCertificate } from './x509.ts';

/**
 * The reference identifier as A-labels in lower case: WHATWG URL host parsing applies UTS #46 and
 * Punycode (RFC 3492), so "bücher.example" becomes "xn--bcher-kva.example". null if not a host name.
 */
export function toALabels(host: string): string | null {
  try {
    const parsed = new URL(`http://${host.replace(/\.$/, '')}/`).hostname;
    return parsed === '' ? null : parsed.toLowerCase();
  } catch {
    return null;
  }
}

export function isIpAddress(host: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.includes(':');
}

/** One presented DNS name against the reference (both A-labels, lower case). */
export function dnsNameMatches(presented: string, reference: string): boolean {
  const p = presented.toLowerCase().replace(/\.$/, '');
  const labels = p.split('.');
  if (!labels[0]!.includes('*')) return p === reference;
  // RFC 7817 §3 rule 5: "the wildcard character MUST NOT be used as a fragment of the left-most name component"
  if (labels[0] !== '*') return false;
  // RFC 9525 §6.3: the wildcard stands for exactly one label, and only the left-most one.
  if (labels.slice(1).some((l) => l.includes('*'))) return false;
  // A wildcard over a single remaining label ("*.com") would name a whole top-level domain.
  if (labels.length < 3) return false;
  const refLabels = reference.split('.');
  if (refLabels.length !== labels.length) return false;
  // RFC 9525 §6.3: no wildcard match into an A-label (the wildcard cannot stand for part of an IDN).
  if (refLabels[0]!.startsWith('xn--')) return false;
  return refLabels.slice(1).join('.') === labels.slice(1).join('.');
}

export type HostCheck = { ok: true; matched: string } | { ok: false; presented: string[] };

/** RFC 9525 §6: IP-ID for an address, DNS-ID for a name, CN-ID only when there is no DNS-ID (RFC 7817 §3 rule 4). */
export function matchHost(cert: ParsedCertificate, host: string): HostCheck {
  if (isIpAddress(host)) {
    const ip = host.replace(/^\[|\]$/g, '');
    return cert.ipAddresses.includes(ip) ? { ok: true, matched: ip } : { ok: false, presented: cert.ipAddresses };
  }
  const reference = toALabels(host);
  const hasDnsId = cert.dnsNames.length > 0;
  const presented = hasDnsId ? cert.dnsNames : cert.commonNames;
  if (reference === null) return { ok: false, presented };
  const hit = presented.find((name) => dnsNameMatches(name, reference));
  return hit === undefined ? { ok: false, presented } : { ok: true, matched: hit };
}
