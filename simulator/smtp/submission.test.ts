/** Message submission (RFC 6409) on 587/2525/465: STARTTLS (RFC 3207), AUTH (RFC 4954). */
import { describe, expect, it } from 'vitest';
import { playTranscript } from '../testing/transcript.ts';
import { lastMessage, PLAIN_ALICE, smtpContext, smtpDriver } from './server-fixture.test-helper.ts';
import { SmtpServer } from './server.ts';

const GREETING = 'S: 220 mail.example.com ESMTP Mailwire';
const EHLO_PLAIN = `
  C: EHLO laptop
  S: 250-mail.example.com greets laptop
  S: 250-PIPELINING
  S: 250-SIZE 10485760
  S: 250-8BITMIME
  S: 250-ENHANCEDSTATUSCODES
  S: 250-SMTPUTF8
  S: 250-CHUNKING
  S: 250-STARTTLS
  S: 250 HELP`;
const EHLO_TLS = `
  C: EHLO laptop
  S: 250-mail.example.com greets laptop
  S: 250-PIPELINING
  S: 250-SIZE 10485760
  S: 250-8BITMIME
  S: 250-ENHANCEDSTATUSCODES
  S: 250-SMTPUTF8
  S: 250-CHUNKING
  S: 250-AUTH PLAIN LOGIN
  S: 250 HELP`;

