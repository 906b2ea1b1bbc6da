import { fingerprint256, type Certificate, type Verification } from './certificate.ts';
import { CIPHER_NAME } from './messages.ts';
import type { CertificateSummary, TlsOutput } from './session.ts';

export async function summarizeCertificate(c: Certificate): Promise<CertificateSummary> {
  return {
    subject: c.subject,
    issuer: c.issuer,
    subjectAltNames: [...c.subjectAltNames],
    validFrom: c.validFrom,
    validTo: c.validTo,
    fingerprint256: await fingerprint256(c),
  };
}

/** The output either end emits when its handshake completes. */
export async function handshakeDone(serverName: string | null, certificate: Certificate, verification: Verification | null): Promise<TlsOutput> {
  return {
    type: 'handshake',
    summary: { version: 'TLS 1.3', cipher: CIPHER_NAME, serverName, certificate: await summarizeCertificate(certificate), verification },
  };
}
