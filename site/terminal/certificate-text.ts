/**
 * What the terminal says when TLS starts: one line with the protocol version, the cipher, the
 * certificate's subject, issuer and validity, and whether its names cover the host typed.
 */
import type { TlsInfo } from '../../simulator/engine.ts';

type Certificate = NonNullable<TlsInfo['certificate']>;

/** "TLS is on: TLSv1.3, TLS_AES_256_GCM_SHA384; certificate CN=… issued by CN=…, valid …; name matches host." */
export function tlsSummary(info: TlsInfo, host: string): string {
  const head = `TLS is on: ${info.version}, ${info.cipher}`;
  const cert = info.certificate;
  if (!cert) return `${head}.`;
  const match = nameMatches(host, cert)
    ? `name matches ${host}`
    : `name does NOT match ${host} (certificate is for ${certificateNames(cert).join(', ') || 'no names'})`;
  return `${head}; certificate ${cert.subject || '(no subject)'} issued by ${cert.issuer || '(no issuer)'}, valid ${day(cert.validFrom)} to ${day(cert.validTo)}; ${match}.`;
}

/** OpenSSL's verification codes (as Node reports them) in words; the code stays for searching. */
const WHY: Record<string, string> = {
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'no authority this relay trusts signed it',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'no authority this relay trusts signed it',
  SELF_SIGNED_CERT_IN_CHAIN: 'its chain ends in a self-signed authority nobody here trusts',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'it is self-signed',
  CERT_HAS_EXPIRED: 'it has expired',
  CERT_NOT_YET_VALID: 'it is not valid yet',
  ERR_TLS_CERT_ALTNAME_INVALID: 'it is for another name',
};

/** The question a mail client asks before going on with a certificate it could not verify. */
export function untrustedQuestion(info: TlsInfo): string {
  const error = info.authorizationError ?? '';
  const why = WHY[error] ? `${WHY[error]} (${error})` : error || 'it could not be verified';
  return `The server's certificate is not trusted: ${why}. Go on anyway? (y/n)`;
}

/** A certificate's dates as YYYY-MM-DD when they parse ("Nov 26 06:00:00 2026 GMT"), else as given. */
function day(text: string): string {
  const t = Date.parse(text);
  return Number.isNaN(t) ? text : new Date(t).toISOString().slice(0, 10);
}

/** The DNS names and addresses a certificate is for: its subjectAltName, else its CN (RFC 6125 §6.4.4). */
export function certificateNames(cert: Certificate): string[] {
  const alt = cert.subjectAltNames
    .map((n) => /^(?:DNS|IP Address|IP):\s*(.+)$/i.exec(n.trim())?.[1])
    .filter((n): n is string => n !== undefined);
  if (cert.subjectAltNames.some((n) => /^DNS:/i.test(n.trim()))) return alt;
  const cn = /(?:^|[,/]\s*)CN=([^,/]+)/.exec(cert.subject)?.[1]?.trim();
  return cn ? [...alt, cn] : alt;
}

/**
 * RFC 6125 §6.4: compare names case-insensitively, ignoring a final dot; a wildcard stands for
 * exactly one whole left-most label (§6.4.3), so *.example.com covers mail.example.com only.
 */
export function nameMatches(host: string, cert: Certificate): boolean {
  const h = normal(host);
  return certificateNames(cert).some((name) => {
    const n = normal(name);
    if (!n.startsWith('*.')) return n === h;
    const dot = h.indexOf('.');
    return dot > 0 && h.slice(dot) === n.slice(1);
  });
}

function normal(name: string): string {
  return name.toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '');
}
