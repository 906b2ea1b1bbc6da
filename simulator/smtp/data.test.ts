/** DATA: transparency (RFC 5321 §4.5.2), the exact end sequence (no SMTP smuggling), limits. */
import { describe, expect, it } from 'vitest';
import { utf8Bytes } from '../wire/bytes.ts';
import { lastMessage, smtpContext, smtpDriver } from './server-fixture.test-helper.ts';

const ENVELOPE = 'EHLO client.test\r\nMAIL FROM:<sender@client.test>\r\nRCPT TO:<bob@example.org>\r\nDATA\r\n';

/** Sends `data` after DATA on a fresh MX session; returns the server lines and the context. */
function sendData(data: string, settings = {}) {
  const ctx = smtpContext('mail.example.org', 25, settings);
  const driver = smtpDriver(ctx);
  const lines = driver.send(ENVELOPE + data);
  return { ctx, driver, lines: lines.slice(lines.indexOf('354 Start mail input; end with <CRLF>.<CRLF>') + 1) };
}

/** The stored message without the two trace headers this server adds. */
function body(ctx: ReturnType<typeof smtpContext>): string {
  const raw = lastMessage(ctx, 'bob@example.org')!;
  const received = raw.indexOf('\r\nReceived: ');
  const end = raw.indexOf('\r\n', raw.indexOf('; Thu, 26 Nov 2026', received)) + 2;
  return raw.slice(end);
}

describe('DATA transparency', () => {
  it('stores the message byte for byte, with the leading dots removed', () => {
    const message = 'From: a@client.test\r\nSubject: dots\r\n\r\n.\r\n..\r\n.leading\r\nmid.dle\r\n\r\nend\r\n';
    const stuffed = message.replace(/^\./gm, '..');
    const { ctx, lines } = sendData(`${stuffed}.\r\n`);
    expect(lines).toEqual([expect.stringMatching(/^250 2\.0\.0 OK: \d+ octets/)]);
    expect(body(ctx)).toBe(message);
  });

  it('keeps 8-bit UTF-8 content and empty messages', () => {
    const message = 'Subject: Café\r\n\r\nGrüße, 世界\r\n';
    expect(body(sendData(`${message}.\r\n`).ctx)).toBe(message);
    expect(body(sendData('.\r\n').ctx)).toBe('');
  });

  it('answers a pipelined envelope, data and QUIT in order (RFC 2920)', () => {
    const ctx = smtpContext('mail.example.org', 25);
    const driver = smtpDriver(ctx);
    const lines = driver.send(`${ENVELOPE}Subject: x\r\n\r\nhi\r\n.\r\nNOOP\r\nQUIT\r\n`);
    expect(lines.map((l) => l.slice(0, 3))).toEqual(['250', '250', '250', '250', '250', '250', '250', '250', '250', '250', '250', '354', '250', '250', '221']);
    expect(driver.closed).toBe(true);
  });
});

describe('SMTP smuggling: only <CRLF>.<CRLF> ends the data', () => {
  const attempts: Array<[string, string]> = [
    ['<LF>.<LF>', '\n.\n'],
    ['<CR>.<CR>', '\r.\r'],
    ['<LF>.<CRLF>', '\n.\r\n'],
    ['<CR>.<CRLF>', '\r.\r\n'],
    ['<CRLF>.<LF>', '\r\n.\n'],
    ['<CRLF>.<CR>', '\r\n.\r'],
  ];
  for (const [name, sequence] of attempts) {
    it(`${name} does not end DATA; the smuggled commands stay message text`, () => {
      const smuggled = `MAIL FROM:<admin@example.org>\r\nRCPT TO:<bob@example.org>\r\nDATA\r\nFrom: admin@example.org\r\n\r\nforged\r\n`;
      const { ctx, driver, lines } = sendData(`Subject: real\r\n\r\ntext${sequence}${smuggled}.\r\n`);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^250 2\.0\.0 OK/);
      const events = driver.events.filter((e) => e.kind === 'message');
      expect(events).toHaveLength(1);
      const stored = body(ctx);
      expect(stored).toContain('MAIL FROM:<admin@example.org>');
      expect(stored).toContain('forged');
      // A bare LF is stored as CRLF, so no relay can forward the bare-LF dot.
      expect(stored).not.toMatch(/[^\r]\n/);
    });
  }

  it('a bare-LF line before a real end keeps its text and the data ends at the CRLF.CRLF', () => {
    const { ctx, lines } = sendData('a\nb\r\n.\r\nNOOP\r\n');
    expect(lines).toEqual([expect.stringMatching(/^250 2\.0\.0 OK/), '250 2.0.0 OK']);
    expect(body(ctx)).toBe('a\r\nb\r\n');
  });
});

