/**
 * The one-line handshake summary the terminal prints when TLS starts: version, cipher, the
 * certificate's subject, issuer and validity, and whether its names cover the host the user
 * typed (RFC 7817 §3, RFC 6125 §6.4).
 */
import type { TlsInfo } from '../engine.ts';
import { dnsNameMatches } from '../tls/host-name.ts';

export interface HandshakeSummary {
  line: string;
  /** Null when the TLS layer gave no certificate (the stand-in, or a real TLS without details). */
  nameMatches: boolean | null;
  trusted: boolean | null;
}

export function summarizeHandshake(info: TlsInfo, typedHost?: string): HandshakeSummary {
  const parts = [`${info.version} ${info.cipher}`];
  const c = info.certificate;
  let nameMatches: boolean | null = null;
  if (c) {
    parts.push(`certificate ${c.subject} issued by ${c.issuer}, valid ${c.validFrom.slice(0, 10)} to ${c.validTo.slice(0, 10)}`);
    const host = typedHost ?? info.serverName;
    if (host !== undefined) {
      nameMatches = dnsNameMatches(c.subjectAltNames, host);
      parts.push(nameMatches ? `name matches ${host}` : `name does NOT match ${host} (certificate is for ${c.subjectAltNames.join(', ') || c.subject})`);
    }
  }
  const trusted = info.authorized ?? null;
  if (trusted === false) parts.push(`NOT TRUSTED: ${info.authorizationError ?? 'unverified'}`);
  else if (trusted) parts.push('trusted');
  return { line: parts.join('; '), nameMatches, trusted };
}
