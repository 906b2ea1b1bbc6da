/** The page's TLS for live connections, against Node's TLS servers on loopback, and its root store. */
import { X509Certificate } from 'node:crypto';
import { rmSync } from 'node:fs';
import { connect, type AddressInfo } from 'node:net';
import { createServer, rootCertificates, type Server } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MOZILLA_ROOTS } from '../tls/v13/roots/mozilla-roots.ts';
import { parseCertificate } from '../tls/v13/x509.ts';
import { decodeBase64 } from '../wire/base64.ts';
import { BrowserTls, type BrowserTlsStep } from './browser-tls.ts';
import { makeTestPki, type TestPki } from './relay/test-pki.ts';

let pki: TestPki;
const servers: Server[] = [];

beforeAll(() => {
  pki = makeTestPki();
});

afterAll(() => {
  for (const s of servers) s.close();
  rmSync(pki.dir, { recursive: true, force: true });
});

async function serve(maxVersion: 'TLSv1.2' | 'TLSv1.3'): Promise<number> {
  const server = createServer({ cert: pki.cert, key: pki.key, maxVersion }, (s) => s.end('* OK hello\r\n'));
  server.on('tlsClientError', () => undefined);
  servers.push(server);
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return (server.address() as AddressInfo).port;
}

/** Runs a BrowserTls over TCP until the server hangs up; every step it took. */
async function handshake(port: number, roots: string[]): Promise<BrowserTlsStep[]> {
  const tls = new BrowserTls('localhost', roots, () => Date.now());
  const socket = connect(port, '127.0.0.1');
  await new Promise((ok) => socket.once('connect', ok));
  const steps = [tls.start()];
  for (const w of steps[0]!.write) socket.write(w);
  socket.on('data', (d: Buffer) => {
    const step = tls.feed(new Uint8Array(d));
    steps.push(step);
    for (const w of step.write) socket.write(w);
  });
  socket.on('error', () => undefined);
  await new Promise((ok) => socket.once('close', ok));
  return steps;
}

const caBase64 = () => pki.caCert.replace(/-----[^-]+-----|\s/g, '');

describe('BrowserTls', () => {
  it('TLS 1.3: the terminal\'s TlsInfo from the page\'s verdict, fields as Node would give them', async () => {
    const steps = await handshake(await serve('TLSv1.3'), [caBase64()]);
    const up = steps.find((s) => s.up)?.up;
    const node = new X509Certificate(pki.cert);
    expect(up).toMatchObject({ version: 'TLSv1.3', cipher: expect.stringMatching(/^TLS_/), serverName: 'localhost', authorized: true, authorizationError: null });
    expect(up?.certificate).toEqual({
      subject: 'CN=localhost',
      issuer: 'CN=Mailwire Test CA',
      subjectAltNames: ['DNS:localhost', 'DNS:mail.test', 'IP Address:127.0.0.1'],
      validFrom: new Date(node.validFrom).toISOString(),
      validTo: new Date(node.validTo).toISOString(),
      fingerprint256: node.fingerprint256,
    });
    expect(new TextDecoder().decode(steps.flatMap((s) => s.data)[0])).toBe('* OK hello\r\n');
  });

  it('without the relay\'s roots the verdict is a named problem, and the handshake goes on for the y/n', async () => {
    const steps = await handshake(await serve('TLSv1.3'), []);
    const up = steps.find((s) => s.up)?.up;
    expect(up).toMatchObject({ authorized: false, authorizationError: 'no certificate for the issuer "CN=Mailwire Test CA" was sent or is trusted (missing-issuer)' });
  });

  it('a TLS 1.2-only server answers with protocol_version: no TLS 1.3 here, which only the relay could get around', async () => {
    const steps = await handshake(await serve('TLSv1.2'), [caBase64()]);
    expect(steps.find((s) => s.failure)?.failure).toEqual({ kind: 'no-tls13', message: 'it answered our TLS 1.3 hello with the alert protocol_version' });
    expect(steps.some((s) => s.up)).toBe(false);
  });
});

describe('the bundled Mozilla root store', () => {
  it('is dated, says which Node it came from, and every root decodes and parses', () => {
    expect(MOZILLA_ROOTS.copied).toMatch(/^\d{4}-\d\d-\d\d$/);
    expect(MOZILLA_ROOTS.node).toMatch(/^v\d+\.\d+\.\d+$/);
    expect(MOZILLA_ROOTS.roots.length).toBeGreaterThan(100);
    for (const b of MOZILLA_ROOTS.roots) expect(parseCertificate(decodeBase64(b)!).basicConstraints?.ca).toBe(true);
  });

  // Another Node release may ship another store: the comparison holds for the one it was copied from.
  it.runIf(process.version === MOZILLA_ROOTS.node)('is Node\'s own store, under the Node it was copied from', () => {
    expect(MOZILLA_ROOTS.roots).toEqual(rootCertificates.map((pem) => pem.replace(/-----[^-]+-----|\s/g, '')));
  });
});
