/**
 * Our TLS 1.3 server, with a certificate from our own virtual CA, against real clients on
 * loopback: `openssl s_client -tls1_3` and Node's tls.connect. Each suite and group is forced on
 * the client side; application data goes both ways; the session ends with close_notify.
 */
import { spawn } from 'node:child_process';
import { createServer, type Server, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { pump, type Pumped } from '../../testing/tls-pump.ts';
import { systemRandom } from '../../transports/system-random.ts';
import { seededRandom } from '../../random.ts';
import { generateSigningKey, issueCertificate } from './ca.ts';
import type { TlsEvent } from './events.ts';
import type { GroupName } from './groups.ts';
import { TlsServer } from './server.ts';
import type { SuiteName } from './suites.ts';

const DAY = 86_400_000;
const random = seededRandom(new TextEncoder().encode('interop-server'));
const caKey = generateSigningKey('P-256', random);
const rootDer = issueCertificate({ subject: 'Mailwire Virtual CA', key: caKey, serial: random.bytes(16), notBefore: Date.now() - DAY, notAfter: Date.now() + DAY, ca: {} });
const pem = (der: Uint8Array) => `-----BEGIN CERTIFICATE-----\n${Buffer.from(der).toString('base64').match(/.{1,64}/g)!.join('\n')}\n-----END CERTIFICATE-----\n`;

function leaf(kind: 'P-256' | 'P-384' | 'ed25519') {
  const key = generateSigningKey(kind, random);
  const der = issueCertificate({
    subject: 'localhost', key, issuer: { subject: 'Mailwire Virtual CA', key: caKey }, serial: random.bytes(16),
    notBefore: Date.now() - DAY, notAfter: Date.now() + DAY, dnsNames: ['localhost'],
  });
  return { key, der };
}
const LEAVES = { 'P-256': leaf('P-256'), 'P-384': leaf('P-384'), ed25519: leaf('ed25519') };

const dir = mkdtempSync(join(tmpdir(), 'mailwire-tls13-'));
const caFile = join(dir, 'ca.pem');
writeFileSync(caFile, pem(rootDer));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let listening: Server | undefined;
afterEach(() => listening?.close());

/** Listens once; each accepted socket gets a TlsServer that echoes lines as "echo:<line>". */
async function serve(opts: { kind?: keyof typeof LEAVES; groups?: GroupName[] }): Promise<{ port: number; session: Promise<{ server: TlsServer; io: Pumped }> }> {
  const { key, der } = LEAVES[opts.kind ?? 'P-256'];
  let accepted!: (v: { server: TlsServer; io: Pumped }) => void;
  const session = new Promise<{ server: TlsServer; io: Pumped }>((r) => (accepted = r));
  listening = createServer((socket: Socket) => {
    const server = new TlsServer({ chain: [der], key, random: systemRandom(), groups: opts.groups });
    const io = pump(server, socket);
    let echoed = 0;
    socket.on('data', () => {
      const text = io.text();
      const lines = text.split('\n');
      for (; echoed < lines.length - 1; echoed++) io.apply(server.write(new TextEncoder().encode(`echo:${lines[echoed]}\n`)));
    });
    accepted({ server, io });
  });
  await new Promise<void>((r) => listening!.listen(0, '127.0.0.1', () => r()));
  return { port: (listening.address() as { port: number }).port, session };
}

const SUITES: SuiteName[] = ['TLS_AES_128_GCM_SHA256', 'TLS_AES_256_GCM_SHA384', 'TLS_CHACHA20_POLY1305_SHA256'];
const GROUPS: Array<[GroupName, string]> = [['x25519', 'X25519'], ['secp256r1', 'P-256']];
const complete = (events: TlsEvent[]) => events.find((e): e is Extract<TlsEvent, { kind: 'handshake-complete' }> => e.kind === 'handshake-complete')?.summary;

describe('server against openssl s_client -tls1_3', () => {
  for (const suite of SUITES) {
    for (const [group, name] of GROUPS) {
      it(`${suite} with ${group}`, async () => {
        const { port, session } = await serve({});
        const out = await runSClient(port, ['-ciphersuites', suite, '-groups', name], 'hello from s_client\n', 'echo:hello from s_client');
        const { server, io } = await session;
        await io.ended;
        expect(complete(io.events)).toMatchObject({ suite, group, serverName: 'localhost' });
        expect(io.text()).toBe('hello from s_client\n');
        expect(out).toContain('echo:hello from s_client');
        expect(out).toMatch(/Verify return code: 0 \(ok\)/);
        expect(io.events.some((e) => e.kind === 'alert-received' && e.alert === 'close_notify')).toBe(true);
        expect(server.phase).toBe('closed');
      });
    }
  }

  it('answers a key share for x25519 with a HelloRetryRequest when it prefers secp256r1', async () => {
    const { port, session } = await serve({ groups: ['secp256r1', 'x25519'] });
    const out = await runSClient(port, ['-groups', 'X25519:P-256'], 'hrr\n', 'echo:hrr');
    const { io } = await session;
    expect(complete(io.events)).toMatchObject({ group: 'secp256r1', helloRetry: true });
    expect(out).toContain('echo:hrr');
  });

  it('takes a KeyUpdate with update_requested from s_client ("K") and answers with its own', async () => {
    const { port, session } = await serve({});
    // s_client reads stdin a buffer at a time and takes a buffer starting with "K" as the command alone.
    const out = await runSClient(port, [], ['K\n', 'after update\n'], 'echo:after update');
    const { io } = await session;
    const updates = io.events.filter((e) => e.kind === 'key-update');
    expect(updates).toEqual([
      { kind: 'key-update', direction: 'received', requested: true },
      { kind: 'key-update', direction: 'sent', requested: false },
    ]);
    expect(out).toContain('echo:after update');
  });

  for (const kind of ['P-384', 'ed25519'] as const) {
    it(`signs with a ${kind} key`, async () => {
      const { port, session } = await serve({ kind });
      const out = await runSClient(port, [], 'sig\n', 'echo:sig');
      const { io } = await session;
      expect(complete(io.events)?.scheme).toBe(kind === 'ed25519' ? 'ed25519' : 'ecdsa_secp384r1_sha384');
      expect(out).toMatch(/Verify return code: 0 \(ok\)/);
    });
  }
});

/** Runs s_client, writes `line`, waits until `expect` is printed, then closes stdin (s_client sends close_notify). */
function runSClient(port: number, args: string[], lines: string | string[], expected: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('openssl', ['s_client', '-connect', `127.0.0.1:${port}`, '-tls1_3', '-servername', 'localhost', '-CAfile', caFile, '-verify_return_error', ...args], { stdio: 'pipe' });
    let out = '';
    const timer = setTimeout(() => (child.kill(), reject(new Error(`s_client timed out:\n${out}`))), 10000);
    child.stdout.on('data', (d: Buffer) => {
      out += String(d);
      if (out.includes(expected)) child.stdin.end();
    });
    child.stderr.on('data', (d: Buffer) => (out += String(d)));
    child.on('close', () => (clearTimeout(timer), resolve(out)));
    const queue = typeof lines === 'string' ? [lines] : [...lines];
    const next = () => {
      const line = queue.shift();
      if (line === undefined || !child.stdin.writable) return;
      child.stdin.write(line);
      setTimeout(next, 400);
    };
    next();
  });
}

