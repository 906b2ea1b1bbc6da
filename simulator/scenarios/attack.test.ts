import { describe, expect, it } from 'vitest';
import { observeSession } from './attack-observer.ts';
import { starttlsInjection } from './attack-injection.ts';
import { runAttackScenario } from './attack-scenarios.ts';
import { ScriptedSession } from './attack-session.ts';
import { ManualScheduler } from '../net/virtual-network-clock.ts';
import { createVirtualNetwork } from '../net/virtual-network-engines.ts';
import { defaultWorld } from '../world/world.ts';
import { testRandom } from '../testing/random.ts';

const T0 = Date.UTC(2026, 10, 26, 9, 0, 0);

function setup(plaintextAuth = true) {
  const world = defaultWorld(T0);
  for (const h of world.hosts) h.settings.plaintextAuth = plaintextAuth;
  const scheduler = new ManualScheduler(T0);
  const network = createVirtualNetwork(world, { now: scheduler.clock, scheduler, random: testRandom(), strict: true, tlsLayer: 'records' });
  return { world, network };
}

describe('the passive eavesdropper', () => {
  it('reads USER/PASS on plaintext 110, and the wire view shows the PASS line in clear', async () => {
    const { network } = setup();
    const s = await ScriptedSession.open(network, 'mail.example.org', 110, { attack: { eavesdrop: true } });
    if (typeof s === 'string') throw new Error(s);
    await s.say('USER bob@example.org');
    expect(await s.say('PASS builder')).toMatch(/^\+OK/);
    await s.say('QUIT');
    expect(s.connection.attack?.credentials).toMatchObject([{ protocol: 'pop3', mechanism: 'USER/PASS', user: 'bob@example.org', password: 'builder' }]);
    const seen = observeSession(s.connection.session);
    const pass = seen.packets.find((p) => p.text === 'PASS builder\r\n');
    expect(pass).toMatchObject({ direction: 'to-server', kind: 'plaintext', length: 14 });
    expect(pass!.dump[0]!.ascii).toBe('PASS builder..');
    expect(pass!.dump[0]!.hex.startsWith('50 41 53 53 20')).toBe(true);
    expect(pass!.learns.join()).toContain('the password of bob@example.org');
    expect(seen.credentials).toHaveLength(1);
  });

  it('decodes AUTH PLAIN and AUTH LOGIN on SMTP, and LOGIN and AUTHENTICATE PLAIN on IMAP', async () => {
    const { network } = setup();
    const smtp = await ScriptedSession.open(network, 'mail.example.com', 587, { attack: { eavesdrop: true } });
    if (typeof smtp === 'string') throw new Error(smtp);
    await smtp.say('EHLO laptop');
    await smtp.say('AUTH LOGIN');
    await smtp.say(btoa('carol@example.com'));
    expect(await smtp.say(btoa('singer'))).toMatch(/^235 /);
    const imap = await ScriptedSession.open(network, 'mail.example.com', 143, { attack: { eavesdrop: true } });
    if (typeof imap === 'string') throw new Error(imap);
    await imap.say('a1 LOGIN "alice@example.com" "wonderland"');
    await imap.say('a2 LOGOUT');
    const again = await ScriptedSession.open(network, 'mail.example.com', 143, { attack: { eavesdrop: true } });
    if (typeof again === 'string') throw new Error(again);
    await again.say('a1 AUTHENTICATE PLAIN');
    expect(await again.say(btoa('\0carol@example.com\0singer'))).toMatch(/^a1 OK/m);
    expect(smtp.connection.attack?.credentials).toMatchObject([{ mechanism: 'AUTH LOGIN', user: 'carol@example.com', password: 'singer' }]);
    expect(imap.connection.attack?.credentials).toMatchObject([{ mechanism: 'LOGIN', user: 'alice@example.com', password: 'wonderland' }]);
    expect(again.connection.attack?.credentials).toMatchObject([{ mechanism: 'AUTHENTICATE PLAIN', user: 'carol@example.com', password: 'singer' }]);
  });

  it('gets nothing from a client that uses STARTTLS: only records, the SNI and lengths', async () => {
    const { network } = setup();
    const r = await runAttackScenario(network, { port: 110, host: 'mail.example.org', policy: 'opportunistic', attack: { eavesdrop: true } });
    expect(r.login).toMatchObject({ outcome: 'logged-in', usedTls: true });
    expect(r.attack.credentials).toEqual([]);
    const seen = observeSession(network.sessions.find((s) => s.id === r.sessionId)!);
    expect(seen.serverName).toBe('mail.example.org');
    expect(seen.credentials).toEqual([]);
    expect(seen.packets.filter((p) => p.kind === 'records').every((p) => p.text === null && p.records.length > 0)).toBe(true);
    expect(r.verdict).toContain('only TLS records');
  });
});