describe('line and size limits', () => {
  it('a 512-octet command line is fine, 513 is "500 5.5.2 Line too long" (RFC 5321 §4.5.3.1.4)', () => {
    const driver = smtpDriver();
    expect(driver.send(`NOOP ${'x'.repeat(512 - 7)}\r\n`)).toEqual(['250 2.0.0 OK']);
    expect(driver.send(`NOOP ${'x'.repeat(512 - 6)}\r\n`)).toEqual(['500 5.5.2 Line too long (the limit is 512 octets)']);
    expect(driver.send('NOOP\r\n')).toEqual(['250 2.0.0 OK']);
  });

  it('an over-long command split across many writes is dropped as it arrives', () => {
    const driver = smtpDriver();
    for (let i = 0; i < 100; i++) expect(driver.send('y'.repeat(1000))).toEqual([]);
    expect(driver.send('\r\nNOOP\r\n')).toEqual(['500 5.5.2 Line too long (the limit is 512 octets)', '250 2.0.0 OK']);
  });

  it('a 1000-octet text line is fine (1001 when dot-stuffed); longer ones fail the message with 554 5.6.0 (RFC 5321 §4.3.2)', () => {
    expect(sendData(`${'a'.repeat(998)}\r\n.${'.'.repeat(998)}\r\n.\r\n`).lines[0]).toMatch(/^250 /);
    const { driver, lines } = sendData(`${'a'.repeat(999)}\r\nrest\r\n.\r\nNOOP\r\n`);
    expect(lines).toEqual(['554 5.6.0 Message not accepted: a line exceeded 1000 octets', '250 2.0.0 OK']);
    expect(driver.engine.state).toBe('ready');
  });

  it('SIZE is advertised and enforced: on MAIL FROM (RFC 1870 §6.1) and on the data itself', () => {
    const ctx = smtpContext('mail.example.org', 25, { maxMessageSize: 100 });
    const driver = smtpDriver(ctx);
    expect(driver.send('EHLO a\r\n')).toContain('250-SIZE 100');
    expect(driver.send('MAIL FROM:<a@client.test> SIZE=101\r\n')).toEqual(['552 5.3.4 Message size exceeds fixed maximum message size of 100 octets']);
    expect(driver.send('MAIL FROM:<a@client.test> SIZE=abc\r\n')).toEqual(['501 5.5.4 Invalid parameter: SIZE needs a number of octets, e.g. SIZE=2048']);
    expect(driver.send('MAIL FROM:<a@client.test> SIZE=100\r\nRCPT TO:<bob@example.org>\r\nDATA\r\n')).toHaveLength(3);
    const lines = driver.send(`${'x'.repeat(60)}\r\n${'y'.repeat(60)}\r\n.\r\n`);
    expect(lines).toEqual(['552 5.3.4 Message size exceeds fixed maximum message size of 100 octets']);
    expect(driver.engine.state).toBe('ready');
  });

  it('a full mailbox is refused at RCPT with 552 5.2.2, and at the end of data when it fills up', () => {
    const ctx = smtpContext('mail.example.org', 25);
    const bob = ctx.world.store.account('bob@example.org')!;
    bob.quota = bob.used + 50;
    const driver = smtpDriver(ctx);
    driver.send('EHLO a\r\n');
    expect(driver.send('MAIL FROM:<a@client.test> SIZE=60\r\nRCPT TO:<bob@example.org>\r\n')).toEqual([
      '250 2.1.0 Sender OK',
      '552 5.2.2 <bob@example.org>: Mailbox full',
    ]);
    driver.send('RSET\r\n');
    expect(driver.send('MAIL FROM:<a@client.test>\r\nRCPT TO:<bob@example.org>\r\nDATA\r\n')).toHaveLength(3);
    expect(driver.send(`${'z'.repeat(80)}\r\n.\r\n`)).toEqual(['552 5.2.2 <bob@example.org>: Mailbox full']);
  });

  it('when one of two local mailboxes is full, the other gets the message and the full one is queued for retry', () => {
    const ctx = smtpContext('mail.example.com', 25);
    const carol = ctx.world.store.account('carol@example.com')!;
    carol.quota = carol.used + 10;
    const driver = smtpDriver(ctx);
    driver.send('EHLO a\r\nMAIL FROM:<a@client.test>\r\nRCPT TO:<alice@example.com>\r\nRCPT TO:<carol@example.com>\r\nDATA\r\n');
    expect(driver.send(`${'z'.repeat(80)}\r\n.\r\n`)[0]).toMatch(/^250 /);
    expect(driver.events).toContainEqual(expect.objectContaining({ kind: 'message', delivered: ['alice@example.com'], queued: ['carol@example.com'] }));
    expect(ctx.world.queue[0]!.recipients[0]).toMatchObject({ address: 'carol@example.com', status: 'pending' });
  });
});

