import { describe, expect, it } from 'vitest';
import { Mta } from '../../simulator/mta/mta.ts';
import { autoRunMta } from '../../simulator/mta/mta-driver.ts';
import { ManualScheduler } from '../../simulator/net/virtual-network-clock.ts';
import { createVirtualNetwork } from '../../simulator/net/virtual-network-engines.ts';
import { defaultWorld } from '../../simulator/world/world.ts';
import { VirtualConnector, type VirtualTransport } from '../../simulator/transports/virtual.ts';
import { deliveryDiagram } from './delivery.ts';
import { sequenceSvg } from './sequence-svg.ts';
import { isFinalReply, isRefusal, SessionTracker } from './session-tracker.ts';
import { testRandom } from '../../simulator/testing/random.ts';

const T0 = Date.UTC(2026, 10, 26, 6, 0, 0);

function lab() {
  const scheduler = new ManualScheduler(T0);
  const network = createVirtualNetwork(defaultWorld(T0), { now: scheduler.clock, scheduler, random: testRandom(), tlsLayer: 'stand-in' });
  const tracker = new SessionTracker();
  network.subscribe((e) => tracker.handle(e));
  autoRunMta(new Mta(network), network, (events) => tracker.mta(events));
  const connector = new VirtualConnector(network);
  const type = (t: VirtualTransport, lines: string[]): void => {
    for (const line of lines) {
      t.send(new TextEncoder().encode(`${line}\r\n`));
      scheduler.runDue();
    }
  };
  const open = (port: number): VirtualTransport => {
    const t = connector.connect('mail.example.com', port);
    t.on(() => {});
    scheduler.runDue();
    return t;
  };
  return { network, tracker, type, open, scheduler };
}