describe('STARTTLS stripping', () => {
  for (const [port, host] of [[25, 'mail.example.com'], [587, 'mail.example.com'], [110, 'mail.example.org'], [143, 'mail.example.org']] as const) {
    it(`on ${port}: an opportunistic client carries on in plaintext and the eavesdropper gets the password`, async () => {
      const { network } = setup();
      const r = await runAttackScenario(network, { port, host, policy: 'opportunistic', attack: { eavesdrop: true, stripStarttls: true } });
      expect(r.login).toMatchObject({ outcome: 'logged-in', usedTls: false });
      expect(r.attack.altered.length).toBeGreaterThan(0);
      expect(r.attack.credentials.length).toBeGreaterThan(0);
      expect(r.verdict).toMatch(/the attacker has the password/);
    });

    it(`on ${port}: a strict client refuses and sends no password`, async () => {
      const { network } = setup();
      const r = await runAttackScenario(network, { port, host, policy: 'strict', attack: { eavesdrop: true, stripStarttls: true } });
      expect(r.login).toMatchObject({ outcome: 'refused-by-client' });
      expect(r.attack.credentials).toEqual([]);
    });
  }

  it('rewrites the capability to X of the same length, so the log shows both versions', async () => {
    const { network } = setup();
    const r = await runAttackScenario(network, { port: 587, policy: 'strict', attack: { stripStarttls: true } });
    const session = network.sessions.find((s) => s.id === r.sessionId)!;
    const altered = session.entries.find((e) => e.received)!;
    expect(new TextDecoder().decode(altered.bytes)).toContain('250-STARTTLS\r\n');
    expect(new TextDecoder().decode(altered.received)).toContain('250-XXXXXXXA\r\n');
    expect(altered.received!.length).toBe(altered.bytes.length);
  });

  it("can also garble the client's STARTTLS so the server answers with an error", async () => {
    const { network } = setup();
    const r = await runAttackScenario(network, { port: 143, host: 'mail.example.org', policy: 'opportunistic', attack: { eavesdrop: true, stripStarttls: 'refuse-command' } });
    expect(r.attack.credentials).toMatchObject([{ user: 'bob@example.org', password: 'builder' }]);
    const strict = await runAttackScenario(network, { port: 110, host: 'mail.example.org', policy: 'strict', attack: { stripStarttls: 'refuse-command' } });
    expect(strict.login.outcome).toBe('refused-by-client');
  });

  it('has nothing to strip on 993, 995 and 465: TLS from the first byte', async () => {
    const { network } = setup();
    for (const port of [993, 995, 465]) {
      const r = await runAttackScenario(network, { port, policy: 'opportunistic', attack: { eavesdrop: true, stripStarttls: true } });
      expect(r.login).toMatchObject({ outcome: 'logged-in', usedTls: true });
      expect(r.attack.nothingToDo).toEqual(['nothing to strip: TLS from the first byte (implicit TLS, RFC 8314 §3)']);
      expect(r.attack.credentials).toEqual([]);
      expect(r.verdict).toContain('nothing to strip');
    }
  });

  it('with plaintext AUTH off the server refuses, but the stripped client already gave its password away', async () => {
    const { network } = setup(false);
    const r = await runAttackScenario(network, { port: 143, host: 'mail.example.org', policy: 'opportunistic', attack: { eavesdrop: true, stripStarttls: true } });
    expect(r.login.outcome).toBe('failed');
    expect(r.attack.credentials).toMatchObject([{ password: 'builder' }]);
  });
});

