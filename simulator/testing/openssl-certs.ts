/** Test fixture: a throwaway CA and server certificates made by the openssl CLI, one per key type. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type ServerKeyType = 'P-256' | 'P-384' | 'RSA' | 'RSA-PSS' | 'Ed25519';

export interface OpensslCerts {
  dir: string;
  caDer: Uint8Array;
  /** PEM paths of each server certificate (signed by the CA, SAN localhost) and its key. */
  server: Record<ServerKeyType, { cert: string; key: string }>;
  remove(): void;
}

const KEYGEN: Record<ServerKeyType, string[]> = {
  'P-256': ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256'],
  'P-384': ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-384'],
  RSA: ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048'],
  'RSA-PSS': ['-algorithm', 'RSA-PSS', '-pkeyopt', 'rsa_keygen_bits:2048'],
  Ed25519: ['-algorithm', 'ED25519'],
};

export function makeOpensslCerts(): OpensslCerts {
  const dir = mkdtempSync(join(tmpdir(), 'mailwire-tls13-'));
  const run = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  run('genpkey', ...KEYGEN['P-256'], '-out', 'ca.key');
  run('req', '-x509', '-new', '-key', 'ca.key', '-subj', '/CN=Mailwire Test CA', '-days', '2', '-out', 'ca.pem',
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign');
  run('x509', '-in', 'ca.pem', '-outform', 'DER', '-out', 'ca.der');
  writeFileSync(join(dir, 'leaf.ext'), 'subjectAltName=DNS:localhost\nextendedKeyUsage=serverAuth\nkeyUsage=critical,digitalSignature\nbasicConstraints=CA:FALSE\n');
  const server = {} as OpensslCerts['server'];
  for (const type of Object.keys(KEYGEN) as ServerKeyType[]) {
    const base = type.toLowerCase().replace('-', '');
    run('genpkey', ...KEYGEN[type], '-out', `${base}.key`);
    run('req', '-new', '-key', `${base}.key`, '-subj', '/CN=localhost', '-out', `${base}.csr`);
    run('x509', '-req', '-in', `${base}.csr`, '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-days', '1', '-sha256',
      '-extfile', 'leaf.ext', '-out', `${base}.pem`);
    server[type] = { cert: join(dir, `${base}.pem`), key: join(dir, `${base}.key`) };
  }
  return { dir, caDer: new Uint8Array(readFileSync(join(dir, 'ca.der'))), server, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