describe('framing is independent of how the bytes are split', () => {
  const session =
    'EHLO client.test\r\nMAIL FROM:<s@client.test> BODY=8BITMIME\r\nRCPT TO:<bob@example.org>\r\nDATA\r\n' +
    'Subject: split\r\n\r\n..stuffed\r\na\nb\r\n.\r\nBDAT 5\r\nxx\r\nxMAIL FROM:<s@client.test>\r\nRCPT TO:<bob@example.org>\r\nBDAT 4 LAST\r\nabcdNOOP\r\nQUIT\r\n';

  function run(chunks: Uint8Array[]): { lines: string[]; stored: string } {
    const ctx = smtpContext('mail.example.org', 25);
    const driver = smtpDriver(ctx);
    const lines = chunks.flatMap((c) => driver.sendBytes(c));
    return { lines: lines.map((l) => l.replace(/queued as \S+/, 'queued as ID')), stored: lastMessage(ctx, 'bob@example.org')!.replace(/ id \S+/, ' id ID') };
  }

  const bytes = utf8Bytes(session);
  const whole = run([bytes]);

  it('the whole session at once gives the expected replies', () => {
    expect(whole.lines.map((l) => l.slice(0, 3))).toEqual(['250', '250', '250', '250', '250', '250', '250', '250', '250', '250', '250', '354', '250', '503', '250', '250', '250', '250', '221']);
  });

  it('one byte at a time', () => {
    expect(run([...bytes].map((b) => Uint8Array.of(b)))).toEqual(whole);
  });

  it('split in two at every offset', () => {
    for (let i = 1; i < bytes.length; i++) expect(run([bytes.subarray(0, i), bytes.subarray(i)])).toEqual(whole);
  });

  it('a SASL exchange, byte by byte and split at every offset', () => {
    const login = utf8Bytes('EHLO a\r\nAUTH LOGIN\r\nYWxpY2U=\r\nd29uZGVybGFuZA==\r\nAUTH PLAIN\r\n*\r\nMAIL FROM:<alice@example.com>\r\n');
    const replies = (chunks: Uint8Array[]) => {
      const driver = smtpDriver(smtpContext('mail.example.com', 587, { plaintextAuth: true }));
      return chunks.flatMap((c) => driver.sendBytes(c));
    };
    const once = replies([login]);
    expect(once.slice(-6)).toEqual([
      '334 VXNlcm5hbWU6',
      '334 UGFzc3dvcmQ6',
      '235 2.7.0 Authentication successful',
      '503 5.5.1 Bad sequence of commands: already authenticated',
      '500 5.5.2 Error: command not recognized',
      '250 2.1.0 Sender OK',
    ]);
    expect(replies([...login].map((b) => Uint8Array.of(b)))).toEqual(once);
    for (let i = 1; i < login.length; i++) expect(replies([login.subarray(0, i), login.subarray(i)])).toEqual(once);
  });
});