describe('impostor certificates', () => {
  it('a strict client refuses Eve\'s certificate; a warning client goes on, and Eve reads the password', async () => {
    const { network } = setup();
    const strict = await runAttackScenario(network, { port: 993, policy: 'strict', attack: { impostor: true, eavesdrop: true } });
    expect(strict.login.outcome).toBe('failed');
    expect(strict.login.reason).toContain('unknown_ca');
    expect(strict.attack.credentials).toEqual([]);
    const warn = await runAttackScenario(network, { port: 587, policy: 'strict', certificatePolicy: 'warn', attack: { impostor: true, eavesdrop: true } });
    expect(warn.tls).toMatchObject({ authorized: false, certificate: { issuer: 'CN=Eve Interception CA' } });
    expect(warn.login).toMatchObject({ outcome: 'logged-in', usedTls: true });
    expect(warn.attack.readThroughTls).toBe(true);
    expect(warn.attack.credentials).toMatchObject([{ mechanism: 'AUTH PLAIN', user: 'alice@example.com', password: 'wonderland' }]);
  });
});

describe('STARTTLS command injection', () => {
  for (const [port, host] of [[25, 'mail.example.com'], [587, 'mail.example.com'], [110, 'mail.example.org'], [143, 'mail.example.org']] as const) {
    it(`our server on ${port} discards plaintext pipelined after STARTTLS`, async () => {
      const { network } = setup();
      const r = await starttlsInjection(network, host, port);
      expect(r.discarded).toBe(true);
      expect(r.explanation).toContain('dropped');
      const session = network.sessions.find((s) => s.id === r.sessionId)!;
      const plainToServer = session.entries.filter((e) => !e.tls && e.direction === 'to-server').map((e) => new TextDecoder().decode(e.bytes));
      expect(plainToServer.at(-1)).toBe(r.packet);
      expect(r.plaintextReply.split('\r\n').filter(Boolean)).toHaveLength(1);
    });
  }
});

describe('server-to-server relay through a stripping attacker (the SMTP client engine)', () => {
  const letter = new TextEncoder().encode('Subject: quarterly numbers\r\n\r\nConfidential.\r\n');
  const relay = (tls: 'opportunistic' | 'required') => ({ clientName: 'mail.example.com', tls, from: 'alice@example.com', to: ['bob@example.org'], message: letter });
  const from = { from: { address: '192.0.2.10', name: 'mail.example.com' } };

  it('without an attacker the relay is encrypted and the message stays hidden', async () => {
    const { network } = setup(false);
    const { runSmtpClient } = await import('./attack-relay.ts');
    const r = await runSmtpClient(network, 'mail.example.org', 25, relay('opportunistic'), { ...from, attack: { eavesdrop: true } });
    expect(r.result?.tls?.authorized).toBe(true);
    expect(r.result?.recipients).toMatchObject([{ outcome: 'delivered' }]);
    expect(r.messageExposed).toBe(false);
  });

  it('opportunistic STARTTLS: stripped, the message crosses in clear; TLS required: the client stops', async () => {
    const { network, world } = setup(false);
    const { runSmtpClient } = await import('./attack-relay.ts');
    const before = world.store.account('bob@example.org')!.inbox.messages.length;
    const open = await runSmtpClient(network, 'mail.example.org', 25, relay('opportunistic'), { ...from, attack: { eavesdrop: true, stripStarttls: true } });
    expect(open.result).toMatchObject({ tls: null, recipients: [{ outcome: 'delivered' }] });
    expect(open.messageExposed).toBe(true);
    const strict = await runSmtpClient(network, 'mail.example.org', 25, relay('required'), { ...from, attack: { stripStarttls: true } });
    expect(strict.result?.failure?.stage).toBe('ehlo');
    expect(strict.result?.recipients).toMatchObject([{ outcome: 'transient' }]);
    expect(strict.messageExposed).toBe(false);
    expect(world.store.account('bob@example.org')!.inbox.messages.length).toBe(before + 1);
  });
});
