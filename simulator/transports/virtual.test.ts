import { describe, expect, it } from 'vitest';
import { Mta } from '../mta/mta.ts';
import { runSmtpSession } from '../mta/mta-session.ts';
import { ManualScheduler } from '../net/virtual-network-clock.ts';
import { createVirtualNetwork } from '../net/virtual-network-engines.ts';
import { defaultWorld } from '../world/world.ts';
import type { TransportEvent } from '../transport.ts';
import { utf8Bytes, utf8Text } from '../wire/bytes.ts';
import { VirtualConnector, type VirtualTransport } from './virtual.ts';
import { testRandom } from '../testing/random.ts';

const T0 = Date.UTC(2026, 10, 26, 9, 0, 0);

function setup() {
  const world = defaultWorld(T0);
  const scheduler = new ManualScheduler(T0);
  // Driven synchronously with runDue(): the parameters-only stand-in TLS (the records have their own describe below).
  const network = createVirtualNetwork(world, { now: scheduler.clock, scheduler, random: testRandom(), strict: true, tlsLayer: 'stand-in' });
  return { world, scheduler, network, connector: new VirtualConnector(network) };
}

/** Collects a transport's events; `lines()` gives the server's text so far, line by line. */
function listen(t: VirtualTransport) {
  const events: TransportEvent[] = [];
  t.on((e) => events.push(e));
  const lines = (): string[] => events.flatMap((e) => (e.type === 'data' ? [utf8Text(e.bytes)] : [])).join('').split('\r\n').filter(Boolean);
  return { events, lines };
}

describe('VirtualConnector', () => {
  it('connects to a non-existent host → DNS error, then closed', () => {
    const { connector, scheduler } = setup();
    const t = connector.connect('mail.nowhere.test', 25);
    const { events } = listen(t);
    expect(events).toEqual([]);
    scheduler.runDue();
    expect(events).toMatchObject([{ type: 'error', code: 'DNS' }, { type: 'closed', by: 'client' }]);
    expect(t.sessionId).toBeNull();
  });

  it('connects to a port nothing listens on → REFUSED', () => {
    const { connector, scheduler } = setup();
    const t = connector.connect('mail.example.com', 2526);
    const { events } = listen(t);
    scheduler.runDue();
    expect(events[0]).toMatchObject({ type: 'error', code: 'REFUSED', message: expect.stringContaining('connection refused') });
  });

  it('holds events until a handler is attached, and delivers them asynchronously in order', () => {
    const { connector, scheduler } = setup();
    const t = connector.connect('mail.example.com', 25);
    scheduler.runDue();
    const { events } = listen(t);
    expect(events).toEqual([]);
    scheduler.runDue();
    expect(events[0]).toEqual({ type: 'open', remote: 'mail.example.com', port: 25 });
    expect(events[1]).toMatchObject({ type: 'data' });
    expect(utf8Text((events[1] as { bytes: Uint8Array }).bytes)).toBe('220 mail.example.com ESMTP Mailwire\r\n');
  });

  it('carries a learner’s submission: EHLO, STARTTLS, AUTH, MAIL, RCPT, DATA, QUIT', () => {
    const { connector, scheduler, world } = setup();
    const t = connector.connect('mail.example.com', 587);
    const { events, lines } = listen(t);
    const say = (text: string): void => {
      t.send(utf8Bytes(text + '\r\n'));
      scheduler.runDue();
    };
    scheduler.runDue();
    say('EHLO laptop');
    expect(lines()).toContain('250-STARTTLS');
    say('STARTTLS');
    expect(lines().at(-1)).toBe('220 2.0.0 Ready to start TLS');
    expect(t.tls).toBeNull();
    t.startTls();
    scheduler.runDue();
    expect(events.at(-1)).toMatchObject({ type: 'tls', info: { version: 'TLSv1.3', serverName: 'mail.example.com' } });
    expect(t.tls?.cipher).toBe('TLS_AES_128_GCM_SHA256');
    say('EHLO laptop');
    say('AUTH PLAIN AGFsaWNlAHdvbmRlcmxhbmQ=');
    expect(lines().at(-1)).toMatch(/^235 2\.7\.0/);
    say('MAIL FROM:<alice@example.com>');
    say('RCPT TO:<bob@example.org>');
    say('DATA');
    expect(lines().at(-1)).toMatch(/^354/);
    say('Subject: hi\r\n\r\nHello Bob\r\n.');
    expect(lines().at(-1)).toMatch(/^250 2\.0\.0/);
    expect(t.serverState).not.toBeNull();
    say('QUIT');
    expect(lines().at(-1)).toMatch(/^221/);
    expect(events.at(-1)).toEqual({ type: 'closed', by: 'server' });
    expect(world.queue).toHaveLength(1);
  });

  it('is TLS from the start on implicit-TLS ports (465)', () => {
    const { connector, scheduler } = setup();
    const t = connector.connect('mail.example.com', 465);
    const { events, lines } = listen(t);
    scheduler.runDue();
    expect(events.map((e) => e.type)).toEqual(['open', 'tls', 'data']);
    expect(t.tls?.version).toBe('TLSv1.3');
    t.send(utf8Bytes('EHLO laptop\r\n'));
    scheduler.runDue();
    expect(lines()).toContain('250-AUTH PLAIN LOGIN');
  });

  it('reaches the POP3 engine on 110', () => {
    const { connector, scheduler } = setup();
    const t = connector.connect('mail.example.org', 110);
    const { lines } = listen(t);
    scheduler.runDue();
    expect(lines()[0]).toMatch(/^\+OK/);
  });

  it('reports the client closing', () => {
    const { connector, scheduler, network } = setup();
    const t = connector.connect('mail.example.com', 25);
    const { events } = listen(t);
    t.close();
    scheduler.runDue();
    expect(events.at(-1)).toEqual({ type: 'closed', by: 'client' });
    expect(network.sessions.at(-1)?.closedBy).toBe('client');
  });

  it('stops delivering to a handler once it is removed', () => {
    const { connector, scheduler } = setup();
    const t = connector.connect('mail.example.com', 25);
    const seen: TransportEvent[] = [];
    const off = t.on((e) => seen.push(e));
    off();
    scheduler.runDue();
    expect(seen).toEqual([]);
  });
});

