import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeServer, type FakeServer } from './fake-mail-server.ts';
import { RelayTestClient } from './relay-client.ts';
import { startRelay, type RelayHandle } from './server.ts';
import type { SessionLog } from './session.ts';
import { makeTestPki, type TestPki } from './test-pki.ts';

let pki: TestPki;
let fake: FakeServer;
let relay: RelayHandle;
let open: RelayHandle;
const logs: SessionLog[] = [];

/** Names that resolve to hostile addresses, as a malicious DNS zone would answer. */
const zone: Record<string, string[]> = {
  'metadata.evil.test': ['169.254.169.254'],
  'rebind.evil.test': ['10.0.0.7'],
  'mapped.evil.test': ['::ffff:127.0.0.1'],
  'localhost': ['127.0.0.1'],
};
const resolve = async (host: string) => {
  const found = zone[host];
  if (!found) throw new Error('ENOTFOUND');
  return found;
};

beforeAll(async () => {
  pki = makeTestPki();
  fake = await startFakeServer(pki.cert, pki.key);
  relay = await startRelay({ port: 0, allowPorts: [25, fake.port] }, { log: (e) => logs.push(e), resolve });
  open = await startRelay(
    { port: 0, allowPorts: [fake.port, 1], allowPrivate: true, ca: pki.caCert, limits: { sessionsPerIp: 600, connectionsPerMinute: 1000, idleMs: 60_000, maxSessionMs: 60_000, maxFrame: 1024, maxBytes: 1 << 20, connectTimeoutMs: 2000, maxSessions: 1000 } },
    { log: (e) => logs.push(e), resolve },
  );
});

afterAll(async () => {
  await relay.close();
  await open.close();
  await fake.close();
});

async function refusal(handle: RelayHandle, message: Record<string, unknown> | string, origin?: string): Promise<string | undefined> {
  const c = new RelayTestClient(handle.url, origin);
  await c.opened().catch(() => undefined);
  c.control(message);
  await c.until((x) => x.find('error') !== undefined);
  await c.until((x) => x.closed);
  return c.find('error')?.code;
}

describe('relay policy', () => {
  it('refuses a page from another origin', async () => {
    const c = new RelayTestClient(relay.url, 'https://evil.example');
    await c.until((x) => x.closed);
    expect(c.find('error')).toMatchObject({ code: 'POLICY_ORIGIN' });
  });

  it('refuses ports that are not mail ports', async () => {
    expect(await refusal(relay, { type: 'connect', host: 'mail.example.com', port: 80, tls: 'none' })).toBe('POLICY_PORT');
  });

  for (const host of ['127.0.0.1', '2130706433', '0x7f.1', '[::1]', '::ffff:127.0.0.1', '169.254.169.254', 'metadata.evil.test', 'rebind.evil.test', 'mapped.evil.test', 'localhost']) {
    it(`refuses ${host}: not a public address`, async () => {
      expect(await refusal(relay, { type: 'connect', host, port: 25, tls: 'none' })).toBe('POLICY_ADDRESS');
    });
  }

  it('says when a name does not resolve', async () => {
    expect(await refusal(relay, { type: 'connect', host: 'nowhere.invalid', port: 25, tls: 'none' })).toBe('DNS');
  });

  for (const bad of ['not json', '[]', '{"type":"connect","host":"a","port":"25"}', '{"type":"launch"}', '{"type":"connect","host":"a","port":25,"tls":"ssl"}']) {
    it(`answers a malformed control message with PROTOCOL: ${bad}`, async () => {
      expect(await refusal(relay, bad)).toBe('PROTOCOL');
    });
  }

  it('needs the token when one is set', async () => {
    const guarded = await startRelay({ port: 0, token: 's3cret' }, { log: () => undefined, resolve });
    try {
      const c = new RelayTestClient(guarded.url);
      await c.until((x) => x.closed);
      expect(c.find('error')).toMatchObject({ code: 'POLICY_AUTH' });
      const d = new RelayTestClient(`${guarded.url}?token=s3cret`);
      await d.opened();
      d.control({ type: 'connect', host: '127.0.0.1', port: 25, tls: 'none' });
      await d.until((x) => x.closed);
      expect(d.find('error')).toMatchObject({ code: 'POLICY_ADDRESS' });
    } finally {
      await guarded.close();
    }
  });

  it('limits a connection flood from one address', async () => {
    const strict = await startRelay({ port: 0, limits: { sessionsPerIp: 3, connectionsPerMinute: 5, idleMs: 60_000, maxSessionMs: 60_000, maxFrame: 1024, maxBytes: 1 << 20, connectTimeoutMs: 1000 } }, { log: () => undefined, resolve });
    try {
      const clients = Array.from({ length: 8 }, () => new RelayTestClient(strict.url));
      await Promise.all(clients.map((c) => c.opened().catch(() => undefined)));
      const limited = () => clients.filter((c) => c.find('error')?.code === 'LIMIT').length;
      const deadline = Date.now() + 5000;
      while ((limited() < 5 || clients.filter((c) => c.closed).length < 5) && Date.now() < deadline) await new Promise((ok) => setTimeout(ok, 20));
      expect(limited()).toBe(5);
      expect(clients.filter((c) => !c.closed).length).toBe(3);
      clients.forEach((c) => c.close());
    } finally {
      await strict.close();
    }
  });
});