describe('submission on 587', () => {
  it('the learner path of the issue: STARTTLS, AUTH PLAIN, a message to bob and carol', () => {
    const ctx = smtpContext('mail.example.com', 587);
    const driver = playTranscript(
      new SmtpServer(ctx),
      `${GREETING}
      ${EHLO_PLAIN}
      C: AUTH PLAIN ${PLAIN_ALICE}
      S: 530 5.7.0 Must issue a STARTTLS command first
      C: MAIL FROM:<alice@example.com>
      S: 530 5.7.0 Must issue a STARTTLS command first
      C: STARTTLS
      S: 220 2.0.0 Ready to start TLS
      ${EHLO_TLS}
      C: MAIL FROM:<alice@example.com>
      S: 530 5.7.0 Authentication required
      C: AUTH PLAIN ${PLAIN_ALICE}
      S: 235 2.7.0 Authentication successful
      C: AUTH PLAIN ${PLAIN_ALICE}
      S: 503 5.5.1 Bad sequence of commands: already authenticated
      C: MAIL FROM:<carol@example.com>
      S: 553 5.7.1 <carol@example.com>: Sender address rejected: not owned by user alice@example.com
      C: MAIL FROM:<Alice@Example.COM>
      S: 250 2.1.0 Sender OK
      C: RCPT TO:<bob@example.org>
      S: 250 2.1.5 Recipient OK
      C: RCPT TO:<carol@example.com>
      S: 250 2.1.5 Recipient OK
      C: RCPT TO:<nobody@example.com>
      S: 550 5.1.1 <nobody@example.com>: Recipient address rejected: User unknown
      C: DATA
      S: 354 Start mail input; end with <CRLF>.<CRLF>
      C> Subject: hello
      C>
      C: .
      S~ 250 2\\.0\\.0 OK: 18 octets, queued as \\S+
      C: QUIT
      S: 221 2.0.0 mail.example.com Service closing transmission channel
      `,
    );
    expect(driver.events.filter((e) => e.kind === 'state').map((e) => (e.kind === 'state' ? e.to : ''))).toEqual([
      'ready', 'starttls', 'connected', 'ready', 'mail', 'rcpt', 'data', 'ready', 'closed',
    ]);
    expect(driver.events).toContainEqual({ kind: 'auth', user: 'alice@example.com', ok: true, mechanism: 'PLAIN' });
    expect(driver.events).toContainEqual(expect.objectContaining({ kind: 'message', queued: ['bob@example.org'], delivered: ['carol@example.com'] }));
    expect(lastMessage(ctx, 'carol@example.com')).toMatch(/^Return-Path: <Alice@example\.com>\r\nReceived: from laptop .*\r\n\tby mail\.example\.com \(Mailwire\) with ESMTPSA id \S+\r\n\t\(using TLSv1\.3\)\r\n[\s\S]*\r\n\ttls TLS_AES_128_GCM_SHA256; /);
    expect(ctx.world.queue.map((q) => q.recipients.map((r) => r.address))).toEqual([['bob@example.org']]);
  });

  it('AUTH LOGIN with 334 challenges, and with the user name as initial response', () => {
    const ctx = smtpContext('mail.example.com', 2525);
    const driver = playTranscript(
      new SmtpServer(ctx),
      `${GREETING}
      C: EHLO laptop
      S* 
      S: 250 HELP
      C: STARTTLS
      S: 220 2.0.0 Ready to start TLS
      ${EHLO_TLS}
      C: AUTH LOGIN
      S: 334 VXNlcm5hbWU6
      C: Y2Fyb2w=
      S: 334 UGFzc3dvcmQ6
      C: d3Jvbmc=
      S: 535 5.7.8 Authentication credentials invalid
      C: AUTH LOGIN Y2Fyb2w=
      S: 334 UGFzc3dvcmQ6
      C: c2luZ2Vy
      S: 235 2.7.0 Authentication successful
      C: MAIL FROM:<carol@example.com>
      S: 250 2.1.0 Sender OK
      `,
    );
    const auth = driver.events.filter((e) => e.kind === 'auth');
    expect(auth).toEqual([
      { kind: 'auth', user: 'carol', ok: false, mechanism: 'LOGIN' },
      { kind: 'auth', user: 'carol@example.com', ok: true, mechanism: 'LOGIN' },
    ]);
    expect(driver.events.filter((e) => e.kind === 'state').map((e) => (e.kind === 'state' ? `${e.from}>${e.to}` : ''))).toContain('ready>auth');
  });

  it('AUTH PLAIN without an initial response gets "334 " and reads the response', () => {
    playTranscript(
      new SmtpServer(smtpContext('mail.example.com', 465)),
      `${GREETING}
      ${EHLO_TLS}
      C: AUTH PLAIN
      S: 334 
      C: ${PLAIN_ALICE}
      S: 235 2.7.0 Authentication successful
      `,
    );
  });

  it('"*" cancels, bad base64 and unknown mechanisms are refused, a wrong authzid fails', () => {
    playTranscript(
      new SmtpServer(smtpContext('mail.example.com', 465)),
      `${GREETING}
      ${EHLO_TLS}
      C: AUTH PLAIN
      S: 334 
      C: *
      S: 501 5.7.0 Authentication cancelled
      C: AUTH LOGIN
      S: 334 VXNlcm5hbWU6
      C: not base64!
      S: 501 5.5.2 Cannot decode the base64 response
      C: AUTH PLAIN =AAA
      S: 501 5.5.2 Cannot decode the base64 response
      C: AUTH CRAM-MD5
      S: 504 5.5.4 Unrecognized authentication type (offered: PLAIN LOGIN)
      C: AUTH
      S: 501 5.5.4 Syntax: AUTH mechanism [initial-response]
      C: AUTH PLAIN Y2Fyb2wAYWxpY2UAd29uZGVybGFuZA==
      S: 535 5.7.8 Authentication credentials invalid
      C: AUTH PLAIN YWxpY2VAZXhhbXBsZS5jb20AYWxpY2UAd29uZGVybGFuZA==
      S: 235 2.7.0 Authentication successful
      `,
    );
  });

  it('a SASL line over 12288 octets fails AUTH with 500 5.5.6 (RFC 4954 §4)', () => {
    const driver = smtpDriver(smtpContext('mail.example.com', 465));
    driver.send('EHLO laptop\r\n');
    expect(driver.send('AUTH LOGIN\r\n')).toEqual(['334 VXNlcm5hbWU6']);
    expect(driver.send(`${'QUFB'.repeat(3072)}\r\n`)).toEqual(['500 5.5.6 Authentication Exchange line is too long']);
    expect(driver.engine.state).toBe('ready');
  });

  it('implicit TLS details reach the Received line', () => {
    const ctx = smtpContext('mail.example.com', 465);
    const server = new SmtpServer(ctx);
    server.start(0);
    expect(server.tlsStarted({ version: 'TLSv1.3', cipher: 'TLS_CHACHA20_POLY1305_SHA256' }, 0)).toEqual([
      { type: 'event', event: { kind: 'tls', info: { version: 'TLSv1.3', cipher: 'TLS_CHACHA20_POLY1305_SHA256' } } },
    ]);
    expect(() => server.tlsStarted({ version: 'TLSv1.3', cipher: 'X' }, 0)).toThrow(/without a STARTTLS request/);
    const send = (text: string) => server.feed(new TextEncoder().encode(text), 0);
    send(`EHLO laptop\r\nAUTH PLAIN ${PLAIN_ALICE}\r\nMAIL FROM:<alice@example.com>\r\nRCPT TO:<carol@example.com>\r\nDATA\r\nhi\r\n.\r\n`);
    expect(lastMessage(ctx, 'carol@example.com')).toContain('with ESMTPSA id');
    expect(lastMessage(ctx, 'carol@example.com')).toContain('\ttls TLS_CHACHA20_POLY1305_SHA256; ');
  });

  it('RSET keeps the login; MAIL during a transaction is a 503; AUTH during one too', () => {
    playTranscript(
      new SmtpServer(smtpContext('mail.example.com', 465)),
      `${GREETING}
      ${EHLO_TLS}
      C: AUTH PLAIN ${PLAIN_ALICE}
      S: 235 2.7.0 Authentication successful
      C: MAIL FROM:<alice@example.com>
      S: 250 2.1.0 Sender OK
      C: MAIL FROM:<alice@example.com>
      S: 503 5.5.1 Bad sequence of commands: nested MAIL command; a transaction is already open (RSET ends it)
      C: AUTH PLAIN ${PLAIN_ALICE}
      S: 503 5.5.1 Bad sequence of commands: AUTH is not allowed during a mail transaction (RSET ends it)
      C: RSET
      S: 250 2.0.0 Reset state
      C: MAIL FROM:<alice@example.com>
      S: 250 2.1.0 Sender OK
      `,
    );
  });

  it('with plaintextAuth the host offers AUTH before TLS (to show what an eavesdropper sees)', () => {
    playTranscript(
      new SmtpServer(smtpContext('mail.example.com', 587, { plaintextAuth: true })),
      `${GREETING}
      C: EHLO laptop
      S* 
      S: 250-STARTTLS
      S: 250-AUTH PLAIN LOGIN
      S: 250 HELP
      C: AUTH PLAIN ${PLAIN_ALICE}
      S: 235 2.7.0 Authentication successful
      `,
    );
  });

  it('465 is TLS from the first byte: no STARTTLS offered, a STARTTLS command is refused', () => {
    playTranscript(
      new SmtpServer(smtpContext('mail.example.com', 465)),
      `${GREETING}
      ${EHLO_TLS}
      C: STARTTLS
      S: 503 5.5.1 Bad sequence of commands: TLS is already active
      `,
    );
  });
});

