/**
 * Our TLS 1.3 client against real servers on loopback: `openssl s_server -tls1_3` and Node's
 * tls.createServer, each cipher suite and group forced on the server side in turn, with P-256,
 * P-384, RSA and Ed25519 server certificates. Application data both ways, then close_notify.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOpensslCerts, type OpensslCerts, type ServerKeyType } from '../../testing/openssl-certs.ts';
import { pump } from '../../testing/tls-pump.ts';
import { freePort } from '../../transports/node/free-ports.ts';
import { systemRandom } from '../../transports/system-random.ts';
import { TlsClient } from './client.ts';
import type { GroupName } from './groups.ts';
import type { SuiteName } from './suites.ts';
import type { TlsEvent } from './events.ts';

let certs: OpensslCerts;
beforeAll(() => {
  certs = makeOpensslCerts();
});
afterAll(() => certs?.remove());

const SUITES: SuiteName[] = ['TLS_AES_128_GCM_SHA256', 'TLS_AES_256_GCM_SHA384', 'TLS_CHACHA20_POLY1305_SHA256'];
const GROUPS: GroupName[] = ['x25519', 'secp256r1'];
const KEYS: ServerKeyType[] = ['P-256', 'P-384', 'RSA', 'RSA-PSS', 'Ed25519'];
const OPENSSL_GROUP: Record<GroupName, string> = { x25519: 'X25519', secp256r1: 'P-256' };
const EXPECTED_SCHEME: Record<ServerKeyType, string> = {
  'P-256': 'ecdsa_secp256r1_sha256',
  'P-384': 'ecdsa_secp384r1_sha384',
  RSA: 'rsa_pss_rsae_sha256',
  'RSA-PSS': 'rsa_pss_pss_sha256',
  Ed25519: 'ed25519',
};

/** Connects our client, sends `line`, waits for `expect` back, then closes with close_notify. */
async function converse(port: number, opts: { groups?: GroupName[] }, line: string, reply: (text: string) => boolean) {
  const client = new TlsClient({ serverName: 'localhost', roots: [certs.caDer], random: systemRandom(), ...opts });
  const socket = connect(port, '127.0.0.1');
  await new Promise<void>((r) => socket.once('connect', () => r()));
  const io = pump(client, socket, client.start(Date.now()));
  await io.until('handshake', () => client.phase === 'connected');
  io.apply(client.write(new TextEncoder().encode(line)));
  await io.until('reply', () => reply(io.text()));
  io.apply(client.close());
  await Promise.race([io.ended, new Promise((r) => setTimeout(r, 2000))]);
  socket.destroy();
  const done = io.events.find((e): e is Extract<TlsEvent, { kind: 'handshake-complete' }> => e.kind === 'handshake-complete');
  return { summary: done?.summary, events: io.events, text: io.text() };
}

describe('client against openssl s_server -tls1_3', () => {
  async function withServer(args: string[], run: (port: number, output: () => string) => Promise<void>) {
    const port = await freePort();
    const child: ChildProcess = spawn('openssl', ['s_server', '-accept', String(port), '-tls1_3', '-naccept', '1', '-rev', ...args], { stdio: 'pipe' });
    let output = '';
    child.stderr!.on('data', (d: Buffer) => (output += String(d)));
    try {
      await new Promise<void>((resolve, reject) => {
        const t = setTimeout(() => reject(new Error('s_server did not start')), 8000);
        child.stdout!.on('data', (d: Buffer) => ((output += String(d)), output.includes('ACCEPT') && (clearTimeout(t), resolve())));
      });
      await run(port, () => output);
    } finally {
      child.kill();
    }
  }

  for (const suite of SUITES) {
    for (const group of GROUPS) {
      it(`${suite} with ${group} (P-256 certificate)`, async () => {
        const { cert, key } = certs.server['P-256'];
        await withServer(['-cert', cert, '-key', key, '-ciphersuites', suite, '-groups', OPENSSL_GROUP[group]], async (port) => {
          const r = await converse(port, {}, 'hello mail\n', (t) => t.includes('liam olleh'));
          expect(r.summary).toMatchObject({ suite, group, scheme: 'ecdsa_secp256r1_sha256', helloRetry: group !== 'x25519' });
          expect(r.text).toContain('liam olleh');
        });
      });
    }
  }

  for (const type of KEYS) {
    it(`a ${type} server certificate`, async () => {
      const { cert, key } = certs.server[type];
      await withServer(['-cert', cert, '-key', key], async (port) => {
        const r = await converse(port, {}, 'abc\n', (t) => t.includes('cba'));
        expect(r.summary?.scheme).toBe(EXPECTED_SCHEME[type]);
        const verdict = r.events.find((e) => e.kind === 'certificate');
        expect(verdict).toMatchObject({ verdict: { ok: true } });
      });
    });
  }
  it('refuses a certificate for another name with bad_certificate, and openssl sees the alert', async () => {
    const { cert, key } = certs.server['P-256'];
    await withServer(['-cert', cert, '-key', key], async (port, output) => {
      const client = new TlsClient({ serverName: 'imap.example.test', roots: [certs.caDer], random: systemRandom() });
      const socket = connect(port, '127.0.0.1');
      await new Promise<void>((r) => socket.once('connect', () => r()));
      const io = pump(client, socket, client.start(Date.now()));
      await io.until('alert', () => client.phase === 'closed');
      socket.destroy();
      expect(io.events).toContainEqual(expect.objectContaining({ kind: 'certificate', verdict: expect.objectContaining({ ok: false, problem: 'wrong-name' }) }));
      expect(io.events).toContainEqual(expect.objectContaining({ kind: 'alert-sent', alert: 'bad_certificate' }));
      // openssl read the alert and names it.
      await new Promise((r) => setTimeout(r, 300));
      expect(output()).toMatch(/alert bad certificate/i);
    });
  });
});

describe("client against Node's tls.createServer", () => {
  async function withServer(opts: { ciphersuites?: string; ecdhCurve?: string; type?: ServerKeyType }, run: (port: number) => Promise<void>) {
    const { cert, key } = certs.server[opts.type ?? 'P-256'];
    const server = createTlsServer(
      { cert: readFileSync(cert), key: readFileSync(key), minVersion: 'TLSv1.3', ciphers: opts.ciphersuites, ecdhCurve: opts.ecdhCurve },
      (s) => s.on('data', (d: Buffer) => s.write(`echo:${String(d)}`)),
    );
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    try {
      await run((server.address() as { port: number }).port);
    } finally {
      server.close();
    }
  }

  for (const suite of SUITES) {
    for (const group of GROUPS) {
      it(`${suite} with ${group}`, async () => {
        await withServer({ ciphersuites: suite, ecdhCurve: OPENSSL_GROUP[group] }, async (port) => {
          const r = await converse(port, {}, 'ping', (t) => t.includes('echo:ping'));
          expect(r.summary).toMatchObject({ suite, group });
        });
      });
    }
  }

  for (const type of KEYS) {
    it(`a ${type} server certificate`, async () => {
      await withServer({ type }, async (port) => {
        const r = await converse(port, { groups: ['secp256r1', 'x25519'] }, 'ping', (t) => t.includes('echo:ping'));
        expect(r.summary?.scheme).toBe(EXPECTED_SCHEME[type]);
      });
    });
  }
});
