/**
 * SMTP with real clients nobody here wrote: Python smtplib, curl and nodemailer, against the
 * engine on real sockets. After each, the message sits in every recipient's INBOX byte for byte,
 * apart from the trace headers the server adds (RFC 5321 §4.4).
 */
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  crlfMessage, delivered, port, python, run, startTestServers, tempDir, traceHeaders, withoutTrace, writeTemp,
} from './conformance-harness.ts';
import type { RunningServers } from './servers.ts';

let servers: RunningServers;
let dir: string;

beforeAll(async () => {
  servers = await startTestServers();
  dir = tempDir();
});

afterAll(async () => {
  await servers?.close();
});

function message(marker: string, extra: readonly string[] = []): Buffer {
  return crlfMessage([
    'From: Alice <alice@example.com>',
    'To: Carol <carol@example.com>',
    `Subject: conformance ${marker}`,
    `Message-ID: <${marker}@laptop.example>`,
    'Date: Thu, 26 Nov 2026 10:00:00 +0000',
    '',
    `Body of ${marker}.`,
    ...extra,
  ]);
}

async function expectDelivered(address: string, marker: string, sent: Buffer): Promise<void> {
  const stored = await delivered(servers.world, address, marker);
  expect(withoutTrace(stored.raw).toString('latin1')).toBe(sent.toString('latin1'));
  expect(traceHeaders(stored.raw)).toMatch(/^Return-Path: <[^>]*>\r\n/);
  expect(traceHeaders(stored.raw)).toMatch(/\r\nReceived: from /);
}

describe('Python smtplib', () => {
  it('EHLO, STARTTLS, login, sendmail to several recipients on submission (587)', async () => {
    const sent = message('smtplib-submission', ['second line', '', 'Thanks']);
    const file = writeTemp(dir, 'submission.eml', sent);
    const result = await python<{ before: string[]; after: string[]; loginBeforeTls: string; refused: object }>(
      'smtp_client.py', ['submission', port(servers, 'submission'), file, 'alice@example.com', 'carol@example.com', 'dave@example.com'],
    );
    expect(result.before).toContain('starttls');
    expect(result.before).not.toContain('auth');
    expect(result.loginBeforeTls).toBe('SMTPNotSupportedError');
    expect(result.after).toContain('auth');
    expect(result.after).not.toContain('starttls');
    expect(result.refused).toEqual({});
    for (const rcpt of ['alice@example.com', 'carol@example.com', 'dave@example.com']) {
      await expectDelivered(rcpt, 'smtplib-submission', sent);
    }
  });

  it('relays mail for another virtual domain through the MTA (bob@example.org on mail.example.org)', async () => {
    const sent = message('smtplib-relay', ['.dot after relay']);
    const file = writeTemp(dir, 'relay.eml', sent);
    const result = await python<{ refused: object }>(
      'smtp_client.py', ['submission', port(servers, 'submission'), file, 'bob@example.org'],
    );
    expect(result.refused).toEqual({});
    await expectDelivered('bob@example.org', 'smtplib-relay', sent);
    const stored = await delivered(servers.world, 'bob@example.org', 'smtplib-relay');
    // Two hops, two Received lines, newest first (RFC 5321 §4.4).
    expect(traceHeaders(stored.raw).match(/^Received: from .*\r\n\s+by mail\.example\.(org|com)/gm)).toHaveLength(2);
  });

  it('delivers lines starting with "." intact on the MX port (25) and refuses to relay', async () => {
    const sent = message('smtplib-dots', ['.', '.leading dot', '..two dots', '. space', 'end']);
    const file = writeTemp(dir, 'dots.eml', sent);
    const result = await python<{ ehlo: number; refused: object; relay: number; features: string[] }>(
      'smtp_client.py', ['mx', port(servers, 'smtp'), file, 'carol@example.com'],
    );
    expect(result.ehlo).toBe(250);
    expect(result.refused).toEqual({});
    expect(result.relay).toBe(550); // RFC 5321 §3.6.2
    expect(result.features).toEqual(expect.arrayContaining(['pipelining', '8bitmime', 'enhancedstatuscodes', 'size']));
    await expectDelivered('carol@example.com', 'smtplib-dots', sent);
  });

  it('sends to an SMTPUTF8 address (RFC 6531)', async () => {
    const sent = crlfMessage([
      'From: alice@example.com',
      'To: δοκιμή@example.com',
      'Subject: Grüße smtplib-utf8',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: 8bit',
      '',
      'Καλημέρα — smtplib-utf8',
    ]);
    const file = writeTemp(dir, 'utf8.eml', sent);
    const result = await python<{ refused: object; features: string[] }>(
      'smtp_client.py', ['smtputf8', port(servers, 'submission'), file, 'δοκιμή@example.com'],
    );
    expect(result.features).toContain('smtputf8');
    expect(result.refused).toEqual({});
    await expectDelivered('δοκιμή@example.com', 'smtplib-utf8', sent);
  });

  it('SMTP_SSL on submissions (465, implicit TLS)', async () => {
    const sent = message('smtplib-implicit');
    const file = writeTemp(dir, 'implicit.eml', sent);
    const result = await python<{ refused: object; features: string[]; cipher: string }>(
      'smtp_client.py', ['implicit', port(servers, 'submissions'), file, 'erin@example.com'],
    );
    expect(result.refused).toEqual({});
    expect(result.features).toContain('auth');
    expect(result.cipher).toMatch(/^TLSv1\.[23]$/);
    await expectDelivered('erin@example.com', 'smtplib-implicit', sent);
  });
});

