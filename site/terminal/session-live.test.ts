/** Bridge mode in the terminal: live connections through a relay, the relay setting, TLS and its questions. */
import { describe, expect, it } from 'vitest';
import type { TlsInfo } from '../../simulator/engine.ts';
import { MemoryStorage } from '../browser/page-storage.ts';
import { ScriptedConnector, makeHarness, settle } from './testing/harness.ts';

function live(options: { live?: boolean; storage?: MemoryStorage } = {}) {
  const sim = new ScriptedConnector();
  const bridge = new ScriptedConnector();
  const relays: string[] = [];
  const h = makeHarness({
    connector: sim,
    cols: 200,
    liveConnector: (url) => {
      relays.push(url);
      return bridge;
    },
    ...options,
  });
  return { h, sim, bridge, relays };
}

const CERT = {
  subject: 'CN=localhost',
  issuer: 'CN=Mailwire Test CA',
  subjectAltNames: ['DNS:localhost'],
  validFrom: 'Nov 26 06:00:00 2026 GMT',
  validTo: 'Nov 28 06:00:00 2026 GMT',
  fingerprint256: 'AA:BB',
};
const tlsInfo = (authorized: boolean): TlsInfo => ({
  version: 'TLSv1.3',
  cipher: 'TLS_AES_256_GCM_SHA384',
  certificate: CERT,
  authorized,
  authorizationError: authorized ? null : 'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
});

describe('/connect --live and /relay', () => {
  it('goes through the relay URL set with /relay, with implicit TLS on 993', async () => {
    const { h, bridge, sim, relays } = live();
    h.enter('/relay ws://127.0.0.1:9999');
    expect(h.lines()).toContain('Live connections now go through ws://127.0.0.1:9999/relay.');
    h.enter('/connect --live localhost 993');
    expect(relays).toEqual(['ws://127.0.0.1:9999/relay']);
    expect(sim.transports).toEqual([]);
    expect(bridge.last.options).toEqual({ tls: 'implicit' });
    expect(h.lines()).toContain('Trying localhost port 993 (IMAP over TLS), live through the relay at ws://127.0.0.1:9999/relay...');
    bridge.last.emit({ type: 'open', remote: 'localhost (127.0.0.1)', port: 993 });
    await settle();
    expect(h.lines()).toContain('Connected to localhost (127.0.0.1) port 993.');
    expect(h.lines().at(-1)).toBe('localhost:993 live>');
  });

  it('/relay alone shows the relay; a URL that is not ws:// is refused', () => {
    const { h } = live();
    h.enter('/relay');
    expect(h.lines()).toContain('Relay: ws://127.0.0.1:8787/relay (live is off; "npm start" or "npm run relay" runs one).');
    h.enter('/relay http://x/relay');
    expect(h.lines()).toContain('a relay is reached over ws:// or wss://, not http://. Usage: /relay [URL]');
  });

  it('--tls asks for TLS at once on any port; --sim uses the simulator even when Live is on', () => {
    const { h, bridge, sim } = live({ live: true });
    h.enter('/connect --tls localhost 10993');
    expect(bridge.last.options).toEqual({ tls: 'implicit' });
    h.enter('/disconnect');
    h.enter('/connect --sim mail.example.com 25');
    expect(sim.last.options).toEqual({ tls: 'none' });
    h.enter('/disconnect');
    h.enter('/connect --bogus a 1');
    expect(h.lines()).toContain('Unknown option "--bogus". Usage: /connect HOST PORT');
  });

  it('the Live switch: /live on|off and "/connect --live" alone, remembered per terminal', () => {
    const storage = new MemoryStorage();
    const { h, bridge } = live({ storage });
    h.enter('/connect --live');
    expect(h.lines().at(-2)).toMatch(/^Live: \/connect now reaches real servers through the relay/);
    h.enter('/connect mail.test 25');
    expect(bridge.transports).toHaveLength(1);
    h.enter('/disconnect');
    h.enter('/live off');
    expect(h.lines().at(-2)).toMatch(/^Live is off/);
    expect(live({ storage }).h.session.live).toBe(false);
    h.enter('/live on');
    expect(live({ storage }).h.session.live).toBe(true);
    expect(live({ storage, live: false }).h.session.live).toBe(false);
  });

  it('when no relay answers, says so and how to start one', async () => {
    const { h, bridge } = live();
    h.enter('/connect --live mail.test 25');
    bridge.last.emit({ type: 'error', code: 'REFUSED', message: 'no relay answers at ws://127.0.0.1:8787/relay: start one with "npm run relay"' });
    bridge.last.emit({ type: 'closed', by: 'relay', reason: 'could not reach the relay' });
    await settle();
    expect(h.lines()).toContain('No relay answers at ws://127.0.0.1:8787/relay: live connections need one, because a browser cannot open a TCP connection itself.');
    expect(h.lines()).toContain('Start one: "npm start" runs one beside the site, or "npm run relay" on its own; /relay URL points the terminal at another.');
    expect(h.lines().at(-1)).toBe('mailwire>');
  });

  it('shows the relay\'s policy refusal in its own words', async () => {
    const { h, bridge } = live();
    h.enter('/connect --live 10.0.0.1 25');
    bridge.last.emit({ type: 'error', code: 'POLICY', message: '10.0.0.1 is a private address' });
    await settle();
    expect(h.lines()).toContain('The relay refused: 10.0.0.1 is a private address.');
  });
});

/** A live IMAP connection on 143 that has had its greeting, offering STARTTLS. */
async function greetedOn143() {
  const { h, bridge } = live();
  h.enter('/connect --live localhost 143');
  const t = bridge.last;
  t.emit({ type: 'open', remote: 'localhost (127.0.0.1)', port: 143 });
  t.reply('* OK [CAPABILITY IMAP4rev1 STARTTLS] ready');
  await settle();
  return { h, t };
}

