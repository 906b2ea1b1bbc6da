/** The TLS certificate for `npm run serve`: the one given, or a self-signed one made at start. */
import { readFileSync } from 'node:fs';
import { generate } from 'selfsigned';
import type { TlsCredentials } from './tcp-server.ts';

/** A self-signed certificate for `hostName`, also valid for localhost and the loopback addresses. */
export async function selfSignedCertificate(hostName: string): Promise<TlsCredentials> {
  const pems = await generate([{ name: 'commonName', value: hostName }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: hostName },
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
          { type: 7, ip: '::1' },
        ],
      },
    ],
  });
  return { cert: pems.cert, key: pems.private };
}

export function certificateFromFiles(certFile: string, keyFile: string): TlsCredentials {
  return { cert: readFileSync(certFile, 'utf8'), key: readFileSync(keyFile, 'utf8') };
}
