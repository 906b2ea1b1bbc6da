import { describe, expect, it } from 'vitest';
import { latin1Text } from '../wire/bytes.ts';
import { Dns } from '../world/dns.ts';
import { runUntilIdle } from './mta.ts';
import { fixture, inboxCount, lastMessage, letter, MINUTE, scriptedMx, submit, T0 } from './mta-fixture.test-helper.ts';
import { defaultWorld, hostByName } from '../world/world.ts';

describe('alice@example.com → bob@example.org through the virtual network', () => {
  it('submits on 587, queues, relays on port 25 to the MX, and lands in bob’s INBOX', async () => {
    const f = fixture();
    const before = inboxCount(f, 'bob@example.org');
    const message = letter('bob@example.org', 'Plans');
    const submitted = await submit(f, ['bob@example.org'], message);
    expect(submitted).toMatchObject({ failure: null, authenticated: true, pipelined: true, esmtp: true });
    expect(submitted.tls?.version).toBe('TLSv1.3');
    expect(submitted.recipients[0]).toMatchObject({ outcome: 'delivered', code: 250 });

    // The submission host queued it for the MTA; nothing reached bob yet.
    expect(f.world.queue).toHaveLength(1);
    expect(f.world.queue[0]).toMatchObject({ fromHost: 'mail.example.com', from: 'alice@example.com', recipients: [{ address: 'bob@example.org', status: 'pending' }] });
    expect(inboxCount(f, 'bob@example.org')).toBe(before);

    const events = await f.mta.run(T0);
    expect(events.map((e) => e.kind)).toEqual(['attempt', 'delivered', 'done']);
    expect(events[0]).toMatchObject({ domain: 'example.org', exchange: 'mail.example.org' });
    expect(f.world.queue).toEqual([]);
    expect(inboxCount(f, 'bob@example.org')).toBe(before + 1);

    const stored = lastMessage(f, 'bob@example.org');
    expect(stored.startsWith('Return-Path: <alice@example.com>\r\nReceived: from mail.example.com ([192.0.2.10])\r\n\tby mail.example.org')).toBe(true);
    const received = stored.match(/^Received: from \S+ \(\[[\d.]+\]\)\r\n\tby \S+/gm);
    expect(received).toEqual([
      'Received: from mail.example.com ([192.0.2.10])\r\n\tby mail.example.org',
      'Received: from laptop.example.com ([203.0.113.5])\r\n\tby mail.example.com',
    ]);
    // Byte for byte after the trace headers, dot-stuffing undone.
    expect(stored.endsWith(latin1Text(message))).toBe(true);
  });

  it('records the server-to-server session the learner never typed', async () => {
    const f = fixture();
    await submit(f, ['bob@example.org'], letter('bob@example.org', 'Recorded'));
    const events = await f.mta.run(T0);
    const attempt = events.find((e) => e.kind === 'attempt');
    const session = f.network.sessions.find((s) => s.origin === 'mta');
    expect(session).toBeDefined();
    expect(attempt).toMatchObject({ sessionId: session!.id });
    expect(session).toMatchObject({ port: 25, protocol: 'smtp', server: { host: 'mail.example.org' }, client: { address: '192.0.2.10', name: 'mail.example.com' }, closedBy: 'server' });
    const wire = session!.entries.map((e) => `${e.direction === 'to-server' ? 'C' : 'S'}${e.tls ? '*' : ' '} ${latin1Text(e.bytes)}`).join('');
    expect(wire).toContain('C  EHLO mail.example.com\r\n');
    expect(wire).toContain('C  STARTTLS\r\n');
    // After STARTTLS only real TLS records cross the wire: the envelope and the message are not readable.
    expect(session!.tlsLayer).toBe('records');
    expect(wire).not.toContain('MAIL FROM:');
    expect(wire).not.toContain('Subject: Recorded');
    const afterStarttls = session!.entries.slice(session!.entries.findIndex((e) => latin1Text(e.bytes) === 'STARTTLS\r\n') + 2);
    expect(afterStarttls.length).toBeGreaterThan(0);
    expect(afterStarttls.every((e) => e.tls)).toBe(true);
    expect(session!.tls?.version).toBe('TLSv1.3');
  });

  it('tries the MX hosts in preference order, and uses the A record when there is no MX (RFC 5321 §5.1)', async () => {
    const world = defaultWorld(T0);
    world.dns = new Dns([
      ...world.dns.records,
      { type: 'MX', name: 'example.org', preference: 5, exchange: 'mx0.example.org' },
      { type: 'A', name: 'mx0.example.org', address: '198.51.100.99' },
    ]);
    const f = fixture({ world });
    await submit(f, ['bob@example.org'], letter('bob@example.org', 'Backup'));
    const events = await f.mta.run(T0);
    expect(events.filter((e) => e.kind === 'attempt').map((e) => e.kind === 'attempt' && [e.exchange, e.sessionId === null])).toEqual([
      ['mx0.example.org', true],
      ['mail.example.org', false],
    ]);
    expect(events.some((e) => e.kind === 'delivered')).toBe(true);

    const implicit = defaultWorld(T0);
    implicit.dns = new Dns([...implicit.dns.records.filter((r) => !(r.type === 'MX' && r.name === 'example.org')), { type: 'A', name: 'example.org', address: '198.51.100.20' }]);
    const g = fixture({ world: implicit });
    await submit(g, ['bob@example.org'], letter('bob@example.org', 'Implicit'));
    expect((await g.mta.run(T0)).find((e) => e.kind === 'delivered')).toMatchObject({ exchange: 'example.org' });
  });
});

