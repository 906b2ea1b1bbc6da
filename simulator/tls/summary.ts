import { fingerprint256, type Certificate } from './certificate.ts';
import type { CertificateSummary } from './session.ts';

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
