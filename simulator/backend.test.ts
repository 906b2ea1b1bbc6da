/**
 * The engines converted to the narrow backend run on an EngineContext alone: no World, no DNS,
 * no queue, no port table. What they hand on goes through the backend; the role comes from the
 * context.
 */
import { describe, expect, it } from 'vitest';
import type { OutboundMessage } from './backend.ts';
import { DEFAULT_SETTINGS } from './host-settings.ts';
import type { EngineContext, ServiceRole } from './engine.ts';
import { worldBackend } from './world/world-backend.ts';
import { defaultWorld } from './world/world.ts';
import { Pop3Server } from './pop3/server.ts';
import { SmtpServer } from './smtp/server.ts';
import { EngineDriver } from './testing/transcript.ts';

const T = Date.UTC(2026, 10, 26, 9, 0, 0);

/** A context built by hand: the store's backend with relay recorded, a host, a peer and a role. */
function context(role: ServiceRole, port: number, peer: EngineContext['peer'] = { address: '192.0.2.7', localPort: port, implicitTls: false }): { ctx: EngineContext; relayed: OutboundMessage[] } {
  const relayed: OutboundMessage[] = [];
  const backend = { ...worldBackend(defaultWorld(T)), relay: (m: OutboundMessage) => void relayed.push(m) };
  const host = { name: 'mail.example.com', domains: ['example.com'], settings: { ...DEFAULT_SETTINGS, plaintextAuth: true } };
  return { ctx: { backend, host, peer, role, sessionId: 'hand-1' }, relayed };
}

describe('engines on the narrow backend', () => {
  it('SMTP takes its role from the context, not the port: port 25 told "submission" wants AUTH before MAIL', () => {
    const { ctx } = context('submission', 25);
    const d = new EngineDriver(new SmtpServer(ctx), T);
    d.start();
    d.send('EHLO client.example\r\n');
    expect(d.send('MAIL FROM:<alice@example.com>\r\n')[0]).toMatch(/^530 /);
  });

  it('SMTP hands mail for other domains to backend.relay; the peer\'s IP in Received comes from the context, not DNS', () => {
    const { ctx, relayed } = context('submission', 587, { address: 'laptop.example.com', ip: '198.51.100.9', localPort: 587, implicitTls: false });
    const d = new EngineDriver(new SmtpServer(ctx), T);
    d.start();
    d.send('EHLO client.example\r\n');
    expect(d.send(`AUTH PLAIN ${btoa('\0alice\0wonderland')}\r\n`)[0]).toMatch(/^235 /);
    d.send('MAIL FROM:<alice@example.com>\r\nRCPT TO:<dave@example.net>\r\nDATA\r\n');
    expect(d.send('Subject: hi\r\n\r\nhello\r\n.\r\n')[0]).toMatch(/^250 /);
    expect(relayed.map((m) => m.recipients.map((r) => r.address))).toEqual([['dave@example.net']]);
    expect(new TextDecoder().decode(relayed[0]!.raw).split('\r\n')[0]).toBe('Received: from client.example (laptop.example.com [198.51.100.9])');
  });

  it('POP3 logs in and reads through the backend alone', () => {
    const { ctx } = context('access', 110);
    const d = new EngineDriver(new Pop3Server(ctx), T);
    d.start();
    d.send('USER alice\r\n');
    expect(d.send('PASS wonderland\r\n')[0]).toMatch(/^\+OK maildrop locked/);
    expect(d.send('STAT\r\n')[0]).toMatch(/^\+OK \d+ \d+$/);
  });
});
