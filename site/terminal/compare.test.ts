import { describe, expect, it } from 'vitest';
import { runScript, type CompareLine } from './compare.ts';
import { replyComplete } from '../../simulator/observe/index.ts';
import { ScriptedTransport, settle } from './testing/harness.ts';
import { createVirtualConnector } from './virtual-connector.ts';

const text = (lines: CompareLine[]) => lines.map((l) => `${l.direction === 'client' ? 'C' : l.direction === 'server' ? 'S' : '#'}: ${l.text}`);

describe('replyComplete', () => {
  it('SMTP: the line with SP after the code ends the reply', () => {
    expect(replyComplete({ protocol: 'smtp', command: 'EHLO a' }, ['250-x'])).toBe(false);
    expect(replyComplete({ protocol: 'smtp', command: 'EHLO a' }, ['250-x', '250 y'])).toBe(true);
  });

  it('POP3: multi-line answers end with "."; -ERR and single-line ones at once', () => {
    expect(replyComplete({ protocol: 'pop3', command: 'LIST' }, ['+OK 1 messages'])).toBe(false);
    expect(replyComplete({ protocol: 'pop3', command: 'LIST' }, ['+OK 1 messages', '1 120', '.'])).toBe(true);
    expect(replyComplete({ protocol: 'pop3', command: 'LIST 1' }, ['+OK 1 120'])).toBe(true);
    expect(replyComplete({ protocol: 'pop3', command: 'RETR 9' }, ['-ERR no such message'])).toBe(true);
  });

  it('IMAP: the tagged completion of this tag, or a continuation request', () => {
    expect(replyComplete({ protocol: 'imap', command: 'a1 SELECT INBOX' }, ['* 1 EXISTS'])).toBe(false);
    expect(replyComplete({ protocol: 'imap', command: 'a1 SELECT INBOX' }, ['* 1 EXISTS', 'a0 OK old'])).toBe(false);
    expect(replyComplete({ protocol: 'imap', command: 'a1 SELECT INBOX' }, ['* 1 EXISTS', 'a1 OK done'])).toBe(true);
    expect(replyComplete({ protocol: 'imap', command: 'a2 IDLE' }, ['+ idling'])).toBe(true);
  });
});

describe('runScript', () => {
  it('plays a script on the virtual network, with STARTTLS, and keeps the transcript', async () => {
    const transport = createVirtualConnector().connect('mail.example.com', 143, { tls: 'none' });
    const lines = await runScript(transport, ['a STARTTLS', 'b LOGIN alice wonderland', 'c SELECT INBOX', 'd LOGOUT'], { host: 'mail.example.com', protocol: 'imap' });
    const t = text(lines);
    expect(t[0]).toMatch(/^S: \* OK /);
    expect(t).toContain('C: a STARTTLS');
    expect(t.findIndex((l) => /^#: TLS is on: TLSv1\.3/.test(l))).toBeGreaterThan(t.indexOf('C: a STARTTLS'));
    expect(t.some((l) => /^S: b OK/.test(l))).toBe(true);
    expect(t.some((l) => /^S: c OK \[READ-WRITE\]/.test(l))).toBe(true);
    expect(t.some((l) => /^S: d OK/.test(l))).toBe(true);
  });

  it('SMTP message content waits for no reply until the final "."', async () => {
    const transport = createVirtualConnector().connect('mail.example.com', 25, { tls: 'none' });
    const script = ['EHLO laptop', 'MAIL FROM:<bob@example.org>', 'RCPT TO:<alice@example.com>', 'DATA', 'Subject: hi', '', 'hello', '.', 'QUIT'];
    const t = text(await runScript(transport, script, { host: 'mail.example.com', protocol: 'smtp', replyTimeoutMs: 2000 }));
    expect(t.filter((l) => l.startsWith('#: no answer'))).toEqual([]);
    expect(t.at(-2)).toMatch(/^S: 221/);
    expect(t.at(-1)).toBe('#: connection closed by the server');
  });

  it('tells the protocol from the greeting, notes a missing answer, and stops at an untrusted certificate', async () => {
    const t = new ScriptedTransport('x:1', undefined);
    const run = runScript(t, ['a STARTTLS', 'b NOOP'], { host: 'x', protocol: null, replyTimeoutMs: 50 });
    t.emit({ type: 'open', remote: 'x', port: 1 });
    t.reply('* OK hi');
    await settle();
    t.reply('a OK go');
    await settle();
    t.emit({ type: 'tls', info: { version: 'TLSv1.3', cipher: 'c', authorized: false, authorizationError: 'DEPTH_ZERO_SELF_SIGNED_CERT' } });
    const lines = text(await run);
    expect(t.startTlsCalls).toBe(1);
    expect(lines.slice(-2)).toEqual(['#: TLS is on: TLSv1.3, c.', '#: stopped: the certificate is not trusted (DEPTH_ZERO_SELF_SIGNED_CERT)']);
    expect(t.sent).toEqual(['a STARTTLS\r\n']);
    expect(t.closedByClient).toBe(true);
  });

  it('says when a server does not answer in time', async () => {
    const t = new ScriptedTransport('x:25', undefined);
    const run = runScript(t, ['NOOP'], { host: 'x', protocol: 'smtp', replyTimeoutMs: 30 });
    t.emit({ type: 'open', remote: 'x', port: 25 });
    t.reply('220 hi');
    expect(text(await run)).toEqual(['S: 220 hi', 'C: NOOP', '#: no answer within 0.03 s']);
  });
});