describe('SessionTracker', () => {
  it('follows the SMTP state and names the rule a 503 enforces', () => {
    const { tracker, type, open } = lab();
    const t = open(25);
    expect(tracker.session(t.sessionId)?.state).toBe('connected');
    type(t, ['EHLO laptop']);
    expect(tracker.session(t.sessionId)?.state).toBe('ready');
    type(t, ['RCPT TO:<carol@example.com>']);
    const s = tracker.session(t.sessionId)!;
    expect(s.state).toBe('ready');
    expect(s.refusal).toMatchObject({ command: 'RCPT TO:<carol@example.com>', state: 'ready' });
    expect(s.refusal?.reply).toMatch(/^503 /);
    expect(s.refusal?.rule?.rule).toMatch(/MAIL FROM first/);
    expect(s.refusal?.rule?.rfc.rfc).toBe(5321);
    type(t, ['MAIL FROM:<carol@example.com>']);
    expect(tracker.session(t.sessionId)?.refusal).toBeNull();
    expect(tracker.session(t.sessionId)?.state).toBe('mail');
    expect(tracker.session(t.sessionId)?.lines.every((l) => l.ending === 'crlf')).toBe(true);
  });

  it('records POP3 deletion marks until RSET, and the account logged in', () => {
    const { tracker, type, open } = lab();
    const t = open(110);
    type(t, ['STLS']);
    t.startTls();
    type(t, ['USER alice@example.com', 'PASS wonderland', 'DELE 1', 'DELE 2', 'DELE 99']);
    const s = tracker.session(t.sessionId)!;
    expect(s.pop3Account).toBe('alice@example.com');
    expect(s.pop3Deleted).toEqual([1, 2]);
    type(t, ['RSET']);
    expect(tracker.session(t.sessionId)!.pop3Deleted).toEqual([]);
  });

  it('takes a POP3 SASL response for payload: a refused login is the AUTH command\'s, and the credentials are not a command', () => {
    const { tracker, type, open } = lab();
    const t = open(110);
    type(t, ['STLS']);
    t.startTls();
    const response = btoa('\0alice@example.com\0wrong');
    type(t, ['AUTH PLAIN']);
    expect(tracker.session(t.sessionId)?.state).toBe('SASL');
    type(t, [response]);
    const s = tracker.session(t.sessionId)!;
    expect(s.lines.at(-1)?.text).toMatch(/^-ERR/);
    expect(s.refusal).toMatchObject({ command: 'AUTH PLAIN', state: 'AUTHORIZATION' });
    expect(s.refusal?.reply).toMatch(/^-ERR/);
  });

  it('takes an IMAP literal for payload, and the line after it for the rest of the same command', () => {
    const { tracker, type, open } = lab();
    const t = open(143);
    type(t, ['a0 STARTTLS']);
    t.startTls();
    type(t, ['a1 LOGIN alice@example.com wonderland', 'a2 APPEND NoSuchBox {10}']);
    expect(tracker.session(t.sessionId)?.state).toBe('literal-authenticated');
    // The literal spells a command the server would refuse; it is message text here.
    type(t, ['a9 BOGUS', '']);
    const s = tracker.session(t.sessionId)!;
    expect(s.lines.at(-1)?.text).toMatch(/^a2 NO /);
    expect(s.refusal).toMatchObject({ command: 'a2 APPEND NoSuchBox {10}', state: 'authenticated' });
    type(t, ['a3 APPEND INBOX {10}', 'a9 BOGUS', '']);
    expect(tracker.session(t.sessionId)?.lines.at(-1)?.text).toMatch(/^a3 OK /);
    expect(tracker.session(t.sessionId)?.refusal).toBeNull();
  });

  it('joins a submitted message to the relay session and draws its hops', async () => {
    const { network, tracker, type, open } = lab();
    const t = open(465);
    type(t, ['EHLO laptop', 'AUTH PLAIN AGFsaWNlAHdvbmRlcmxhbmQ=', 'MAIL FROM:<alice@example.com>', 'RCPT TO:<bob@example.org>', 'DATA', 'Subject: hop\r\n\r\nhi\r\n.']);
    await network.settle();
    const s = tracker.session(t.sessionId)!;
    expect(s.messages).toHaveLength(1);
    const message = s.messages[0]!;
    expect(message.queued).toEqual(['bob@example.org']);
    expect(tracker.mtaEvents(message.id).map((e) => e.kind)).toEqual(['attempt', 'delivered', 'done']);
    const d = deliveryDiagram(message, s, {
      session: (id) => tracker.session(id),
      mtaEvents: (id) => tracker.mtaEvents(id),
      mx: (domain) => network.world.dns.mx(domain),
    });
    expect(d.participants).toEqual(['laptop', 'mail.example.com', 'DNS', 'mail.example.org', 'mailbox']);
    const labels = d.hops.map((h) => `${h.from}>${h.to} ${h.label}`);
    expect(labels).toContain('mail.example.com>DNS MX? example.org');
    expect(labels).toContain('DNS>mail.example.com 10 mail.example.org');
    expect(labels.some((l) => /^mail\.example\.com>mail\.example\.org RCPT TO:<bob@example\.org>/.test(l))).toBe(true);
    expect(labels).toContain('mail.example.org>mailbox stored for bob@example.org');
    expect(labels.some((l) => l.startsWith('laptop>mail.example.com (message: 4 lines'))).toBe(true);
    const svg = sequenceSvg(d);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg).toContain('MX? example.org');
    expect(svg).toContain('RCPT TO:&lt;bob@example.org&gt;');
    expect(svg).not.toMatch(/<(?!\/?(svg|title|desc|defs|marker|path|rect|text|line|g)\b)/);
    expect(svg).toContain('font-size="13"');
    expect(svg).not.toContain('seq-dot');
    const animated = sequenceSvg(d, { animate: true });
    expect(animated.match(/class="seq-hop"/g)?.length).toBe(d.hops.length);
    expect(animated).toContain('<circle class="seq-dot"');
  });
});