describe('retries (RFC 5321 §4.5.4.1)', () => {
  it('defers on a 4yz reply with a visible backoff, then delivers', async () => {
    const greylist = { rcptReply: '451 4.7.1 Greylisted, try again later' as string | null };
    const f = fixture({ smtp: scriptedMx(greylist) });
    await submit(f, ['bob@example.org'], letter('bob@example.org', 'Greylisted'));
    const first = await f.mta.run(T0);
    expect(first.find((e) => e.kind === 'deferred')).toMatchObject({ attempts: 1, nextAttempt: T0 + MINUTE });
    expect(first.find((e) => e.kind === 'deferred')).toMatchObject({ reason: expect.stringContaining('451 4.7.1 Greylisted') });
    expect(f.world.queue[0]!.recipients[0]).toMatchObject({ status: 'deferred', attempts: 1, nextAttempt: T0 + MINUTE });
    expect(await f.mta.run(T0 + 30_000)).toEqual([]);
    expect(f.mta.nextWakeup()).toBe(T0 + MINUTE);

    const second = await f.mta.run(T0 + MINUTE);
    expect(second.find((e) => e.kind === 'deferred')).toMatchObject({ attempts: 2, nextAttempt: T0 + 6 * MINUTE });
    greylist.rcptReply = null;
    const third = await f.mta.run(T0 + 6 * MINUTE);
    expect(third.map((e) => e.kind)).toEqual(['attempt', 'delivered', 'done']);
    expect(lastMessage(f, 'bob@example.org')).toContain('Subject: Greylisted');
  });

  it('defers when the MX refuses the connection, and retries with the schedule 1, 5, 15 … minutes', async () => {
    const f = fixture();
    const org = hostByName(f.world, 'mail.example.org')!;
    const ports = org.ports;
    org.ports = ports.filter((p) => p.port !== 25);
    await submit(f, ['bob@example.org'], letter('bob@example.org', 'Down'));
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const deferred = (await f.mta.run(f.mta.nextWakeup()!)).find((e) => e.kind === 'deferred');
      expect(deferred).toMatchObject({ reason: expect.stringContaining('connection refused') });
      times.push(deferred!.kind === 'deferred' ? deferred!.nextAttempt : 0);
    }
    expect(times).toEqual([T0 + MINUTE, T0 + 6 * MINUTE, T0 + 21 * MINUTE]);
    org.ports = ports;
    expect((await f.mta.run(f.mta.nextWakeup()!)).some((e) => e.kind === 'delivered')).toBe(true);
  });

  it('gives up after maxAttempts and bounces with status 4.4.7', async () => {
    const f = fixture({ smtp: scriptedMx({ rcptReply: '452 4.2.2 Mailbox full' }), mta: { maxAttempts: 3 } });
    await submit(f, ['bob@example.org'], letter('bob@example.org', 'Never'));
    const aliceBefore = inboxCount(f, 'alice@example.com');
    const events = await runUntilIdle(f.mta, f.scheduler);
    expect(events.filter((e) => e.kind === 'deferred')).toHaveLength(2);
    expect(events.find((e) => e.kind === 'failed')).toMatchObject({ status: '4.4.7', reason: expect.stringContaining('gave up after 3 attempts') });
    expect(inboxCount(f, 'alice@example.com')).toBe(aliceBefore + 1);
    expect(lastMessage(f, 'alice@example.com')).toContain('Status: 4.4.7');
    expect(f.world.queue).toEqual([]);
  });

  it('gives up after five days whatever the attempt count', async () => {
    const f = fixture({ smtp: scriptedMx({ rcptReply: '451 4.3.0 Try later' }) });
    await submit(f, ['bob@example.org'], letter('bob@example.org', 'Old'));
    f.world.queue[0]!.queuedAt = T0 - 5 * 24 * 60 * MINUTE;
    expect((await f.mta.run(T0)).find((e) => e.kind === 'failed')).toMatchObject({ status: '4.4.7' });
  });

  it('retries a local delivery the submission host queued (full mailbox) by storing it, not relaying to itself', async () => {
    const f = fixture();
    f.world.queue.push({
      id: 'local-1', fromHost: 'mail.example.com', from: 'bob@example.org', queuedAt: T0, raw: letter('carol@example.com', 'Local'),
      recipients: [{ address: 'carol@example.com', status: 'deferred', attempts: 1, nextAttempt: T0 }],
    });
    const events = await f.mta.run(T0);
    expect(events.map((e) => e.kind)).toEqual(['delivered', 'done']);
    expect(lastMessage(f, 'carol@example.com').startsWith('Return-Path: <bob@example.org>\r\nFrom: Alice')).toBe(true);
    expect(f.network.sessions).toHaveLength(0);
  });
});
