import { describe, expect, it } from 'vitest';
import { setupExercises } from '../../exercises/pages/mail-client-setup.ts';
import { startWorld } from '../../exercises/replay.ts';
import type { AccountSettings } from './account-settings.ts';
import { testAccount } from './mail-client.ts';

const alice = { user: 'alice@example.com', password: 'wonderland' };
const settings = (protocol: AccountSettings['protocol'], server: string, port: number, security: AccountSettings['security'], password = alice.password): AccountSettings =>
  ({ protocol, server, port, security, user: alice.user, password });

describe('the virtual mail program\'s account test', () => {
  it.each([
    ['smtp', 465, 'tls'], ['smtp', 587, 'starttls'], ['smtp', 2525, 'starttls'],
    ['imap', 993, 'tls'], ['imap', 143, 'starttls'], ['pop3', 995, 'tls'], ['pop3', 110, 'starttls'],
  ] as const)('%s on %i with %s works', async (protocol, port, security) => {
    const t = await testAccount(settings(protocol, 'mail.example.com', port, security));
    expect(t.outcome, JSON.stringify(t.run.sessions)).toMatchObject({ ok: true, stage: 'done' });
  });

  it('sends the test message for real: it lands in Alice\'s INBOX', async () => {
    const t = await testAccount(settings('smtp', 'mail.example.com', 587, 'starttls'));
    expect(t.run.world.store.mailbox(alice.user, 'INBOX')?.messages.some((m) => new TextDecoder().decode(m.raw).includes('Subject: Mailwire account test'))).toBe(true);
  });

  it.each([
    ['nothing listens on 26', settings('smtp', 'mail.example.com', 26, 'starttls'), 'connect', /connection refused/],
    ['"None" on 587: 530 before STARTTLS', settings('smtp', 'mail.example.com', 587, 'none'), 'login', /^login refused: 530 5\.7\.0 /],
    ['TLS on a STARTTLS port', settings('smtp', 'mail.example.com', 587, 'tls'), 'connect', /^TLS failed: port 587 starts in plaintext/],
    ['STARTTLS on an implicit-TLS port', settings('imap', 'mail.example.com', 993, 'starttls'), 'connect', /^TLS failed: port 993 expects TLS from the first byte/],
    ['a certificate for another name', settings('smtp', '192.0.2.10', 587, 'starttls'), 'starttls', /bad_certificate: the certificate is for mail\.example\.com, not 192\.0\.2\.10/],
    ['a plaintext password on 143', settings('imap', 'mail.example.com', 143, 'none'), 'login', /PRIVACYREQUIRED/],
    ['a plaintext USER on 110', settings('pop3', 'mail.example.com', 110, 'none'), 'login', /-ERR \[AUTH\]/],
    ['a wrong password', settings('imap', 'mail.example.com', 993, 'tls', 'nope'), 'login', /AUTHENTICATIONFAILED/],
    ['an unknown host', settings('imap', 'imap.example.com', 993, 'tls'), 'connect', /^unknown host/],
    ['a port number past 65535', settings('imap', 'mail.example.com', 99300, 'tls'), 'connect', /not a port number/],
  ] as const)('fails the way the server says: %s', async (_, s, stage, text) => {
    const t = await testAccount(s);
    expect(t.outcome.ok).toBe(false);
    expect(t.outcome.stage).toBe(stage);
    expect(t.outcome.text).toMatch(text);
  });
});

describe('every setup exercise', () => {
  it('has a unique id and hints', () => {
    expect(new Set(setupExercises.map((e) => e.id)).size).toBe(setupExercises.length);
    for (const e of setupExercises) expect(e.hints.length, e.id).toBeGreaterThan(0);
  });
  for (const e of setupExercises) {
    it(`${e.id}: the reference settings meet the goal`, async () => {
      const result = e.check((await testAccount(e.solution, startWorld(e.start))).run);
      expect(result.message).toMatch(/^Solved/);
      expect(result.ok).toBe(true);
    });
    it(`${e.id}: the wrong settings do not`, async () => {
      expect(e.check((await testAccount(e.wrong, startWorld(e.start))).run).ok).toBe(false);
    });
  }
});
