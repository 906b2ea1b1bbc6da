/**
 * Certificate checks as a mail client makes them: a test CA tree from our virtual CA (and an RSA
 * one from openssl, for PKCS#1 v1.5 and PSS signatures), each case answered with its reason.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../random.ts';
import { connectedPair, makeClient, makeServer, NOW, writes } from '../../testing/tls-pair.ts';
import { generateSigningKey, issueCertificate, type CertificateRequest } from './ca.ts';
import { PROBLEM_ALERT, verifyChain, type ChainProblem } from './chain-verify.ts';
import type { PrivateKey } from './signatures.ts';

const DAY = 86_400_000;
const random = seededRandom(new TextEncoder().encode('chain-verify'));
type Ca = { subject: string; key: PrivateKey; der: Uint8Array };

function ca(subject: string, issuer?: Ca, opts: Partial<CertificateRequest> = {}, kind: 'P-256' | 'P-384' | 'ed25519' = 'P-256'): Ca {
  const key = generateSigningKey(kind, random);
  const der = issueCertificate({ subject, key, issuer, serial: random.bytes(8), notBefore: NOW - 100 * DAY, notAfter: NOW + 1000 * DAY, ca: {}, ...opts });
  return { subject, key, der };
}
function leafOf(issuer: Ca, opts: Partial<CertificateRequest> = {}, kind: 'P-256' | 'P-384' | 'ed25519' = 'P-256'): Uint8Array {
  const key = generateSigningKey(kind, random);
  return issueCertificate({ subject: 'mail.example.test', key, issuer, serial: random.bytes(8), notBefore: NOW - DAY, notAfter: NOW + 90 * DAY, dnsNames: ['mail.example.test'], ...opts });
}

const root = ca('Test Root CA');
const intermediate = ca('Test Intermediate CA', root, {}, 'P-384');
const otherRoot = ca('Someone Else Root');

function check(chain: Uint8Array[], host = 'mail.example.test', roots = [root.der]) {
  return verifyChain({ chain, roots, host, now: NOW });
}
function problem(chain: Uint8Array[], host?: string, roots?: Uint8Array[]): ChainProblem | 'ok' {
  const v = check(chain, host, roots);
  return v.ok ? 'ok' : v.problem;
}

describe('the test CA tree', () => {
  it('a good chain (leaf, intermediate) to a trusted root passes, with the root at the end of the path', () => {
    const v = check([leafOf(intermediate), intermediate.der]);
    expect(v.ok).toBe(true);
    if (v.ok) expect(v.path.map((c) => c.subject)).toEqual(['CN=mail.example.test', 'CN=Test Intermediate CA', 'CN=Test Root CA']);
  });

  it('expired, and not yet valid', () => {
    expect(problem([leafOf(intermediate, { notBefore: NOW - 100 * DAY, notAfter: NOW - DAY }), intermediate.der])).toBe('expired');
    expect(problem([leafOf(intermediate, { notBefore: NOW + DAY, notAfter: NOW + 100 * DAY }), intermediate.der])).toBe('not-yet-valid');
    const oldIntermediate = ca('Old Intermediate', root, { notBefore: NOW - 100 * DAY, notAfter: NOW - 1 });
    expect(problem([leafOf(oldIntermediate), oldIntermediate.der])).toBe('expired');
    expect(PROBLEM_ALERT.expired).toBe('certificate_expired');
  });

  it('a root that does not parse is skipped, not blamed on the server, and the others still anchor the path', () => {
    const garbage = new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x00]);
    expect(problem([leafOf(intermediate), intermediate.der], undefined, [garbage, otherRoot.der, root.der])).toBe('ok');
    expect(problem([leafOf(intermediate), intermediate.der], undefined, [garbage])).toBe('missing-issuer');
  });

  it('wrong name', () => {
    const v = check([leafOf(intermediate), intermediate.der], 'imap.example.test');
    expect(v).toMatchObject({ ok: false, problem: 'wrong-name', detail: 'the certificate is for mail.example.test, not imap.example.test' });
  });

  it('a wildcard covers exactly one left-most label', () => {
    const wild = [leafOf(intermediate, { dnsNames: ['*.example.test'] }), intermediate.der];
    expect(problem(wild, 'imap.example.test')).toBe('ok');
    expect(problem(wild, 'IMAP.Example.Test')).toBe('ok');
    expect(problem(wild, 'example.test')).toBe('wrong-name');
    expect(problem(wild, 'a.imap.example.test')).toBe('wrong-name');
    expect(problem([leafOf(intermediate, { dnsNames: ['imap*.example.test'] }), intermediate.der], 'imap1.example.test')).toBe('wrong-name');
  });

  it('IDNs compare as A-labels; IP addresses only against iPAddress names', () => {
    const idn = [leafOf(intermediate, { dnsNames: ['xn--bcher-kva.example'] }), intermediate.der];
    expect(problem(idn, 'bücher.example')).toBe('ok');
    expect(problem(idn, 'xn--bcher-kva.example')).toBe('ok');
    expect(problem(idn, 'bucher.example')).toBe('wrong-name');
    const ip = [leafOf(intermediate, { dnsNames: ['127.0.0.1'], ipAddresses: ['127.0.0.2'] }), intermediate.der];
    expect(problem(ip, '127.0.0.2')).toBe('ok');
    expect(problem(ip, '127.0.0.1')).toBe('wrong-name');
  });

  it('missing intermediate', () => {
    const v = check([leafOf(intermediate)]);
    expect(v).toMatchObject({ ok: false, problem: 'missing-issuer', detail: 'no certificate for the issuer "CN=Test Intermediate CA" was sent or is trusted' });
    expect(PROBLEM_ALERT['missing-issuer']).toBe('unknown_ca');
  });

  it('untrusted root: sent along, or a self-signed server certificate', () => {
    const otherIntermediate = ca('Other Intermediate', otherRoot);
    expect(problem([leafOf(otherIntermediate), otherIntermediate.der, otherRoot.der])).toBe('untrusted-root');
    const key = generateSigningKey('P-256', random);
    const selfSigned = issueCertificate({ subject: 'mail.example.test', key, serial: Uint8Array.of(1), notBefore: NOW - DAY, notAfter: NOW + DAY, dnsNames: ['mail.example.test'] });
    expect(problem([selfSigned])).toBe('untrusted-root');
    expect(problem([selfSigned], 'mail.example.test', [selfSigned])).toBe('ok');
  });

  it('a signature that does not verify; an issuer that is not a CA; a path longer than pathLenConstraint', () => {
    const leaf = leafOf(intermediate);
    leaf[leaf.length - 5]! ^= 1;
    expect(problem([leaf, intermediate.der])).toBe('bad-signature');
    const notCa = ca('Not A CA', root, { ca: undefined });
    expect(problem([leafOf(notCa), notCa.der])).toBe('not-a-ca');
    const strictRoot = ca('Strict Root', undefined, { ca: { pathLength: 0 } });
    const under = ca('Under Strict', strictRoot);
    expect(problem([leafOf(under), under.der], 'mail.example.test', [strictRoot.der])).toBe('path-length');
    expect(problem([leafOf(strictRoot)], 'mail.example.test', [strictRoot.der])).toBe('ok');
  });

  it('Ed25519 CAs and leaves', () => {
    const edCa = ca('Ed CA', root, {}, 'ed25519');
    expect(problem([leafOf(edCa, {}, 'ed25519'), edCa.der])).toBe('ok');
  });

  it('bytes that are not a certificate are malformed', () => {
    expect(problem([Uint8Array.of(0x30, 0x03, 1, 2, 3)])).toBe('malformed');
  });
});

describe('RSA chains from openssl: PKCS#1 v1.5 and PSS signatures', () => {
  it('verifies sha256WithRSAEncryption and RSASSA-PSS signatures, and rejects a flipped bit', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mailwire-tls13-rsa-'));
    try {
      const run = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
      run('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-subj', '/CN=RSA Root', '-days', '3', '-out', 'ca.pem', '-sha256',
        '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign');
      writeFileSync(join(dir, 'ext'), 'subjectAltName=DNS:mail.example.test\nbasicConstraints=CA:FALSE\n');
      run('req', '-new', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'leaf.key', '-subj', '/CN=leaf', '-out', 'leaf.csr');
      run('x509', '-req', '-in', 'leaf.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-days', '2', '-sha384', '-extfile', 'ext', '-out', 'pkcs1.pem');
      run('x509', '-req', '-in', 'leaf.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-days', '2', '-sha256', '-extfile', 'ext',
        '-sigopt', 'rsa_padding_mode:pss', '-sigopt', 'rsa_pss_saltlen:32', '-out', 'pss.pem');
      const der = (name: string) => new Uint8Array(execFileSync('openssl', ['x509', '-in', name, '-outform', 'DER'], { cwd: dir }));
      const rootDer = der('ca.pem');
      const now = Date.now();
      for (const name of ['pkcs1.pem', 'pss.pem']) {
        const leaf = der(name);
        expect(verifyChain({ chain: [leaf], roots: [rootDer], host: 'mail.example.test', now }), name).toMatchObject({ ok: true });
        leaf[leaf.length - 3]! ^= 1;
        expect(verifyChain({ chain: [leaf], roots: [rootDer], host: 'mail.example.test', now }), name).toMatchObject({ ok: false, problem: 'bad-signature' });
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the client acts on the verdict', () => {
  it('aborts with unknown_ca when the root is not trusted, and says why', () => {
    const client = makeClient({ roots: [otherRoot.der] });
    const server = makeServer();
    const out = client.feed(writes(server.feed(writes(client.start(NOW)), NOW)), NOW);
    // The alert travels under the client's handshake keys: our server, which reads only protected records by now, names it.
    expect(server.feed(writes(out), NOW)).toContainEqual({ type: 'event', event: { kind: 'alert-received', alert: 'unknown_ca' } });
    const events = out.flatMap((o) => (o.type === 'event' ? [o.event] : []));
    expect(events).toContainEqual(expect.objectContaining({ kind: 'certificate', verdict: expect.objectContaining({ ok: false, problem: 'missing-issuer' }) }));
    expect(events).toContainEqual(expect.objectContaining({ kind: 'alert-sent', alert: 'unknown_ca' }));
    expect(client.phase).toBe('closed');
  });

  it('aborts with certificate_expired a year later; goes on when told to continue (the terminal’s y)', () => {
    const late = makeClient();
    const out = late.feed(writes(makeServer().feed(writes(late.start(NOW)), NOW)), NOW + 365 * DAY);
    expect(out.flatMap((o) => (o.type === 'event' && o.event.kind === 'alert-sent' ? [o.event.alert] : []))).toEqual(['certificate_expired']);
    const { client } = connectedPair(makeClient({ serverName: 'other.example.test', onCertificateProblem: 'continue' }));
    expect(client.phase).toBe('connected');
  });
});
