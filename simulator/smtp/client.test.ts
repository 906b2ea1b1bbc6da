import { describe, expect, it } from 'vitest';
import { utf8Bytes, utf8Text } from '../wire/bytes.ts';
import { SmtpClient, type SmtpClientOptions } from './client.ts';
import { events, NOW, playClient } from './client-transcript.test-helper.ts';

const MESSAGE = 'From: alice@example.com\r\nTo: bob@example.org\r\nSubject: hi\r\n\r\nHello\r\n.leading dot\r\n';

function client(over: Partial<SmtpClientOptions> = {}): SmtpClient {
  return new SmtpClient({
    clientName: 'mail.example.com',
    tls: 'opportunistic',
    from: 'alice@example.com',
    to: ['bob@example.org'],
    message: utf8Bytes(MESSAGE),
    ...over,
  });
}

const MODES = ['chunk', 'bytewise'] as const;

describe.each(MODES)('SmtpClient transcripts (%s)', (mode) => {
  it('submits with STARTTLS, AUTH PLAIN and PIPELINING; one recipient refused', () => {
    const played = playClient(
      client({ tls: 'required', credentials: { user: 'alice@example.com', password: 'wonderland' }, to: ['bob@example.org', 'nobody@example.org'] }),
      `
      S: 220 mail.example.com ESMTP Mailwire
      C: EHLO mail.example.com
      S: 250-mail.example.com
      S: 250-PIPELINING
      S: 250-STARTTLS
      S: 250-ENHANCEDSTATUSCODES
      S: 250 HELP
      C: STARTTLS
      S: 220 2.0.0 Ready to start TLS
      C: EHLO mail.example.com
      S: 250-mail.example.com
      S: 250-PIPELINING
      S: 250-AUTH PLAIN LOGIN
      S: 250-ENHANCEDSTATUSCODES
      S: 250 HELP
      C: AUTH PLAIN AGFsaWNlQGV4YW1wbGUuY29tAHdvbmRlcmxhbmQ=
      S: 235 2.7.0 Authentication successful
      C: MAIL FROM:<alice@example.com>
      C: RCPT TO:<bob@example.org>
      C: RCPT TO:<nobody@example.org>
      C: DATA
      S: 250 2.1.0 Ok
      S: 250 2.1.5 Ok
      S: 550 5.1.1 <nobody@example.org>: Recipient address rejected
      S: 354 End data with <CR><LF>.<CR><LF>
      C: From: alice@example.com
      C: To: bob@example.org
      C: Subject: hi
      C:
      C: Hello
      C: ..leading dot
      C: .
      S: 250 2.0.0 Ok: queued as 1
      C: QUIT
      S: 221 2.0.0 Bye
      `,
      mode,
    );
    const result = played.client.result!;
    expect(played.closed).toBe(true);
    expect(played.client.state).toBe('done');
    expect(result.tls?.version).toBe('TLSv1.3');
    expect(result.authenticated).toBe(true);
    expect(result.pipelined).toBe(true);
    expect(result.failure).toBeNull();
    expect(result.recipients).toEqual([
      { address: 'bob@example.org', outcome: 'delivered', code: 250, enhanced: '2.0.0', text: 'Ok: queued as 1', stage: 'message' },
      { address: 'nobody@example.org', outcome: 'permanent', code: 550, enhanced: '5.1.1', text: '<nobody@example.org>: Recipient address rejected', stage: 'rcpt' },
    ]);
  });

  it('falls back to HELO when EHLO is not recognised, and sends one command at a time', () => {
    const played = playClient(
      client({ message: utf8Bytes('Subject: x\n\n.\n..two\nlast line without CRLF') }),
      `
      S: 220 old.example.net SMTP
      C: EHLO mail.example.com
      S: 500 Command not recognized
      C: HELO mail.example.com
      S: 250 old.example.net
      C: MAIL FROM:<alice@example.com>
      S: 250 OK
      C: RCPT TO:<bob@example.org>
      S: 250 OK
      C: DATA
      S: 354 Go ahead
      C: Subject: x
      C:
      C: ..
      C: ...two
      C: last line without CRLF
      C: .
      S: 250 OK
      C: QUIT
      S: 221 closing
      `,
      mode,
    );
    const result = played.client.result!;
    expect(result.esmtp).toBe(false);
    expect(result.pipelined).toBe(false);
    expect(result.tls).toBeNull();
    expect(result.recipients[0]).toMatchObject({ outcome: 'delivered', code: 250, enhanced: null, text: 'OK' });
  });

  it('gives up when TLS is required and STARTTLS is not offered', () => {
    const played = playClient(
      client({ tls: 'required' }),
      `
      S: 220 mx.example.net ESMTP
      C: EHLO mail.example.com
      S: 250-mx.example.net
      S: 250-8BITMIME
      S: 250 HELP
      C: QUIT
      S: 221 Bye
      `,
      mode,
    );
    const result = played.client.result!;
    expect(result.failure).toMatchObject({ stage: 'ehlo', permanent: false });
    expect(result.recipients[0]).toMatchObject({ outcome: 'transient', code: null });
    expect(result.recipients[0]!.text).toMatch(/TLS is required/);
  });

  it('carries on in plaintext when opportunistic STARTTLS is refused (RFC 3207 §4.1)', () => {
    const played = playClient(
      client(),
      `
      S: 220 mx.example.net ESMTP
      C: EHLO mail.example.com
      S: 250-mx.example.net
      S: 250-STARTTLS
      S: 250 HELP
      C: STARTTLS
      S: 454 4.7.0 TLS not available due to temporary reason
      C: MAIL FROM:<alice@example.com>
      S: 250 2.1.0 Ok
      C: RCPT TO:<bob@example.org>
      S: 451 4.3.0 Try again later
      C: QUIT
      S: 221 2.0.0 Bye
      `,
      mode,
    );
    expect(played.client.result!.tls).toBeNull();
    expect(played.client.result!.recipients[0]).toMatchObject({ outcome: 'transient', code: 451, enhanced: '4.3.0', stage: 'rcpt' });
  });

  it('sends QUIT after a 554 greeting; every recipient fails permanently', () => {
    const played = playClient(
      client(),
      `
      S: 554 5.7.1 No SMTP service here
      C: QUIT
      S: 221 2.0.0 Bye
      `,
      mode,
    );
    expect(played.client.result!.recipients[0]).toMatchObject({ outcome: 'permanent', code: 554, enhanced: '5.7.1', stage: 'greeting' });
  });

  it('treats 421 as the end of the session, without QUIT', () => {
    const played = playClient(
      client(),
      `
      S: 220 mx.example.net ESMTP
      C: EHLO mail.example.com
      S: 421 4.3.2 Service shutting down
      `,
      mode,
    );
    expect(played.closed).toBe(true);
    expect(played.client.result!.recipients[0]).toMatchObject({ outcome: 'transient', code: 421 });
  });

  it('sends a single dot when a pipelined DATA gets 354 with no valid recipient (RFC 2920 §3.1)', () => {
    const played = playClient(
      client(),
      `
      S: 220 mx.example.net ESMTP
      C: EHLO mail.example.com
      S: 250-mx.example.net
      S: 250-SIZE 1000000
      S: 250-PIPELINING
      S: 250 HELP
      C: MAIL FROM:<alice@example.com> SIZE=${MESSAGE.length}
      C: RCPT TO:<bob@example.org>
      C: DATA
      S: 250 OK
      S: 550 No such user
      S: 354 Send it anyway
      C: .
      S: 554 No valid recipients
      C: QUIT
      S: 221 Bye
      `,
      mode,
    );
    expect(played.client.result!.recipients[0]).toMatchObject({ outcome: 'permanent', code: 550, stage: 'rcpt' });
  });

  it('reads every reply of a pipelined group when MAIL is refused', () => {
    const played = playClient(
      client(),
      `
      S: 220 mx.example.net ESMTP
      C: EHLO mail.example.com
      S: 250-mx.example.net
      S: 250-PIPELINING
      S: 250 HELP
      C: MAIL FROM:<alice@example.com>
      C: RCPT TO:<bob@example.org>
      C: DATA
      S: 553 5.7.1 Sender rejected
      S: 503 5.5.1 Need MAIL first
      S: 503 5.5.1 Need RCPT first
      C: QUIT
      S: 221 Bye
      `,
      mode,
    );
    expect(played.client.result!.recipients[0]).toMatchObject({ outcome: 'permanent', code: 553, stage: 'mail' });
  });

  it('reports a refused AUTH as a permanent failure', () => {
    const played = playClient(
      client({ tls: 'never', credentials: { user: 'alice', password: 'wrong' } }),
      `
      S: 220 mx.example.net ESMTP
      C: EHLO mail.example.com
      S: 250-mx.example.net
      S: 250-STARTTLS
      S: 250 AUTH PLAIN
      C: AUTH PLAIN AGFsaWNlAHdyb25n
      S: 535 5.7.8 Authentication credentials invalid
      C: QUIT
      S: 221 Bye
      `,
      mode,
    );
    const ev = events(played).filter((e) => e.kind === 'auth');
    expect(ev).toEqual([{ kind: 'auth', user: 'alice', ok: false, mechanism: 'PLAIN' }]);
    expect(played.client.result!.recipients[0]).toMatchObject({ outcome: 'permanent', code: 535, stage: 'auth' });
  });

  it('declares BODY=8BITMIME and SMTPUTF8 when the message and addresses need them', () => {
    playClient(
      client({ to: ['jürgen@example.org'], message: utf8Bytes('Subject: Café\r\n\r\nx\r\n') }),
      `
      S: 220 mx.example.net ESMTP
      C: EHLO mail.example.com
      S: 250-mx.example.net
      S: 250-8BITMIME
      S: 250-SMTPUTF8
      S: 250 HELP
      C: MAIL FROM:<alice@example.com> BODY=8BITMIME SMTPUTF8
      S: 250 OK
      C: RCPT TO:<jürgen@example.org>
      S: 250 OK
      C: DATA
      S: 354 go
      C: Subject: Café
      C:
      C: x
      C: .
      S: 250 OK
      C: QUIT
      S: 221 Bye
      `,
      mode,
    );
  });

  it('refuses a non-ASCII address when SMTPUTF8 is not offered (RFC 6531 §3.4)', () => {
    const played = playClient(
      client({ to: ['jürgen@example.org'] }),
      `
      S: 220 mx.example.net ESMTP
      C: EHLO mail.example.com
      S: 250 mx.example.net
      C: QUIT
      S: 221 Bye
      `,
      mode,
    );
    expect(played.client.result!.recipients[0]).toMatchObject({ outcome: 'permanent', code: null });
  });

  it('aborts on a line that is not an SMTP reply', () => {
    const played = playClient(client(), `S: HTTP/1.1 400 Bad Request`, mode);
    expect(played.closed).toBe(true);
    expect(played.client.result!.failure?.reason).toMatch(/not an SMTP reply line/);
  });
});

