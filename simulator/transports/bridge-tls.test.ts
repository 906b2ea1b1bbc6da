/**
 * TLS in the page through the relay (issue 18): the bridge's default, what the relay sees of it,
 * the relay's roots offered in its hello, `--no-terminate`, and the asked-for fallback to TLS at
 * the relay for a server without TLS 1.3.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BridgeConnector, type BridgeOptions, type BridgeTransport } from './bridge.ts';
import { startFakeServer, type FakeServer } from './relay/fake-mail-server.ts';
import { LineSession } from './relay/line-session.ts';
import { RelayTestClient } from './relay/relay-client.ts';
import { parseRelayMessage } from './relay-protocol.ts';
import { startRelay, type RelayHandle } from './relay/server.ts';
import { makeTestPki, type TestPki } from './relay/test-pki.ts';
import { concatBytes } from '../wire/bytes.ts';

let pki: TestPki;
let modern: FakeServer;
let oldStartTls: FakeServer;
let oldImplicit: FakeServer;
let relay: RelayHandle;
let bare: RelayHandle;
let pipeOnly: RelayHandle;
const captured: Buffer[] = [];

beforeAll(async () => {
  pki = makeTestPki();
  modern = await startFakeServer(pki.cert, pki.key);
  oldStartTls = await startFakeServer(pki.cert, pki.key, { tlsMaxVersion: 'TLSv1.2' });
  oldImplicit = await startFakeServer(pki.cert, pki.key, { tlsMaxVersion: 'TLSv1.2', implicitTls: true });
  const base = { port: 0, origins: [], allowPrivate: true, allowPorts: [modern.port, oldStartTls.port, oldImplicit.port] };
  const quiet = { log: () => undefined };
  relay = await startRelay({ ...base, ca: pki.caCert }, { ...quiet, tap: (_, bytes) => captured.push(Buffer.from(bytes)) });
  bare = await startRelay(base, quiet);
  pipeOnly = await startRelay({ ...base, ca: pki.caCert, terminate: false }, quiet);
});

afterAll(async () => {
  for (const r of [relay, bare, pipeOnly]) await r?.close();
  for (const f of [modern, oldStartTls, oldImplicit]) await f?.close();
  rmSync(pki.dir, { recursive: true, force: true });
});

function open(via: RelayHandle, server: FakeServer, options: BridgeOptions = {}, tls: 'none' | 'implicit' = 'none'): LineSession<BridgeTransport> {
  return new LineSession(new BridgeConnector(via.url, options).connect('localhost', server.port, { tls }));
}

const where = (s: LineSession<BridgeTransport>) => s.transport.tlsAt;

async function closedWith(s: LineSession): Promise<{ error: string | undefined; closed: boolean }> {
  for (let i = 0; i < 200 && !s.events.some((e) => e.type === 'closed'); i++) await new Promise((ok) => setTimeout(ok, 25));
  const error = s.events.find((e) => e.type === 'error');
  return { error: error?.type === 'error' ? error.message : undefined, closed: s.events.some((e) => e.type === 'closed') };
}

async function starttls(s: LineSession): Promise<void> {
  await s.expect(/^220 fake\.test.*\r\n/);
  s.send('EHLO laptop');
  await s.expect(/250 plain echo EHLO laptop\r\n/);
  s.send('STARTTLS');
  await s.expect(/220 Ready to start TLS\r\n/);
  s.transport.startTls();
}

describe('the relay\'s hello', () => {
  it('comes first, and says whether the relay terminates TLS and which roots it offers', async () => {
    const hellos = [];
    for (const r of [relay, bare, pipeOnly]) {
      const c = new RelayTestClient(r.url);
      await c.until((x) => x.messages.length > 0);
      hellos.push(c.messages[0]);
      c.close();
    }
    const caDer = pki.caCert.replace(/-----[^-]+-----|\s/g, '');
    expect(hellos).toEqual([
      { type: 'hello', terminates: true, roots: [caDer] },
      { type: 'hello', terminates: true, roots: [] },
      { type: 'hello', terminates: false, roots: [caDer] },
    ]);
  });

  it('is read defensively: roots that are not strings are dropped, a missing "terminates" means an older relay that does', () => {
    expect(parseRelayMessage('{"type":"hello","roots":["AA",7,null]}')).toEqual({ type: 'hello', terminates: true, roots: ['AA'] });
    expect(parseRelayMessage('{"type":"hello","terminates":false,"roots":"x"}')).toEqual({ type: 'hello', terminates: false, roots: [] });
  });
});

describe('TLS in the page', () => {
  it('is the default: TLS 1.3 end to end, checked against the roots of the relay\'s hello; the relay sees ciphertext', async () => {
    captured.length = 0;
    const s = open(relay, modern);
    await starttls(s);
    const tls = await s.tls();
    expect(where(s)).toBe('page');
    expect(tls).toMatchObject({ version: 'TLSv1.3', authorized: true, authorizationError: null, serverName: 'localhost' });
    expect(tls.certificate).toMatchObject({ subject: 'CN=localhost', issuer: 'CN=Mailwire Test CA', subjectAltNames: expect.arrayContaining(['DNS:localhost', 'IP Address:127.0.0.1']) });
    expect(tls.certificate?.fingerprint256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    s.send('NOOP secret-word');
    await s.expect(/250 secure echo NOOP secret-word\r\n/);
    expect(modern.received).toContain('tls: NOOP secret-word');
    // The page holds the keys: the key log (SSLKEYLOGFILE) names this connection's secrets.
    const keylog = s.transport.keylog;
    expect(keylog.map((l) => l.split(' ')[0])).toEqual(['CLIENT_HANDSHAKE_TRAFFIC_SECRET', 'SERVER_HANDSHAKE_TRAFFIC_SECRET', 'CLIENT_TRAFFIC_SECRET_0', 'SERVER_TRAFFIC_SECRET_0', 'EXPORTER_SECRET']);
    const seen = Buffer.concat(captured).toString('latin1');
    expect(seen).toContain('EHLO laptop'); // before STARTTLS the relay sees plaintext, as anyone on the path would
    expect(seen).not.toContain('secret-word');
    s.transport.close();
  });

  it('a relay without --ca offers no roots: the test CA is unknown, and the verdict says which problem', async () => {
    const s = open(bare, modern);
    await starttls(s);
    const tls = await s.tls();
    expect(tls.authorized).toBe(false);
    expect(tls.authorizationError).toMatch(/Mailwire Test CA.*\(missing-issuer\)$/);
    s.transport.close();
  });
});

describe('--no-terminate', () => {
  it('TLS in the page goes through it unchanged', async () => {
    const s = open(pipeOnly, modern);
    await starttls(s);
    expect(await s.tls()).toMatchObject({ version: 'TLSv1.3', authorized: true });
    s.transport.close();
  });

  it.each([
    ['implicit TLS at the relay', 'implicit'],
    ['STARTTLS at the relay', 'none'],
  ] as const)('refuses %s with a sentence', async (_, tls) => {
    const s = open(pipeOnly, modern, { tlsAt: 'relay' }, tls);
    if (tls === 'none') await starttls(s);
    const end = await closedWith(s);
    expect(end.error).toMatch(/never decrypts sessions \(it runs with --no-terminate\)/);
    expect(end.closed).toBe(true);
  });

  it('refuses the fallback for a TLS 1.2-only server without asking', async () => {
    const asked: string[] = [];
    const s = open(pipeOnly, oldImplicit, { confirmRelayTls: async (q) => (asked.push(q), true) }, 'implicit');
    const end = await closedWith(s);
    expect(asked).toEqual([]);
    expect(end.error).toMatch(/^localhost did not take TLS 1\.3, the only TLS this page speaks: .+\. This relay never decrypts sessions \(--no-terminate\)/);
  });
});

describe('a server without TLS 1.3', () => {
  it('on an implicit-TLS port: asked first, then TLS 1.2 at the relay', async () => {
    const asked: string[] = [];
    const s = open(relay, oldImplicit, { confirmRelayTls: async (q) => (asked.push(q), true) }, 'implicit');
    const tls = await s.tls();
    expect(asked).toHaveLength(1);
    expect(asked[0]).toMatch(/^localhost did not take TLS 1\.3, .*the relay decrypts this session and can read everything in it, passwords included\. Let the relay read this session\? \(y\/n\)$/);
    expect(where(s)).toBe('relay');
    expect(tls).toMatchObject({ version: 'TLSv1.2', authorized: true });
    await s.expect(/^220 fake\.test/);
    s.send('NOOP');
    await s.expect(/250 secure echo NOOP\r\n/);
    s.transport.close();
  });

  it('after STARTTLS: asked, then led back to STARTTLS on a new connection (the learner\'s EHLO name), TLS 1.2 at the relay', async () => {
    const before = oldStartTls.received.length;
    const s = open(relay, oldStartTls, { confirmRelayTls: async () => true });
    await starttls(s);
    expect(await s.tls()).toMatchObject({ version: 'TLSv1.2', authorized: true });
    s.send('NOOP');
    await s.expect(/250 secure echo NOOP\r\n/);
    expect(oldStartTls.received.slice(before)).toEqual(['plain: EHLO laptop', 'plain: STARTTLS', 'plain: EHLO laptop', 'plain: STARTTLS', 'tls: NOOP']);
    // The page's recording (for the live wire view and its capture) ends at the fallback: what the
    // relay decrypts for the page is not what crossed the network.
    const recording = (s.transport as BridgeTransport).recording();
    expect(recording.stoppedBecause).toMatch(/the relay ran TLS 1\.2/);
    expect(new TextDecoder().decode(concatBytes(recording.writes.map((w) => w.bytes)))).not.toContain('secure echo');
    expect(recording.writes.some((w) => w.tls && w.direction === 'to-server')).toBe(true); // our TLS 1.3 ClientHello went out
    s.transport.close();
  });

  it('no is no: the session closes, the relay never does TLS', async () => {
    const s = open(relay, oldImplicit, { confirmRelayTls: async () => false }, 'implicit');
    const end = await closedWith(s);
    expect(end.error).toBe('Not letting the relay read this session: closing it.');
    expect(s.transport.tls).toBeNull();
  });

  it('without a way to ask, there is no fallback', async () => {
    const s = open(relay, oldImplicit, {}, 'implicit');
    const end = await closedWith(s);
    expect(end.error).toMatch(/^localhost did not take TLS 1\.3, the only TLS this page speaks: (it hung up on our TLS 1\.3 hello|it answered our TLS 1\.3 hello with the alert \w+)\.$/);
  });
});
