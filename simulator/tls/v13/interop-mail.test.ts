/**
 * Our TLS 1.3 client against the real mail servers of the live suite: Dovecot (IMAP on the
 * implicit-TLS port and after STARTTLS, POP3 after STLS and implicit) and Postfix (implicit TLS
 * "wrappermode", and STARTTLS). Each logs in or says hello over TLS and ends with close_notify.
 * First with the servers' default TLS settings, then with each cipher suite and each group forced
 * in turn on the server side (live-servers-forced-tls.ts): every session must agree on the forced
 * one, and a client that does not offer it must be refused by both servers.
 */
import { readFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveServers } from '../../transports/relay/live-servers.ts';
import { describeForced, startForcedTlsServers, type ForcedTls } from '../../transports/relay/live-servers-forced-tls.ts';
import { liveSuite } from '../../transports/relay/live-suite.test-helper.ts';
import { pump, type Pumped } from '../../testing/tls-pump.ts';
import { systemRandom } from '../../transports/system-random.ts';
import { TlsClient, type ClientConfig } from './client.ts';
import type { HandshakeSummary, TlsEvent } from './events.ts';
import type { GroupName } from './groups.ts';
import { SUITES, type SuiteName } from './suites.ts';

const live = liveSuite();
const der = (pem: string) => new Uint8Array(Buffer.from(pem.replace(/-----[^-]+-----|\s/g, ''), 'base64'));
type Offer = Pick<ClientConfig, 'suites' | 'groups'>;

/** Reads plaintext lines before TLS until `done` says the reply is complete. */
function plainUntil(socket: Socket, done: (text: string) => boolean): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    const onData = (d: Buffer) => {
      text += String(d);
      if (done(text)) {
        socket.off('data', onData);
        resolve(text);
      }
    };
    socket.on('data', onData);
  });
}

function startTls(socket: Socket, offer: Offer): { client: TlsClient; io: Pumped } {
  const client = new TlsClient({ serverName: 'mail.test', roots: [der(live.pki.caCert)], random: systemRandom(), ...offer });
  return { client, io: pump(client, socket, client.start(Date.now())) };
}

async function tlsOver(socket: Socket, offer: Offer): Promise<{ client: TlsClient; io: Pumped }> {
  const started = startTls(socket, offer);
  await started.io.until('handshake', () => started.client.phase === 'connected');
  return started;
}

async function say(client: TlsClient, io: Pumped, line: string, until: RegExp): Promise<void> {
  io.apply(client.write(new TextEncoder().encode(`${line}\r\n`)));
  await io.until(`reply to ${line}`, () => until.test(io.text()));
}

function opened(port: number): Promise<Socket> {
  const socket = connect(port, '127.0.0.1');
  return new Promise((r) => socket.once('connect', () => r(socket)));
}

function summary(io: Pumped): HandshakeSummary {
  const found = io.events.find((e): e is Extract<TlsEvent, { kind: 'handshake-complete' }> => e.kind === 'handshake-complete')?.summary;
  if (!found) throw new Error('no handshake-complete event');
  return found;
}

/** One mail session over TLS: what it checks on the way, and the handshake it made. */
type MailSession = (servers: LiveServers, offer: Offer) => Promise<HandshakeSummary>;

const SESSIONS: Record<string, MailSession> = {
  'IMAP with TLS from the first octet: greeting, LOGIN, LOGOUT': async (servers, offer) => {
    const socket = await opened(servers.ports.imaps);
    const { client, io } = await tlsOver(socket, offer);
    await io.until('greeting', () => io.text().includes('* OK'));
    const { login, password } = servers.user;
    await say(client, io, `a LOGIN ${login} ${password}`, /a OK/);
    await say(client, io, 'b LOGOUT', /b OK/);
    io.apply(client.close());
    socket.destroy();
    expect(io.events).toContainEqual(expect.objectContaining({ kind: 'certificate', verdict: expect.objectContaining({ ok: true }) }));
    return summary(io);
  },
  'IMAP STARTTLS, then CAPABILITY over TLS': async (servers, offer) => {
    const socket = await opened(servers.ports.imap);
    await plainUntil(socket, (t) => t.includes('* OK'));
    socket.write('s STARTTLS\r\n');
    await plainUntil(socket, (t) => /s OK/.test(t));
    const { client, io } = await tlsOver(socket, offer);
    await say(client, io, 'c CAPABILITY', /c OK/);
    expect(io.text()).toMatch(/AUTH=PLAIN/);
    io.apply(client.close());
    socket.destroy();
    return summary(io);
  },
  'POP3 STLS, then USER over TLS': async (servers, offer) => {
    const plain = await opened(servers.ports.pop3);
    await plainUntil(plain, (t) => t.includes('+OK'));
    plain.write('STLS\r\n');
    await plainUntil(plain, (t) => t.includes('+OK'));
    const { client, io } = await tlsOver(plain, offer);
    await say(client, io, `USER ${servers.user.login}`, /\+OK/);
    io.apply(client.close());
    plain.destroy();
    return summary(io);
  },
  'POP3 on the implicit-TLS port: greeting, QUIT': async (servers, offer) => {
    const implicit = await opened(servers.ports.pop3s);
    const { client, io } = await tlsOver(implicit, offer);
    await io.until('greeting', () => io.text().includes('+OK'));
    await say(client, io, 'QUIT', /\+OK[\s\S]*\+OK/);
    io.apply(client.close());
    implicit.destroy();
    return summary(io);
  },
  'Postfix with TLS from the first octet: EHLO offers AUTH, QUIT': async (servers, offer) => {
    const implicit = await opened(servers.ports.smtps);
    const { client, io } = await tlsOver(implicit, offer);
    await io.until('greeting', () => /^220 /m.test(io.text()));
    await say(client, io, 'EHLO tls13.test', /^250 /m);
    expect(io.text()).toMatch(/AUTH/);
    await say(client, io, 'QUIT', /^221 /m);
    implicit.destroy();
    return summary(io);
  },
  'Postfix STARTTLS, then EHLO offers AUTH': async (servers, offer) => {
    const plain = await opened(servers.ports.smtp);
    await plainUntil(plain, (t) => /^220 /m.test(t));
    plain.write('EHLO tls13.test\r\n');
    await plainUntil(plain, (t) => /^250 /m.test(t));
    plain.write('STARTTLS\r\n');
    await plainUntil(plain, (t) => /^220 /m.test(t));
    const { client, io } = await tlsOver(plain, offer);
    await say(client, io, 'EHLO tls13.test', /^250 /m);
    expect(io.text()).toMatch(/AUTH/);
    io.apply(client.close());
    plain.destroy();
    return summary(io);
  },
};