describe('VirtualConnector with IMAP', () => {
  it('wakes an IDLE session when the MTA delivers to the mailbox it watches', async () => {
    const { connector, scheduler, network } = setup();
    const t = connector.connect('mail.example.org', 993);
    const { lines } = listen(t);
    const say = (text: string): void => {
      t.send(utf8Bytes(text + '\r\n'));
      scheduler.runDue();
    };
    scheduler.runDue();
    expect(lines()[0]).toMatch(/^\* OK/);
    say('a1 LOGIN bob@example.org builder');
    expect(lines().at(-1)).toMatch(/^a1 OK/);
    say('a2 SELECT INBOX');
    const exists = Number(/^\* (\d+) EXISTS$/m.exec(lines().join('\n'))![1]);
    say('a3 IDLE');
    expect(lines().at(-1)).toMatch(/^\+ /);

    // alice's mail arrives through submission and the MTA while bob is idling.
    await runSmtpSession(network, 'mail.example.com', 587, {
      clientName: 'laptop', tls: 'required', credentials: { user: 'alice@example.com', password: 'wonderland' },
      from: 'alice@example.com', to: ['bob@example.org'], message: utf8Bytes('Subject: ping\r\n\r\nping\r\n'),
    });
    await new Mta(network).run(scheduler.now);
    expect(lines()).not.toContain(`* ${exists + 1} EXISTS`);
    scheduler.runDue();
    expect(lines()).toContain(`* ${exists + 1} EXISTS`);
    say('DONE');
    expect(lines().at(-1)).toMatch(/^a3 OK/);
  });
});

describe('VirtualConnector with real TLS records', () => {
  function recordsSetup() {
    const world = defaultWorld(T0);
    const scheduler = new ManualScheduler(T0);
    const network = createVirtualNetwork(world, { now: scheduler.clock, scheduler, random: testRandom(), strict: true });
    return { scheduler, network, connector: new VirtualConnector(network, { tlsLayer: 'records' }) };
  }

  it('delivers open, tls (with the certificate) and the greeting in order on 995', async () => {
    const { connector, network } = recordsSetup();
    const t = connector.connect('mail.example.org', 995);
    const { events, lines } = listen(t);
    await network.settle();
    expect(events.map((e) => e.type)).toEqual(['open', 'tls', 'data']);
    expect(t.tls).toMatchObject({ authorized: true, serverName: 'mail.example.org', certificate: { subject: 'CN=mail.example.org', issuer: 'CN=Mailwire Virtual CA' } });
    t.send(utf8Bytes('USER bob@example.org\r\nPASS builder\r\nSTAT\r\n'));
    await network.settle();
    expect(lines().slice(1).map((l) => l.slice(0, 3))).toEqual(['+OK', '+OK', '+OK']);
    const session = network.sessions.at(-1)!;
    expect(session.tlsLayer).toBe('records');
    expect(session.entries.some((e) => new TextDecoder('latin1').decode(e.bytes).includes('builder'))).toBe(false);
  });

  it('runs STARTTLS on 587 and keeps the learner’s submission working', async () => {
    const { connector, network } = recordsSetup();
    const t = connector.connect('mail.example.com', 587);
    const { events, lines } = listen(t);
    const say = async (text: string): Promise<void> => {
      t.send(utf8Bytes(text + '\r\n'));
      await network.settle();
    };
    await network.settle();
    await say('EHLO laptop');
    await say('STARTTLS');
    t.startTls();
    await network.settle();
    expect(events.at(-1)).toMatchObject({ type: 'tls', info: { version: 'TLSv1.3', authorized: true } });
    await say('EHLO laptop');
    await say('AUTH PLAIN AGFsaWNlAHdvbmRlcmxhbmQ=');
    expect(lines().at(-1)).toMatch(/^235 2\.7\.0/);
    await say('QUIT');
    expect(events.at(-1)).toEqual({ type: 'closed', by: 'server' });
  });

  it('warns or refuses an impostor as the connector is configured, and reports the attack', async () => {
    const { network } = recordsSetup();
    const warn = new VirtualConnector(network, { certificatePolicy: 'warn', attack: { impostor: true } }).connect('mail.example.com', 993);
    const refuse = new VirtualConnector(network, { attack: { impostor: 'wrong-name' } }).connect('mail.example.com', 993);
    const w = listen(warn);
    const r = listen(refuse);
    await network.settle();
    expect(warn.tls).toMatchObject({ authorized: false, authorizationError: expect.stringContaining('Eve Interception CA') });
    expect(w.lines()[0]).toMatch(/^\* OK/);
    expect(r.events.map((e) => e.type)).toEqual(['open', 'error', 'closed']);
    expect(refuse.attack?.options).toEqual({ impostor: 'wrong-name' });
  });
});