describe('SmtpClient STARTTLS response injection (RFC 3207 §4.2, CVE-2011-1431 class)', () => {
  it('discards plaintext the server sent after its 220, so it cannot pose as a reply under TLS', () => {
    const c = client();
    c.start(NOW);
    c.feed(utf8Bytes('220 mx ESMTP\r\n'), NOW);
    c.feed(utf8Bytes('250-mx\r\n250 STARTTLS\r\n'), NOW);
    const out = c.feed(utf8Bytes('220 2.0.0 Go ahead\r\n250-injected\r\n250 AUTH PLAIN\r\n'), NOW);
    expect(out.some((o) => o.type === 'starttls')).toBe(true);
    expect(c.state).toBe('tls-handshake');
    const after = c.tlsStarted({ version: 'TLSv1.3', cipher: 'TLS_AES_128_GCM_SHA256' }, NOW);
    const written = after.flatMap((o) => (o.type === 'write' ? [utf8Text(o.bytes)] : []));
    expect(written).toEqual(['EHLO mail.example.com\r\n']);
    expect(c.state).toBe('ehlo');
    expect(c.capabilities.size).toBe(0);
  });
});

describe('SmtpClient timing and connection loss', () => {
  it('times out waiting for the greeting after 5 minutes (RFC 5321 §4.5.3.2.1)', () => {
    const c = client();
    const timers = c.start(NOW).filter((o) => o.type === 'timer');
    expect(timers).toEqual([{ type: 'timer', at: NOW + 5 * 60_000 }]);
    expect(c.tick(NOW + 60_000)).toEqual([]);
    const out = c.tick(NOW + 5 * 60_000);
    expect(out.some((o) => o.type === 'close')).toBe(true);
    expect(c.result!.failure?.reason).toMatch(/timeout/);
    expect(c.result!.recipients[0]!.outcome).toBe('transient');
  });

  it('reports a lost connection after DATA as transient', () => {
    const c = client();
    c.start(NOW);
    c.feed(utf8Bytes('220 x ESMTP\r\n'), NOW);
    c.feed(utf8Bytes('250 x\r\n'), NOW);
    c.feed(utf8Bytes('250 ok\r\n'), NOW);
    c.feed(utf8Bytes('250 ok\r\n'), NOW);
    const out = c.feed(utf8Bytes('354 go\r\n'), NOW);
    const written = out.flatMap((o) => (o.type === 'write' ? [utf8Text(o.bytes)] : [])).join('');
    expect(written.endsWith('\r\n.\r\n')).toBe(true);
    c.closed(NOW);
    expect(c.state).toBe('done');
    expect(c.result!.recipients[0]).toMatchObject({ outcome: 'transient', stage: 'message' });
  });

  it('ignores bytes after the session is done', () => {
    const c = client();
    c.start(NOW);
    c.closed(NOW);
    expect(c.feed(utf8Bytes('220 late\r\n'), NOW)).toEqual([]);
  });

  it('needs a recipient (our own misuse throws)', () => {
    expect(() => client({ to: [] })).toThrow();
  });
});