describe('STARTTLS (RFC 3207)', () => {
  it('discards commands pipelined after STARTTLS in plaintext (CVE-2011-0411)', () => {
    const ctx = smtpContext('mail.example.com', 587);
    const driver = smtpDriver(ctx);
    driver.send('EHLO laptop\r\n');
    const lines = driver.send(`STARTTLS\r\nAUTH PLAIN ${PLAIN_ALICE}\r\nMAIL FROM:<alice@example.com>\r\n`);
    expect(lines).toEqual(['220 2.0.0 Ready to start TLS']);
    expect(driver.engine.state).toBe('connected');
    expect(driver.events.some((e) => e.kind === 'auth')).toBe(false);
    expect(driver.send('MAIL FROM:<alice@example.com>\r\n')).toEqual(['503 5.5.1 Bad sequence of commands: send EHLO or HELO first']);
  });

  it('bytes that arrive before the handshake completes are dropped', () => {
    const server = new SmtpServer(smtpContext('mail.example.com', 587));
    server.start(0);
    const out = server.feed(new TextEncoder().encode('EHLO a\r\nSTARTTLS\r\n'), 0);
    expect(out.map((o) => o.type)).toContain('starttls');
    expect(server.state).toBe('starttls');
    expect(server.feed(new TextEncoder().encode('MAIL FROM:<alice@example.com>\r\n'), 1)).toEqual([]);
    const after = server.tlsStarted({ version: 'TLSv1.3', cipher: 'X' }, 2);
    expect(after.filter((o) => o.type === 'write')).toEqual([]);
    expect(server.state).toBe('connected');
  });

  it('forgets the EHLO and a plaintext login after the handshake (RFC 3207 §4.2)', () => {
    playTranscript(
      new SmtpServer(smtpContext('mail.example.com', 587, { plaintextAuth: true })),
      `${GREETING}
      C: EHLO laptop
      S* 
      S: 250 HELP
      C: AUTH PLAIN ${PLAIN_ALICE}
      S: 235 2.7.0 Authentication successful
      C: STARTTLS
      S: 220 2.0.0 Ready to start TLS
      C: MAIL FROM:<alice@example.com>
      S: 503 5.5.1 Bad sequence of commands: send EHLO or HELO first
      ${EHLO_TLS}
      C: MAIL FROM:<alice@example.com>
      S: 530 5.7.0 Authentication required
      C: STARTTLS with-arg
      S: 501 5.5.4 Syntax: STARTTLS (no parameters allowed)
      `,
    );
  });

  it('a host with STARTTLS switched off neither offers nor does it', () => {
    playTranscript(
      new SmtpServer(smtpContext('mail.example.org', 25, { disabled: ['STARTTLS', 'CHUNKING'] })),
      `S: 220 mail.example.org ESMTP Mailwire
      C: EHLO laptop
      S: 250-mail.example.org greets laptop
      S: 250-PIPELINING
      S: 250-SIZE 10485760
      S: 250-8BITMIME
      S: 250-ENHANCEDSTATUSCODES
      S: 250-SMTPUTF8
      S: 250 HELP
      C: STARTTLS
      S: 454 4.7.0 TLS not available due to temporary reason
      `,
    );
  });
});

describe('a host that requires STARTTLS (RFC 3207 §4)', () => {
  it('refuses MAIL on port 25 until TLS is on, then accepts it', () => {
    const ctx = smtpContext('mail.example.org', 25);
    ctx.host.settings.starttlsRequired = true;
    playTranscript(
      new SmtpServer(ctx),
      `
      S~ 220 .*
      C: EHLO client.example
      S* 
      S: 250 HELP
      C: MAIL FROM:<carol@example.com>
      S: 530 5.7.0 Must issue a STARTTLS command first
      C: STARTTLS
      S: 220 2.0.0 Ready to start TLS
      C: EHLO client.example
      S* 
      S: 250 HELP
      C: MAIL FROM:<carol@example.com>
      S: 250 2.1.0 Sender OK
      `,
    );
  });
});