describe("server against Node's tls.connect", () => {
  /** Connects Node's client; it sends `ping`, and after the echo ends the session (close_notify). */
  function nodeClient(port: number, opts: { ciphers?: string; ecdhCurve?: string }, onEcho?: (socket: ReturnType<typeof tlsConnect>, got: string) => boolean) {
    return new Promise<string>((resolve, reject) => {
      let got = '';
      const socket = tlsConnect({ port, host: '127.0.0.1', servername: 'localhost', ca: pem(rootDer), minVersion: 'TLSv1.3', ...opts }, () => socket.write('ping\n'));
      socket.on('data', (d: Buffer) => {
        got += String(d);
        if (got.includes('echo:ping') && !(onEcho?.(socket, got) ?? false)) socket.end();
      });
      socket.on('error', reject);
      socket.on('close', () => resolve(got));
    });
  }

  for (const suite of SUITES) {
    for (const [group, name] of GROUPS) {
      it(`${suite} with ${group}`, async () => {
        const { port, session } = await serve({});
        const got = await nodeClient(port, { ciphers: suite, ecdhCurve: name });
        const { server, io } = await session;
        await io.ended;
        expect(got).toBe('echo:ping\n');
        expect(complete(io.events)).toMatchObject({ suite, group, serverName: 'localhost', helloRetry: false });
        expect(io.events.some((e) => e.kind === 'alert-received' && e.alert === 'close_notify')).toBe(true);
        expect(server.phase).toBe('closed');
      });
    }
  }

  it('KeyUpdate both ways: ours with update_requested, then Node answers with its own before its next record', async () => {
    const { port, session } = await serve({});
    let asked = false;
    const got = await nodeClient(port, {}, (socket, sofar) => {
      if (asked) return !sofar.includes('echo:second');
      asked = true;
      void session.then(({ server, io }) => {
        io.apply(server.keyUpdate(true));
        io.apply(server.write(new TextEncoder().encode('after our update\n')));
        setTimeout(() => socket.write('second\n'), 200);
      });
      return true;
    });
    const { io } = await session;
    expect(got).toContain('after our update');
    expect(got).toContain('echo:second');
    expect(io.events.filter((e) => e.kind === 'key-update')).toEqual([
      { kind: 'key-update', direction: 'sent', requested: true },
      { kind: 'key-update', direction: 'received', requested: false },
    ]);
  });
});
