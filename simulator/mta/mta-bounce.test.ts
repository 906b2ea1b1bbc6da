import { describe, expect, it } from 'vitest';
import { latin1Bytes } from '../wire/bytes.ts';
import { parseDeliveryStatus } from './dsn.ts';
import { runUntilIdle } from './mta.ts';
import { hostByName } from '../world/world.ts';
import { fixture, inboxCount, lastMessage, letter, submit, T0 } from './mta-fixture.test-helper.ts';

/** The body of the MIME part with this Content-Type, from a bounce as text. */
function part(bounce: string, type: string): string {
  const boundary = /boundary="([^"]+)"/.exec(bounce)![1]!;
  const chunk = bounce.split(`--${boundary}`).find((p) => p.includes(`Content-Type: ${type}`))!;
  return chunk.slice(chunk.indexOf('\r\n\r\n') + 4);
}

describe('bounces (RFC 3464 delivery status notifications)', () => {
  it('returns a 5yz rejection to alice’s INBOX from MAILER-DAEMON with the null reverse-path', async () => {
    const f = fixture();
    await submit(f, ['bob@example.org', 'nobody@example.org'], letter('bob@example.org', 'Two'));
    const before = inboxCount(f, 'alice@example.com');
    const events = await f.mta.run(T0);
    expect(events.map((e) => e.kind)).toEqual(['attempt', 'delivered', 'failed', 'bounced', 'done']);
    expect(events.find((e) => e.kind === 'failed')).toMatchObject({ recipient: 'nobody@example.org', status: expect.stringMatching(/^5\.1\.\d$/) });
    expect(events.find((e) => e.kind === 'bounced')).toMatchObject({ to: 'alice@example.com', delivery: 'local' });
    expect(inboxCount(f, 'alice@example.com')).toBe(before + 1);

    const bounce = lastMessage(f, 'alice@example.com');
    expect(bounce).toMatch(/^Return-Path: <>\r\n/);
    expect(bounce).toContain('From: Mail Delivery System <MAILER-DAEMON@mail.example.com>\r\n');
    expect(bounce).toContain('To: <alice@example.com>\r\n');
    expect(bounce).toContain('Auto-Submitted: auto-replied\r\n');
    expect(bounce).toMatch(/Content-Type: multipart\/report; report-type=delivery-status;\r\n\tboundary="[^"]+"/);
    expect(part(bounce, 'text/plain')).toContain('<nobody@example.org>: host mail.example.org said: 550');

    const [perMessage, perRecipient, ...rest] = parseDeliveryStatus(latin1Bytes(part(bounce, 'message/delivery-status')));
    expect(rest).toEqual([]);
    expect(perMessage).toMatchObject({ 'Reporting-MTA': 'dns; mail.example.com', 'Arrival-Date': 'Thu, 26 Nov 2026 09:00:00 +0000' });
    expect(perRecipient).toMatchObject({
      'Final-Recipient': 'rfc822; nobody@example.org',
      Action: 'failed',
      Status: expect.stringMatching(/^5\.1\.\d$/),
      'Remote-MTA': 'dns; mail.example.org',
      'Diagnostic-Code': expect.stringMatching(/^smtp; 550 5\.1\.\d /),
    });
    // The original's header section, and not its body.
    const headers = part(bounce, 'text/rfc822-headers');
    expect(headers).toContain('Subject: Two\r\n');
    expect(headers).toContain('Received: from laptop.example.com');
    expect(headers).not.toContain('leading dot');
  });

  it('bounces mail for a domain with neither MX nor A record, without connecting anywhere', async () => {
    const f = fixture();
    const submitted = await submit(f, ['someone@nowhere.test'], letter('someone@nowhere.test', 'Nowhere'));
    expect(submitted.recipients[0]!.outcome).toBe('delivered');
    const sessionsBefore = f.network.sessions.length;
    const events = await f.mta.run(T0);
    expect(events.map((e) => e.kind)).toEqual(['failed', 'bounced', 'done']);
    expect(events[0]).toMatchObject({ status: '5.1.2', reason: expect.stringContaining('nowhere.test') });
    expect(f.network.sessions).toHaveLength(sessionsBefore);
    const status = part(lastMessage(f, 'alice@example.com'), 'message/delivery-status');
    expect(parseDeliveryStatus(latin1Bytes(status))[1]).toMatchObject({ 'Final-Recipient': 'rfc822; someone@nowhere.test', Status: '5.1.2' });
  });

  it('never bounces a bounce (RFC 5321 §6.1)', async () => {
    const f = fixture();
    // Without STARTTLS at the MX the relay stays in plaintext, so the envelope can be read off the wire.
    hostByName(f.world, 'mail.example.org')!.settings.disabled.push('STARTTLS');
    f.world.queue.push({
      id: 'dsn-1', fromHost: 'mail.example.com', from: '', queuedAt: T0, raw: letter('nobody@example.org', 'Bounce'),
      recipients: [{ address: 'nobody@example.org', status: 'pending', attempts: 0, nextAttempt: T0 }],
    });
    const before = inboxCount(f, 'alice@example.com');
    const events = await f.mta.run(T0);
    expect(events.map((e) => e.kind)).toEqual(['attempt', 'failed', 'bounce-dropped', 'done']);
    expect(inboxCount(f, 'alice@example.com')).toBe(before);
    const wire = f.network.sessions.at(-1)!.entries.map((e) => new TextDecoder().decode(e.bytes)).join('');
    expect(wire).toContain('MAIL FROM:<>');
  });

  it('sends a bounce for a remote sender back over SMTP with MAIL FROM:<>', async () => {
    const f = fixture();
    // mail.example.org relayed for alice (say, a forward) and the destination does not exist.
    f.world.queue.push({
      id: 'fwd-1', fromHost: 'mail.example.org', from: 'alice@example.com', queuedAt: T0, raw: letter('x@nowhere.test', 'Forwarded'),
      recipients: [{ address: 'x@nowhere.test', status: 'pending', attempts: 0, nextAttempt: T0 }],
    });
    const before = inboxCount(f, 'alice@example.com');
    const events = await runUntilIdle(f.mta, f.scheduler);
    expect(events.find((e) => e.kind === 'bounced')).toMatchObject({ delivery: 'queued', to: 'alice@example.com' });
    expect(events.filter((e) => e.kind === 'delivered')).toHaveLength(1);
    expect(inboxCount(f, 'alice@example.com')).toBe(before + 1);
    const bounce = lastMessage(f, 'alice@example.com');
    expect(bounce).toMatch(/^Return-Path: <>\r\nReceived: from mail\.example\.org/);
    expect(bounce).toContain('From: Mail Delivery System <MAILER-DAEMON@mail.example.org>');
    expect(f.world.queue).toEqual([]);
  });
});
