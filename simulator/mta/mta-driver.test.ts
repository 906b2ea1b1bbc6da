import { describe, expect, it } from 'vitest';
import { VirtualConnector } from '../transports/virtual.ts';
import { utf8Bytes } from '../wire/bytes.ts';
import { autoRunMta } from './mta-driver.ts';
import type { MtaEvent } from './mta.ts';
import { fixture, inboxCount, lastMessage, MINUTE, scriptedMx, T0 } from './mta-fixture.test-helper.ts';

describe('autoRunMta', () => {
  it('relays a message typed in the terminal as soon as the session queues it', async () => {
    const f = fixture();
    const seen: MtaEvent[] = [];
    const stop = autoRunMta(f.mta, f.network, (events) => seen.push(...events));
    const before = inboxCount(f, 'bob@example.org');
    const t = new VirtualConnector(f.network).connect('mail.example.com', 25);
    t.on(() => {});
    for (const line of ['EHLO laptop', 'MAIL FROM:<carol@example.com>', 'RCPT TO:<bob@example.org>', 'DATA', 'Subject: typed\r\n\r\nhi\r\n.', 'QUIT']) {
      t.send(utf8Bytes(line + '\r\n'));
      await f.network.settle();
    }
    // Port 25 without AUTH does not relay (RFC 5321 §3.6.2 "open relay"): nothing queued, nothing sent.
    expect(seen).toEqual([]);
    expect(inboxCount(f, 'bob@example.org')).toBe(before);

    const s = new VirtualConnector(f.network).connect('mail.example.com', 465);
    s.on(() => {});
    for (const line of ['EHLO laptop', 'AUTH PLAIN AGNhcm9sAHNpbmdlcg==', 'MAIL FROM:<carol@example.com>', 'RCPT TO:<bob@example.org>', 'DATA', 'Subject: typed\r\n\r\nhi\r\n.', 'QUIT']) {
      s.send(utf8Bytes(line + '\r\n'));
      await f.network.settle();
    }
    expect(seen.map((e) => e.kind)).toEqual(['attempt', 'delivered', 'done']);
    expect(lastMessage(f, 'bob@example.org')).toContain('Subject: typed');
    stop();
  });

  it('wakes itself for retries on the backoff schedule, and stops when told', async () => {
    const greylist = { rcptReply: '451 4.7.1 Greylisted' as string | null };
    const f = fixture({ smtp: scriptedMx(greylist) });
    f.world.queue.push({
      id: 'q1', fromHost: 'mail.example.com', from: 'alice@example.com', queuedAt: T0, raw: utf8Bytes('Subject: q\r\n\r\nq\r\n'),
      recipients: [{ address: 'bob@example.org', status: 'pending', attempts: 0, nextAttempt: T0 }],
    });
    const seen: MtaEvent[] = [];
    const stop = autoRunMta(f.mta, f.network, (events) => seen.push(...events));
    await f.network.settle();
    expect(seen.filter((e) => e.kind === 'deferred')).toHaveLength(1);
    greylist.rcptReply = null;
    f.scheduler.advanceTo(T0 + MINUTE);
    await f.network.settle();
    expect(seen.at(-1)).toEqual({ kind: 'done', messageId: 'q1' });
    stop();
    expect(f.scheduler.pending).toBe(0);
  });
});