describe('client against Dovecot and Postfix, default TLS settings', () => {
  for (const [name, run] of Object.entries(SESSIONS)) {
    it(name, async () => {
      expect(await run(live.servers, {})).toMatchObject({ serverName: 'mail.test' });
    });
  }
});

/** What came back to a ClientHello offering none of what the server allows. */
async function refused(port: number, offer: Offer): Promise<{ alerts: TlsEvent[]; serverHello: boolean; connected: boolean }> {
  const socket = await opened(port);
  const { client, io } = startTls(socket, offer);
  await io.ended;
  return {
    alerts: io.events.filter((e) => e.kind === 'alert-received'),
    serverHello: io.events.some((e) => e.kind === 'handshake-message' && e.direction === 'received'),
    connected: client.phase === 'connected',
  };
}

/** Dovecot's login process logs why a handshake failed; it reaches the file a moment later. */
async function dovecotLogged(servers: LiveServers, pattern: RegExp): Promise<string> {
  for (let i = 0; i < 40; i++) {
    const found = readFileSync(join(servers.dir, 'dovecot.log'), 'utf8').split('\n').find((l) => pattern.test(l));
    if (found) return found;
    await new Promise((ok) => setTimeout(ok, 50));
  }
  throw new Error(`dovecot.log has no line matching ${pattern}`);
}

const FORCED: ForcedTls[] = [
  { suite: 'TLS_AES_128_GCM_SHA256' },
  { suite: 'TLS_AES_256_GCM_SHA384' },
  { suite: 'TLS_CHACHA20_POLY1305_SHA256' },
  { group: 'x25519' },
  { group: 'secp256r1' },
];
const ALL_GROUPS: GroupName[] = ['x25519', 'secp256r1'];

for (const forced of FORCED) {
  describe(`Dovecot and Postfix with only ${describeForced(forced)}`, () => {
    let servers: LiveServers | undefined;
    beforeAll(async () => {
      servers = await startForcedTlsServers(live.pki, forced);
    }, 60_000);
    afterAll(() => servers?.stop());

    const how = 'suite' in forced ? 'offered last of three' : 'offered second, so the server asks with HelloRetryRequest';
    it(`every mail session agrees on it (${how})`, async () => {
      for (const [name, run] of Object.entries(SESSIONS)) {
        // Offer the forced one last, so the server's choice is not the client's first preference.
        const offer: Offer = 'suite' in forced
          ? { suites: [...SUITES.map((s) => s.name).filter((n) => n !== forced.suite), forced.suite] }
          : { groups: [...ALL_GROUPS.filter((g) => g !== forced.group), forced.group] };
        const made = await run(servers!, offer).catch((error: unknown) => {
          throw new Error(`${name}: ${error instanceof Error ? error.message : String(error)}`);
        });
        if ('suite' in forced) expect(made.suite, name).toBe(forced.suite);
        else expect(made, name).toMatchObject({ group: forced.group, helloRetry: true });
      }
    }, 30_000);

    it('both servers refuse a client that offers everything else', async () => {
      const offer: Offer = 'suite' in forced ? { suites: SUITES.map((s) => s.name).filter((n): n is SuiteName => n !== forced.suite) } : { groups: ALL_GROUPS.filter((g) => g !== forced.group) };
      // Postfix answers with the alert (RFC 8446 §6.2); Dovecot's login process closes the
      // connection without flushing one, and logs OpenSSL's reason.
      expect(await refused(servers!.ports.smtps, offer)).toEqual({ alerts: [{ kind: 'alert-received', alert: 'handshake_failure' }], serverHello: false, connected: false });
      expect(await refused(servers!.ports.imaps, offer)).toEqual({ alerts: [], serverHello: false, connected: false });
      const reason = 'suite' in forced ? 'no shared cipher' : 'no suitable key share';
      expect(await dovecotLogged(servers!, /imap-login: .*SSL_accept\(\) failed/)).toContain(`SSL routines::${reason}`);
    }, 20_000);
  });
}
