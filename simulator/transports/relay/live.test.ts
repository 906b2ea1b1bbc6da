/**
 * Bridge mode against real servers nobody here wrote: Dovecot and Postfix on loopback, reached
 * through the relay by the browser-side BridgeConnector, as a learner's terminal would. TLS runs
 * on the browser side (our TLS 1.3 client), and the relay records every byte it forwards: what its
 * operator could read.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BridgeConnector, type BridgeTransport } from '../bridge.ts';
import { LineSession } from './line-session.ts';
import type { LiveServers } from './live-servers.ts';
import { liveSuite } from './live-suite.test-helper.ts';
import { startRelay, type RelayHandle } from './server.ts';

let live: LiveServers;
let relay: RelayHandle;
let connector: BridgeConnector;
/** Every stream byte the relay forwarded, both directions. */
const captured: Buffer[] = [];

const suite = liveSuite();

beforeAll(async () => {
  live = suite.servers;
  relay = await startRelay({ port: 0, origins: [], allowPrivate: true, allowPorts: Object.values(live.ports), ca: suite.pki.caCert }, { log: () => undefined, tap: (_, bytes) => captured.push(Buffer.from(bytes)) });
  connector = new BridgeConnector(relay.url);
}, 60_000);

afterAll(async () => {
  await relay?.close();
});

