/** The TLS certificate for `npm run serve`: the one given, or a self-signed one made at start. */
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { p256 } from '@noble/curves/nist.js';
import { generateSigningKey, issueCertificate } from '../../tls/v13/ca.ts';
import { systemRandom } from '../system-random.ts';
import type { TlsCredentials } from './tcp-server.ts';

const DAY_MS = 86_400_000;

/**
 * A self-signed certificate for `hostName`, also valid for localhost and the loopback addresses,
 * issued by the same code as the virtual network's certificates (tls/v13/ca.ts): ECDSA P-256,
 * serverAuth, a random 128-bit serial (RFC 5280 §4.1.2.2), valid from a minute ago for a year.
 */
export function selfSignedCertificate(hostName: string): TlsCredentials {
  const random = systemRandom();
  const key = generateSigningKey('P-256', random);
  const now = Date.now();
  const der = issueCertificate({
    subject: hostName,
    key,
    serial: random.bytes(16),
    notBefore: now - 60_000,
    notAfter: now + 365 * DAY_MS,
    dnsNames: hostName === 'localhost' ? ['localhost'] : [hostName, 'localhost'],
    ipAddresses: ['127.0.0.1', '::1'],
  });
  return { cert: new X509Certificate(der).toString(), key: p256KeyPem(key.secret) };
}

/** Node's TLS takes the key as PEM: the P-256 scalar and its point as a JWK (RFC 7518 §6.2), exported as PKCS #8. */
function p256KeyPem(secret: Uint8Array): string {
  const point = p256.getPublicKey(secret, false);
  const b64url = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64url');
  const jwk = { kty: 'EC', crv: 'P-256', d: b64url(secret), x: b64url(point.subarray(1, 33)), y: b64url(point.subarray(33, 65)) };
  return createPrivateKey({ key: jwk, format: 'jwk' }).export({ type: 'pkcs8', format: 'pem' }).toString();
}

export function certificateFromFiles(certFile: string, keyFile: string): TlsCredentials {
  return { cert: readFileSync(certFile, 'utf8'), key: readFileSync(keyFile, 'utf8') };
}