describe('relaying', () => {
  it('carries a plaintext session, then STARTTLS with the certificate details', async () => {
    const c = new RelayTestClient(open.url);
    await c.opened();
    c.control({ type: 'connect', host: 'localhost', port: fake.port, tls: 'none' });
    await c.until((x) => x.text.includes('220 fake.test'));
    expect(c.find('connected')).toMatchObject({ address: '127.0.0.1', port: fake.port });
    c.bytes('EHLO laptop\r\nSTARTTLS\r\n');
    await c.until((x) => x.text.includes('220 Ready'));
    c.control({ type: 'starttls' });
    c.bytes('AUTH PLAIN AGFsaWNlAHdvbmRlcmxhbmQ=\r\n'); // sent during the handshake: held until it is done
    await c.until((x) => x.find('tls') !== undefined && x.text.includes('secure echo AUTH'));
    const tls = c.find('tls')!;
    expect(tls.authorized).toBe(true);
    expect(tls.certificate?.subjectAltNames).toContain('DNS:localhost');
    expect(tls.certificate?.issuer).toContain('Mailwire Test CA');
    expect(tls.chain.length).toBeGreaterThan(0);
    expect(fake.received).toContain('tls: AUTH PLAIN AGFsaWNlAHdvbmRlcmxhbmQ=');
    c.bytes('QUIT\r\n');
    await c.until((x) => x.find('closed') !== undefined);
    expect(c.find('closed')).toMatchObject({ by: 'server' });
  });

  it('reports an untrusted certificate without hiding it', async () => {
    const untrusting = await startRelay({ port: 0, allowPorts: [fake.port], allowPrivate: true }, { log: () => undefined, resolve });
    try {
      const c = new RelayTestClient(untrusting.url);
      await c.opened();
      c.control({ type: 'connect', host: 'localhost', port: fake.port, tls: 'none' });
      await c.until((x) => x.text.includes('220 fake'));
      c.bytes('STARTTLS\r\n');
      await c.until((x) => x.text.includes('220 Ready'));
      c.control({ type: 'starttls' });
      await c.until((x) => x.find('tls') !== undefined);
      expect(c.find('tls')).toMatchObject({ authorized: false });
      expect(c.find('tls')!.error).toBeTruthy();
      c.close();
    } finally {
      await untrusting.close();
    }
  });

  it('says REFUSED when nothing listens', async () => {
    expect(await refusal(open, { type: 'connect', host: '127.0.0.1', port: 1, tls: 'none' })).toBe('REFUSED');
  });

  it('refuses an over-long frame with LIMIT', async () => {
    const c = new RelayTestClient(open.url);
    await c.opened();
    c.control({ type: 'connect', host: '127.0.0.1', port: fake.port, tls: 'none' });
    await c.until((x) => x.text.includes('220'));
    c.bytes(new Uint8Array(4096));
    await c.until((x) => x.closed);
    expect(c.find('error')).toMatchObject({ code: 'LIMIT' });
  });

  it('never logs what was said, only metadata', async () => {
    const c = new RelayTestClient(open.url);
    await c.opened();
    c.control({ type: 'connect', host: '127.0.0.1', port: fake.port, tls: 'none' });
    await c.until((x) => x.text.includes('220'));
    c.bytes('AUTH PLAIN AGJvYgBidWlsZGVy\r\nQUIT\r\n');
    await c.until((x) => x.closed);
    const text = JSON.stringify(logs);
    expect(text).not.toContain('AGJvYgBidWlsZGVy');
    expect(text).not.toContain('AUTH');
    const entry = logs.find((l) => l.target === `127.0.0.1:${fake.port}` && l.bytesUp > 20);
    expect(entry).toMatchObject({ client: expect.any(String), outcome: 'closed by server' });
  });

  it('serves 500 concurrent sessions', async () => {
    const clients = Array.from({ length: 500 }, () => new RelayTestClient(open.url));
    await Promise.all(clients.map((c) => c.opened()));
    clients.forEach((c) => c.control({ type: 'connect', host: '127.0.0.1', port: fake.port, tls: 'none' }));
    await Promise.all(clients.map((c) => c.until((x) => x.text.includes('220 fake'), 20_000)));
    clients.forEach((c, i) => c.bytes(`NOOP ${i}\r\n`));
    await Promise.all(clients.map((c, i) => c.until((x) => x.text.includes(`echo NOOP ${i}\r\n`), 20_000)));
    expect(open.sessions()).toBe(500);
    clients.forEach((c) => c.close());
    // Every session ends once its browser side closes (however long 500 closes take on a busy machine).
    for (let i = 0; i < 200 && open.sessions() > 0; i++) await new Promise((ok) => setTimeout(ok, 50));
    expect(open.sessions()).toBe(0);
  }, 60_000);
});
