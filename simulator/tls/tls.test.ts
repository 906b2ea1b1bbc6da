import { describe, expect, it } from 'vitest';
import { issueCertificate, type Identity } from './certificate.ts';
import { TlsClient, type CertificatePolicy } from './client.ts';
import { TlsServer } from './server.ts';
import type { TlsOutput, TlsSession, TlsSummary } from './session.ts';
import { utf8Bytes, utf8Text, indexOfBytes } from '../wire/bytes.ts';
import { testRandom } from '../testing/random.ts';

const NOW = Date.UTC(2026, 10, 26);
const DAY = 86_400_000;

/** Each pki() makes new keys (a forger's CA has the same name, never the same key). */
let made = 0;

async function pki(name = 'mail.example.com', caName = 'CN=Mailwire Virtual CA') {
  made++;
  const ca = await issueCertificate({ subject: caName, isCA: true, validFrom: NOW - DAY, validTo: NOW + 365 * DAY, random: testRandom(`ca ${caName} ${made}`) });
  const server = await issueCertificate({ subject: `CN=${name}`, subjectAltNames: [name], validFrom: NOW - DAY, validTo: NOW + 90 * DAY, issuer: ca, random: testRandom(`server ${name} ${made}`) });
  return { ca, server };
}

interface Run {
  client: TlsClient;
  server: TlsServer;
  wire: Array<{ from: 'client' | 'server'; bytes: Uint8Array }>;
  received: { client: string[]; server: string[] };
  alerts: TlsOutput[];
  summary: TlsSummary | null;
}

/** Pumps bytes between the two ends until both are quiet, recording what crossed the wire. */
async function pump(run: Run, from: 'client' | 'server', outputs: TlsOutput[]): Promise<void> {
  for (const o of outputs) {
    if (o.type === 'send') {
      run.wire.push({ from, bytes: o.bytes });
      const peer: TlsSession = from === 'client' ? run.server : run.client;
      await pump(run, from === 'client' ? 'server' : 'client', await peer.receive(o.bytes));
    } else if (o.type === 'data') run.received[from].push(utf8Text(o.bytes));
    else if (o.type === 'alert') run.alerts.push(o);
    else if (o.type === 'handshake' && from === 'client') run.summary = o.summary;
  }
}

async function connect(identity: Identity, trusted: Identity[], serverName: string, policy: CertificatePolicy = 'strict', now = NOW): Promise<Run> {
  const client = new TlsClient({ serverName, trusted: trusted.map((t) => t.certificate), now, policy, random: testRandom('client') });
  const server = new TlsServer(identity, testRandom('server'));
  const run: Run = { client, server, wire: [], received: { client: [], server: [] }, alerts: [], summary: null };
  await pump(run, 'client', await client.start());
  return run;
}