function expectTrusted(session: LineSession<BridgeTransport>, tls: NonNullable<BridgeTransport['tls']>): void {
  expect(tls.authorized).toBe(true);
  expect(tls.version).toBe('TLSv1.3');
  expect(session.transport.tlsAt).toBe('page');
  expect(tls.certificate?.subjectAltNames).toContain('DNS:localhost');
  expect(tls.certificate?.issuer).toContain('Mailwire Test CA');
  expect(tls.certificate?.fingerprint256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
  expect(session.events.some((e) => e.type === 'error')).toBe(false);
}

describe('bridge mode against Dovecot and Postfix', () => {
  it('IMAP on the STARTTLS port: STARTTLS, LOGIN, SELECT, FETCH', async () => {
    const s = new LineSession(connector.connect('localhost', live.ports.imap, { tls: 'none' }));
    await s.expect(/^\* OK .*Dovecot.*\r\n/m);
    s.send('a1 STARTTLS');
    await s.expect(/a1 OK .*\r\n/);
    s.transport.startTls();
    expectTrusted(s, await s.tls());
    s.send('a2 LOGIN alice wonderland');
    await s.expect(/a2 OK .*\r\n/);
    s.send('a3 SELECT INBOX');
    await s.expect(/\* \d+ EXISTS[\s\S]*a3 OK \[READ-WRITE\].*\r\n/);
    s.send('a4 FETCH 1 BODY[HEADER.FIELDS (SUBJECT)]');
    expect(await s.expect(/a4 OK .*\r\n/)).toContain('Subject: Hello from Dovecot');
    s.send('a5 LOGOUT');
    await s.expect(/a5 OK/);
  });

  it('IMAP on the implicit-TLS port (993 role)', async () => {
    const s = new LineSession(connector.connect('localhost', live.ports.imaps, { tls: 'implicit' }));
    await s.expect(/^\* OK .*\r\n/m);
    expectTrusted(s, await s.tls());
    s.send('b1 LOGIN alice wonderland');
    await s.expect(/b1 OK .*\r\n/);
    s.send('b2 EXAMINE INBOX');
    await s.expect(/b2 OK \[READ-ONLY\]/);
    s.send('b3 LOGOUT');
    await s.expect(/b3 OK/);
  });

  it('POP3 on the STLS port: STLS, USER/PASS, RETR', async () => {
    const s = new LineSession(connector.connect('localhost', live.ports.pop3, { tls: 'none' }));
    await s.expect(/^\+OK .*\r\n/);
    s.send('STLS');
    await s.expect(/^\+OK .*\r\n/m);
    s.transport.startTls();
    expectTrusted(s, await s.tls());
    s.send('USER alice');
    await s.expect(/\+OK.*\r\n/);
    s.send('PASS wonderland');
    await s.expect(/\+OK.*\r\n/);
    s.send('RETR 1');
    expect(await s.expect(/\r\n\.\r\n/)).toContain('This message sits in a real Dovecot maildir.');
    s.send('QUIT');
    await s.expect(/\+OK/);
  });

  it('POP3 on the implicit-TLS port (995 role)', async () => {
    const s = new LineSession(connector.connect('localhost', live.ports.pop3s, { tls: 'implicit' }));
    await s.expect(/^\+OK .*\r\n/);
    expectTrusted(s, await s.tls());
    s.send('USER alice');
    await s.expect(/\+OK.*\r\n/);
    s.send('PASS wonderland');
    await s.expect(/\+OK.*\r\n/);
    s.send('STAT');
    await s.expect(/\+OK \d+ \d+\r\n/);
    s.send('QUIT');
    await s.expect(/\+OK/);
  });

  it('SMTP with STARTTLS and AUTH: a message Postfix delivers into the mailbox Dovecot serves', async () => {
    const s = new LineSession(connector.connect('localhost', live.ports.smtp, { tls: 'none' }));
    await s.expect(/^220 mail\.test ESMTP.*\r\n/);
    s.send('EHLO laptop');
    expect(await s.expect(/250 .*\r\n/)).toContain('250-STARTTLS');
    s.send('STARTTLS');
    await s.expect(/^220 .*\r\n/m);
    s.transport.startTls();
    expectTrusted(s, await s.tls());
    s.send('EHLO laptop');
    expect(await s.expect(/250 .*\r\n/)).toMatch(/250-AUTH .*PLAIN/);
    s.send('AUTH PLAIN AGFsaWNlAHdvbmRlcmxhbmQ=');
    await s.expect(/^235 .*\r\n/m);
    s.send('MAIL FROM:<alice@mail.test>');
    await s.expect(/^250 .*\r\n/m);
    s.send('RCPT TO:<alice@mail.test>');
    await s.expect(/^250 .*\r\n/m);
    s.send('DATA');
    await s.expect(/^354 .*\r\n/m);
    s.send('Subject: Through the relay\r\n\r\nSent from the bridge test.\r\n.');
    await s.expect(/^250 .*queued.*\r\n/m);
    s.send('QUIT');
    await s.expect(/^221 /m);

    // The message arrives in the maildir and IMAP sees it.
    const imap = new LineSession(connector.connect('localhost', live.ports.imaps, { tls: 'implicit' }));
    await imap.expect(/^\* OK .*\r\n/m);
    imap.send('c1 LOGIN alice wonderland');
    await imap.expect(/c1 OK .*\r\n/);
    imap.send('sel SELECT INBOX');
    await imap.expect(/sel OK .*\r\n/);
    let found = '';
    for (let i = 0; i < 50 && !found; i++) {
      imap.send(`s${i} SEARCH SUBJECT "Through the relay"`);
      const reply = await imap.expect(new RegExp(`s${i} OK .*\\r\\n`));
      if (/\* SEARCH \d/.test(reply)) found = 'Through the relay';
      else await new Promise((ok) => setTimeout(ok, 100)); // local delivery is asynchronous
    }
    expect(found).toBe('Through the relay');
    imap.send('c9 LOGOUT');
    await imap.expect(/c9 OK/);
  }, 30_000);

  it('SMTP on the implicit-TLS port (465 role)', async () => {
    const s = new LineSession(connector.connect('localhost', live.ports.smtps, { tls: 'implicit' }));
    await s.expect(/^220 .*\r\n/);
    expectTrusted(s, await s.tls());
    s.send('EHLO laptop');
    const ehlo = await s.expect(/250 .*\r\n/);
    expect(ehlo).toMatch(/250-AUTH .*PLAIN/);
    expect(ehlo).not.toContain('STARTTLS');
    s.send('QUIT');
    await s.expect(/^221 /m);
  });

  describe('what the relay forwards', () => {
    const secrets = ['wonderland', Buffer.from('wonderland').toString('base64'), 'AGFsaWNlAHdvbmRlcmxhbmQ='];

    async function imapLoginAndSmtpAuth(via: BridgeConnector): Promise<string> {
      captured.length = 0;
      const imap = new LineSession(via.connect('localhost', live.ports.imap, { tls: 'none' }));
      await imap.expect(/^\* OK .*\r\n/m);
      imap.send('a1 STARTTLS');
      await imap.expect(/a1 OK .*\r\n/);
      imap.transport.startTls();
      await imap.tls();
      imap.send('a2 LOGIN alice wonderland');
      await imap.expect(/a2 OK .*\r\n/);
      imap.send('a3 LOGOUT');
      await imap.expect(/a3 OK/);
      const smtp = new LineSession(via.connect('localhost', live.ports.smtps, { tls: 'implicit' }));
      await smtp.expect(/^220 .*\r\n/);
      await smtp.tls();
      smtp.send('EHLO laptop');
      await smtp.expect(/250 .*\r\n/);
      smtp.send('AUTH PLAIN AGFsaWNlAHdvbmRlcmxhbmQ=');
      await smtp.expect(/^235 .*\r\n/m);
      smtp.send('QUIT');
      await smtp.expect(/^221 /m);
      return Buffer.concat(captured).toString('latin1');
    }

    it('with TLS in the page: neither the password nor its base64 in any byte the relay forwarded', async () => {
      const seen = await imapLoginAndSmtpAuth(connector);
      expect(seen).toContain('a1 STARTTLS'); // the capture is real: the plaintext before STARTTLS is in it
      expect(seen.length).toBeGreaterThan(2000); // and so are both handshakes
      for (const secret of secrets) expect(seen).not.toContain(secret);
    });

    it('with TLS at the relay (the old way), the same capture holds the password: what the page now spares the learner', async () => {
      const seen = await imapLoginAndSmtpAuth(new BridgeConnector(relay.url, { tlsAt: 'relay' }));
      expect(seen).toContain('a2 LOGIN alice wonderland');
      expect(seen).toContain('AUTH PLAIN AGFsaWNlAHdvbmRlcmxhbmQ=');
    });
  });

  describe('Postfix held to TLS 1.2: a server without TLS 1.3', () => {
    it('STARTTLS: the learner is asked; on yes the relay does TLS 1.2 after leading a new connection back to STARTTLS', async () => {
      const asked: string[] = [];
      const via = new BridgeConnector(relay.url, { confirmRelayTls: async (q) => (asked.push(q), true) });
      const s = new LineSession(via.connect('localhost', live.ports.smtpTls12, { tls: 'none' }));
      await s.expect(/^220 mail\.test ESMTP.*\r\n/);
      s.send('EHLO laptop');
      await s.expect(/250 .*\r\n/);
      s.send('STARTTLS');
      await s.expect(/^220 .*\r\n/m);
      s.transport.startTls();
      const tls = await s.tls();
      expect(asked).toEqual([expect.stringMatching(/^localhost did not take TLS 1\.3, the only TLS this page speaks: it answered our TLS 1\.3 hello with the alert protocol_version\. .*Let the relay read this session\? \(y\/n\)$/)]);
      expect(tls).toMatchObject({ version: 'TLSv1.2', authorized: true });
      expect(s.transport.tlsAt).toBe('relay');
      s.send('EHLO laptop');
      expect(await s.expect(/250 .*\r\n/)).toMatch(/250-AUTH .*PLAIN/);
      s.send('AUTH PLAIN AGFsaWNlAHdvbmRlcmxhbmQ=');
      await s.expect(/^235 .*\r\n/m);
      s.send('QUIT');
      await s.expect(/^221 /m);
    });

    it('implicit TLS (465 role): asked, then TLS 1.2 at the relay', async () => {
      const via = new BridgeConnector(relay.url, { confirmRelayTls: async () => true });
      const s = new LineSession(via.connect('localhost', live.ports.smtpsTls12, { tls: 'implicit' }));
      expect(await s.tls()).toMatchObject({ version: 'TLSv1.2', authorized: true });
      await s.expect(/^220 .*\r\n/);
      s.send('QUIT');
      await s.expect(/^221 /m);
    });

    it('through a --no-terminate relay: refused without asking, the relay never decrypts', async () => {
      const pipeOnly = await startRelay({ port: 0, origins: [], allowPrivate: true, allowPorts: Object.values(live.ports), ca: suite.pki.caCert, terminate: false }, { log: () => undefined });
      try {
        const asked: string[] = [];
        const s = new LineSession(new BridgeConnector(pipeOnly.url, { confirmRelayTls: async (q) => (asked.push(q), true) }).connect('localhost', live.ports.smtpsTls12, { tls: 'implicit' }));
        for (let i = 0; i < 200 && !s.events.some((e) => e.type === 'closed'); i++) await new Promise((ok) => setTimeout(ok, 25));
        expect(asked).toEqual([]);
        expect(s.events.find((e) => e.type === 'error')).toMatchObject({ code: 'TLS', message: expect.stringMatching(/This relay never decrypts sessions \(--no-terminate\)/) });
      } finally {
        await pipeOnly.close();
      }
    });
  });
});