describe('curl', () => {
  async function curl(url: string, marker: string, rcpts: readonly string[], flags: readonly string[]): Promise<Buffer> {
    const sent = message(marker);
    const file = writeTemp(dir, `${marker}.eml`, sent);
    const args = [...flags, '-sS', '-k', '--user', 'alice:wonderland', '--mail-from', 'alice@example.com'];
    for (const rcpt of rcpts) args.push('--mail-rcpt', rcpt);
    const result = await run('curl', [...args, '-T', file, url]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    return sent;
  }

  it('smtp:// with --ssl-reqd (STARTTLS) and AUTH on submission', async () => {
    const rcpts = ['alice@example.com', 'frank@example.com'];
    const sent = await curl(`smtp://127.0.0.1:${port(servers, 'submission')}`, 'curl-starttls', rcpts, ['--ssl-reqd']);
    for (const rcpt of rcpts) await expectDelivered(rcpt, 'curl-starttls', sent);
  });

  it('smtps:// (implicit TLS)', async () => {
    const sent = await curl(`smtps://127.0.0.1:${port(servers, 'submissions')}`, 'curl-smtps', ['grace@example.com'], []);
    await expectDelivered('grace@example.com', 'curl-smtps', sent);
  });

  it('is refused AUTH on submission without TLS', async () => {
    const file = writeTemp(dir, 'plain.eml', message('curl-plain'));
    const result = await run('curl', [
      '-sS', '--user', 'alice:wonderland', '--mail-from', 'alice@example.com', '--mail-rcpt', 'carol@example.com',
      '-T', file, `smtp://127.0.0.1:${port(servers, 'submission')}`,
    ]);
    expect(result.code).not.toBe(0);
  });
});

describe('nodemailer', () => {
  async function send(secure: boolean, marker: string, to: string): Promise<Buffer> {
    const transport = nodemailer.createTransport({
      host: '127.0.0.1',
      port: secure ? port(servers, 'submissions') : port(servers, 'submission'),
      secure,
      requireTLS: !secure,
      auth: { user: 'carol@example.com', pass: 'singer' },
      tls: { rejectUnauthorized: false },
    });
    const raw = message(marker);
    const info = await transport.sendMail({ envelope: { from: 'carol@example.com', to: [to] }, raw });
    transport.close();
    expect(info.accepted).toEqual([to]);
    expect(info.response).toMatch(/^250 /);
    return raw;
  }

  it('STARTTLS on submission (587) with AUTH', async () => {
    const sent = await send(false, 'nodemailer-starttls', 'dave@example.com');
    await expectDelivered('dave@example.com', 'nodemailer-starttls', sent);
  });

  it('implicit TLS on submissions (465)', async () => {
    const sent = await send(true, 'nodemailer-secure', 'alice@example.com');
    await expectDelivered('alice@example.com', 'nodemailer-secure', sent);
  });

  it('composes a MIME message that arrives as it was built', async () => {
    const transport = nodemailer.createTransport({
      host: '127.0.0.1', port: port(servers, 'submission'), requireTLS: true,
      auth: { user: 'alice', pass: 'wonderland' }, tls: { rejectUnauthorized: false },
    });
    const info = await transport.sendMail({
      from: 'alice@example.com', to: 'frank@example.com', subject: 'nodemailer-mime',
      text: 'Hello\n.dot line\n', attachments: [{ filename: 'a.txt', content: 'attachment body' }],
    });
    transport.close();
    const stored = await delivered(servers.world, 'frank@example.com', 'nodemailer-mime');
    expect(withoutTrace(stored.raw).toString('latin1')).toContain(`Message-ID: ${info.messageId}`);
    expect(withoutTrace(stored.raw).toString('latin1')).toMatch(/\r\n\.dot line\r\n/);
  });
});
