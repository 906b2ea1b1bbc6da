import { describe, expect, it } from 'vitest';
import { certificateNames, nameMatches, tlsSummary, untrustedQuestion } from './certificate-text.ts';

const cert = {
  subject: 'CN=localhost',
  issuer: 'CN=Mailwire Test CA',
  subjectAltNames: ['DNS:localhost', 'DNS:*.mail.test', 'IP Address:127.0.0.1'],
  validFrom: 'Nov 26 06:00:00 2026 GMT',
  validTo: 'Nov 28 06:00:00 2026 GMT',
  fingerprint256: 'AB:CD',
};

describe('tlsSummary', () => {
  it('says version, cipher, subject, issuer, validity and the name check in one line', () => {
    expect(tlsSummary({ version: 'TLSv1.3', cipher: 'TLS_AES_256_GCM_SHA384', certificate: cert }, 'localhost')).toBe(
      'TLS is on: TLSv1.3, TLS_AES_256_GCM_SHA384; certificate CN=localhost issued by CN=Mailwire Test CA, valid 2026-11-26 to 2026-11-28; name matches localhost.',
    );
  });

  it('says when the name does not match, and which names the certificate has', () => {
    expect(tlsSummary({ version: 'TLSv1.2', cipher: 'X', certificate: cert }, 'mail.example.com')).toMatch(
      /name does NOT match mail\.example\.com \(certificate is for localhost, \*\.mail\.test, 127\.0\.0\.1\)\.$/,
    );
  });

  it('without a certificate, just the version and cipher', () => {
    expect(tlsSummary({ version: 'TLSv1.3', cipher: 'TLS_AES_128_GCM_SHA256' }, 'x')).toBe('TLS is on: TLSv1.3, TLS_AES_128_GCM_SHA256.');
  });

  it('keeps a date it cannot parse as given', () => {
    expect(tlsSummary({ version: 'v', cipher: 'c', certificate: { ...cert, validTo: 'someday' } }, 'localhost')).toContain('to someday;');
  });
});

describe('nameMatches (RFC 6125 §6.4)', () => {
  it('matches exact names case-insensitively, ignoring a final dot', () => {
    expect(nameMatches('LOCALHOST.', cert)).toBe(true);
    expect(nameMatches('127.0.0.1', cert)).toBe(true);
  });

  it('a wildcard covers exactly one left-most label', () => {
    expect(nameMatches('imap.mail.test', cert)).toBe(true);
    expect(nameMatches('mail.test', cert)).toBe(false);
    expect(nameMatches('a.b.mail.test', cert)).toBe(false);
  });

  it('uses the CN only when there are no DNS names', () => {
    expect(certificateNames({ ...cert, subjectAltNames: [] })).toEqual(['localhost']);
    expect(certificateNames({ ...cert, subject: 'CN=other' })).not.toContain('other');
  });
});

describe('untrustedQuestion', () => {
  it('says why in words, keeps the code, and asks y/n', () => {
    expect(untrustedQuestion({ version: 'v', cipher: 'c', authorized: false, authorizationError: 'DEPTH_ZERO_SELF_SIGNED_CERT' })).toBe(
      "The server's certificate is not trusted: it is self-signed (DEPTH_ZERO_SELF_SIGNED_CERT). Go on anyway? (y/n)",
    );
    expect(untrustedQuestion({ version: 'v', cipher: 'c', authorized: false, authorizationError: "Hostname/IP does not match certificate's altnames" })).toContain('Hostname/IP does not match');
    expect(untrustedQuestion({ version: 'v', cipher: 'c', authorized: false })).toContain('it could not be verified');
  });
});