describe('virtual TLS', () => {
  it('completes a handshake and carries data both ways, encrypted on the wire', async () => {
    const { ca, server } = await pki();
    const run = await connect(server, [ca], 'mail.example.com');
    expect(run.client.state).toBe('connected');
    expect(run.server.state).toBe('connected');
    expect(run.server.serverName).toBe('mail.example.com');
    expect(run.summary?.verification?.authorized).toBe(true);
    expect(run.summary?.certificate.subject).toBe('CN=mail.example.com');
    expect(run.summary?.certificate.fingerprint256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);

    await pump(run, 'client', await run.client.send(utf8Bytes('a1 LOGIN alice wonderland\r\n')));
    await pump(run, 'server', await run.server.send(utf8Bytes('a1 OK LOGIN completed\r\n')));
    expect(run.received.server).toEqual(['a1 LOGIN alice wonderland\r\n']);
    expect(run.received.client).toEqual(['a1 OK LOGIN completed\r\n']);
    const all = run.wire.map((w) => w.bytes);
    // An observer sees the host name in the ClientHello (SNI) but never the password.
    expect(all.some((b) => indexOfBytes(b, utf8Bytes('mail.example.com')) >= 0)).toBe(true);
    expect(all.some((b) => indexOfBytes(b, utf8Bytes('wonderland')) >= 0)).toBe(false);
    expect(all.some((b) => indexOfBytes(b, utf8Bytes('LOGIN')) >= 0)).toBe(false);
    // Record shapes: handshake records first, then only application_data (23).
    expect(run.wire[0]!.bytes[0]).toBe(22);
    expect(run.wire[1]!.bytes[0]).toBe(22);
    expect(run.wire.slice(2).every((w) => w.bytes[0] === 23)).toBe(true);
  });

  it('rejects a record that was altered in transit', async () => {
    const { ca, server } = await pki();
    const run = await connect(server, [ca], 'mail.example.com');
    const [record] = await run.client.send(utf8Bytes('QUIT\r\n'));
    const bytes = (record as { bytes: Uint8Array }).bytes.slice();
    bytes[bytes.length - 3]! ^= 0x01;
    const out = await run.server.receive(bytes);
    expect(out.some((o) => o.type === 'data')).toBe(false);
    expect(out.find((o) => o.type === 'alert')).toMatchObject({ fatal: true, sent: true, description: expect.stringContaining('bad_record_mac') });
    expect(run.server.state).toBe('failed');
  });

  it('a strict client refuses a certificate from an unknown CA (an impostor)', async () => {
    const { ca } = await pki();
    const impostor = await pki('mail.example.com', 'CN=Eve Interception CA');
    const run = await connect(impostor.server, [ca], 'mail.example.com');
    expect(run.client.state).toBe('failed');
    expect(run.alerts.find((a) => a.type === 'alert' && a.sent)).toMatchObject({ fatal: true, sent: true, description: expect.stringContaining('unknown_ca') });
  });

  it('a strict client refuses a forged certificate that names the trusted CA as issuer', async () => {
    const { ca } = await pki();
    const forger = await pki();
    const run = await connect(forger.server, [ca], 'mail.example.com');
    expect(run.client.state).toBe('failed');
    expect(run.alerts.find((a) => a.type === 'alert' && a.sent)).toMatchObject({ fatal: true, sent: true, description: expect.stringContaining('bad_certificate') });
  });

  it('a warning client goes on, and reports why the certificate is not trusted', async () => {
    const { ca } = await pki();
    const wrongName = await pki('mail.example.net');
    const run = await connect(wrongName.server, [wrongName.ca, ca], 'mail.example.com', 'warn');
    expect(run.client.state).toBe('connected');
    expect(run.summary?.verification).toMatchObject({ authorized: false, error: 'NAME_MISMATCH', nameMatches: false });
  });

  it('refuses an expired certificate', async () => {
    const { ca, server } = await pki();
    const run = await connect(server, [ca], 'mail.example.com', 'strict', NOW + 100 * DAY);
    expect(run.client.state).toBe('failed');
    expect(run.alerts.map((a) => (a.type === 'alert' ? a.description : '')).join()).toContain('certificate_expired');
  });

  it('answers garbage with a decode_error alert, never an exception', async () => {
    const { server } = await pki();
    const tls = new TlsServer(server, testRandom('server'));
    const out = await tls.receive(utf8Bytes('EHLO laptop\r\n'));
    expect(out.find((o) => o.type === 'alert')).toMatchObject({ fatal: true });
    expect(tls.state).toBe('failed');
  });

  it('handles records split at every byte', async () => {
    const { ca, server } = await pki();
    const client = new TlsClient({ serverName: 'mail.example.com', trusted: [ca.certificate], now: NOW, policy: 'strict', random: testRandom('client') });
    const tls = new TlsServer(server, testRandom('server'));
    const [hello] = await client.start();
    const bytes = (hello as { bytes: Uint8Array }).bytes;
    const replies: TlsOutput[] = [];
    for (let i = 0; i < bytes.length; i++) replies.push(...(await tls.receive(bytes.subarray(i, i + 1))));
    expect(replies.filter((o) => o.type === 'send').length).toBe(5);
  });
});

describe('what an observer sees', () => {
  it('reads SNI from the ClientHello and nothing but lengths afterwards', async () => {
    const { RecordObserver } = await import('./observe.ts');
    const { ca, server } = await pki();
    const run = await connect(server, [ca], 'mail.example.com');
    await pump(run, 'client', await run.client.send(utf8Bytes('PASS builder\r\n')));
    const fromClient = new RecordObserver();
    const seen = run.wire.filter((w) => w.from === 'client').flatMap((w) => fromClient.push(w.bytes));
    expect(seen[0]).toMatchObject({ contentType: 'handshake', messages: ['ClientHello'], serverName: 'mail.example.com' });
    expect(seen.slice(1).every((r) => r.contentType === 'application_data' && r.serverName === null)).toBe(true);
    expect(seen[seen.length - 1]!.learns).toContain('14 octets');
  });
});