describe('the delivery diagram on a clock that moves', () => {
  it('starts with the submission the learner typed, up to the reply to its last line', async () => {
    const { network, tracker, open, scheduler } = lab();
    const t = open(465);
    for (const line of ['EHLO laptop', 'AUTH PLAIN AGFsaWNlAHdvbmRlcmxhbmQ=', 'MAIL FROM:<alice@example.com>', 'RCPT TO:<bob@example.org>', 'DATA', 'Subject: hop\r\n\r\nhi\r\n.', 'NOOP']) {
      scheduler.now += 1500;
      t.send(new TextEncoder().encode(`${line}\r\n`));
      scheduler.runDue();
    }
    await network.settle();
    const s = tracker.session(t.sessionId)!;
    const message = s.messages[0]!;
    const d = deliveryDiagram(message, s, {
      session: (id) => tracker.session(id),
      mtaEvents: (id) => tracker.mtaEvents(id),
      mx: (domain) => network.world.dns.mx(domain),
    });
    const labels = d.hops.map((h) => `${h.from}>${h.to} ${h.label}`);
    expect(labels[0]).toMatch(/^mail\.example\.com>laptop 220 /);
    expect(labels[1]).toBe('laptop>mail.example.com EHLO laptop');
    expect(labels).toContain('laptop>mail.example.com MAIL FROM:<alice@example.com>');
    expect(labels.some((l) => /^mail\.example\.com>laptop 250 2\.0\.0 /.test(l))).toBe(true);
    expect(labels.some((l) => l.includes('NOOP'))).toBe(false);
    expect(labels.indexOf('mail.example.com>DNS MX? example.org')).toBeGreaterThan(labels.findIndex((l) => l.startsWith('laptop>mail.example.com (message:')));
  });
});

describe('reply classification', () => {
  it('finds the last line of a reply and the refusals', () => {
    expect(isFinalReply('smtp', '250-PIPELINING')).toBe(false);
    expect(isFinalReply('smtp', '250 OK')).toBe(true);
    expect(isFinalReply('imap', '* 3 EXISTS')).toBe(false);
    expect(isFinalReply('imap', 'a1 BAD no')).toBe(true);
    expect(isRefusal('smtp', '503 5.5.1 Bad sequence')).toBe(true);
    expect(isRefusal('smtp', '354 go on')).toBe(false);
    expect(isRefusal('pop3', '-ERR no')).toBe(true);
    expect(isRefusal('imap', 'a1 NO [AUTHENTICATIONFAILED] no')).toBe(true);
    expect(isRefusal('imap', 'a1 OK done')).toBe(false);
  });
});

describe('SessionTracker on real TLS records', () => {
  it('follows the dialogue inside TLS from the records\' plaintext, and skips the handshake', async () => {
    const scheduler = new ManualScheduler(T0);
    const network = createVirtualNetwork(defaultWorld(T0), { now: scheduler.clock, scheduler, random: testRandom(), tlsLayer: 'records' });
    const tracker = new SessionTracker();
    network.subscribe((e) => tracker.handle(e));
    const t = new VirtualConnector(network).connect('mail.example.com', 995);
    t.on(() => {});
    await network.settle();
    for (const line of ['USER alice@example.com', 'PASS wonderland', 'DELE 1']) {
      t.send(new TextEncoder().encode(`${line}\r\n`));
      await network.settle();
    }
    const s = tracker.session(t.sessionId)!;
    const text = s.lines.map((l) => l.text);
    expect(text[0]).toMatch(/^\+OK mail\.example\.com POP3/);
    expect(text).toContain('DELE 1');
    expect(text.every((l) => /^[\x20-\x7e]*$/.test(l))).toBe(true);
    expect(s.pop3Deleted.length).toBe(1);
    expect(network.sessions.find((x) => x.id === t.sessionId)?.entries.every((e) => e.tls)).toBe(true);
  });
});