describe('TLS in the terminal', () => {
  it('starts TLS once the server agrees to STARTTLS, holding typed lines until it is on', async () => {
    const { h, t } = await greetedOn143();
    h.enter('a STARTTLS');
    h.enter('a2 LOGIN alice wonderland');
    expect(t.sent).toEqual(['a STARTTLS\r\n']);
    t.reply('a OK Begin TLS negotiation now.');
    await settle();
    expect(t.startTlsCalls).toBe(1);
    expect(t.sent).toEqual(['a STARTTLS\r\n']);
    t.emit({ type: 'tls', info: tlsInfo(true) });
    await settle();
    expect(t.sent).toEqual(['a STARTTLS\r\n', 'a2 LOGIN alice wonderland\r\n']);
    expect(h.lines()).toContain(
      'TLS is on: TLSv1.3, TLS_AES_256_GCM_SHA384; certificate CN=localhost issued by CN=Mailwire Test CA, valid 2026-11-26 to 2026-11-28; name matches localhost.',
    );
  });

  it('a STARTTLS inside an IMAP literal is message text: nothing is held', async () => {
    const { h, t } = await greetedOn143();
    h.enter('a1 APPEND INBOX {13}');
    t.reply('+ Ready for literal data');
    await settle();
    h.enter('a9 STARTTLS');
    h.enter('');
    h.enter('a2 NOOP');
    expect(t.sent).toEqual(['a1 APPEND INBOX {13}\r\n', 'a9 STARTTLS\r\n', '\r\n', 'a2 NOOP\r\n']);
  });

  it('a refused STARTTLS releases the held lines without starting TLS', async () => {
    const { h, bridge } = live();
    h.enter('/connect --live localhost 25');
    const t = bridge.last;
    t.emit({ type: 'open', remote: 'localhost', port: 25 });
    t.reply('220 mail.test ESMTP');
    await settle();
    h.enter('STARTTLS');
    h.enter('QUIT');
    t.reply('454 4.7.0 TLS not available due to local problem');
    await settle();
    expect(t.startTlsCalls).toBe(0);
    expect(t.sent).toEqual(['STARTTLS\r\n', 'QUIT\r\n']);
  });

  it('an untrusted certificate asks y/n; the greeting waits; y goes on', async () => {
    const { h, bridge } = live();
    h.enter('/connect --live localhost 993');
    const t = bridge.last;
    t.emit({ type: 'open', remote: 'localhost', port: 993 });
    h.enter('a1 NOOP');
    t.emit({ type: 'tls', info: tlsInfo(false) });
    t.reply('* OK ready');
    await settle();
    expect(h.lines()).toContain("The server's certificate is not trusted: no authority this relay trusts signed it (UNABLE_TO_VERIFY_LEAF_SIGNATURE). Go on anyway? (y/n)");
    expect(h.lines()).not.toContain('* OK ready');
    expect(h.lines().at(-1)).toBe('Go on? (y/n)');
    h.enter('maybe');
    expect(h.lines()).toContain('Please answer y (go on with this certificate) or n (close the connection).');
    expect(t.sent).toEqual([]);
    h.enter('y');
    expect(h.lines()).toContain('* OK ready');
    expect(t.sent).toEqual(['a1 NOOP\r\n']);
    expect(h.lines().at(-1)).toBe('localhost:993 live tls>');
  });

  it('n closes the connection', async () => {
    const { h, bridge } = live();
    h.enter('/connect --live localhost 995');
    const t = bridge.last;
    t.emit({ type: 'open', remote: 'localhost', port: 995 });
    t.emit({ type: 'tls', info: tlsInfo(false) });
    await settle();
    h.enter('n');
    expect(t.closedByClient).toBe(true);
    expect(h.lines().slice(-3)).toEqual(['Not going on: closing the connection.', 'Connection closed by you.', 'mailwire>']);
  });
});

describe('slash commands while the certificate question waits', () => {
  it('/disconnect answers it by closing', async () => {
    const { h, bridge } = live();
    h.enter('/connect --live localhost 993');
    const t = bridge.last;
    t.emit({ type: 'open', remote: 'localhost', port: 993 });
    t.emit({ type: 'tls', info: tlsInfo(false) });
    await settle();
    h.enter('/disconnect');
    expect(t.closedByClient).toBe(true);
    expect(h.lines().at(-1)).toBe('mailwire>');
    h.enter('y');
    expect(h.lines().at(-2)).toBe('Not connected: /connect HOST PORT first (/hosts lists the servers).');
  });
});

describe('Tab on a live server: what the dialogue says the state allows', () => {
  it('knows the protocol from the greeting on an unusual port, and completes after login only what is allowed', async () => {
    const { h, bridge } = live();
    h.enter('/connect --live localhost 10143');
    const t = bridge.last;
    t.emit({ type: 'open', remote: 'localhost', port: 10143 });
    t.reply('* OK [CAPABILITY IMAP4rev1] Dovecot ready.');
    await settle();
    expect(h.session.connection?.protocol).toBe('imap');
    h.type('a1 SEL\t');
    expect(h.session.editor.text).toBe('a1 SEL');
    h.type('\x15a1 LOG\t');
    expect(h.session.editor.text).toBe('a1 LOG');
    h.type('\x15');
    h.enter('a1 LOGIN alice wonderland');
    t.reply('a1 OK Logged in');
    await settle();
    h.type('a2 SEL\t');
    expect(h.session.editor.text).toBe('a2 SELECT ');
  });
});
