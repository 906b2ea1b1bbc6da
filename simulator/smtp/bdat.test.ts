/** RFC 3030 CHUNKING: BDAT. */
import { describe, expect, it } from 'vitest';
import { playTranscript } from '../testing/transcript.ts';
import { utf8Bytes } from '../wire/bytes.ts';
import { lastMessage, smtpContext, smtpDriver } from './server-fixture.test-helper.ts';
import { SmtpServer } from './server.ts';

const ENVELOPE = 'EHLO client.test\r\nMAIL FROM:<s@client.test>\r\nRCPT TO:<bob@example.org>\r\n';

function afterEnvelope(settings = {}) {
  const ctx = smtpContext('mail.example.org', 25, settings);
  const driver = smtpDriver(ctx);
  driver.send(ENVELOPE);
  return { ctx, driver };
}

describe('BDAT', () => {
  it('RFC 3030 §4.1 simple chunking: one chunk with LAST', () => {
    const message = 'To: Susan@random.com\r\nFrom: Sam@random.com\r\nSubject: This is a bodyless test message\r\n';
    expect(utf8Bytes(message).length).toBe(86);
    const ctx = smtpContext('mail.example.org', 25);
    playTranscript(
      new SmtpServer(ctx),
      `S: 220 mail.example.org ESMTP Mailwire
      C: EHLO ymir.claremont.edu
      S* 
      S: 250-CHUNKING
      S: 250-STARTTLS
      S: 250 HELP
      C: MAIL FROM:<Sam@Random.com>
      S: 250 2.1.0 Sender OK
      C: RCPT TO:<bob@example.org>
      S: 250 2.1.5 Recipient OK
      C> BDAT 86 LAST
      C> To: Susan@random.com
      C> From: Sam@random.com
      C: Subject: This is a bodyless test message
      S~ 250 2\\.0\\.0 OK: 86 octets, queued as \\S+
      C: QUIT
      S: 221 2.0.0 mail.example.org Service closing transmission channel
      `,
    );
    expect(lastMessage(ctx, 'bob@example.org')!.endsWith(`+0000\r\n${message}`)).toBe(true);
  });

  it('RFC 3030 §4.2 pipelined chunks, the last one empty; no dot-stuffing is undone', () => {
    const { ctx, driver } = afterEnvelope();
    const first = 'Subject: chunks\r\n\r\n.not stuffed\r\n';
    const lines = driver.send(`BDAT ${first.length}\r\n${first}BDAT 4\r\n..\r\nBDAT 0 LAST\r\n`);
    expect(lines).toEqual([`250 2.0.0 ${first.length} octets received`, '250 2.0.0 4 octets received', expect.stringMatching(/^250 2\.0\.0 OK: 37 octets/)]);
    expect(lastMessage(ctx, 'bob@example.org')!.endsWith(`+0000\r\n${first}..\r\n`)).toBe(true);
    expect(driver.events.filter((e) => e.kind === 'state').map((e) => (e.kind === 'state' ? e.to : ''))).toEqual([
      'ready', 'mail', 'rcpt',
      // RFC 3030 §2: each chunk is read in its own state, then its BDAT is answered.
      'chunk-rcpt', 'rcpt', 'bdat',
      'chunk-bdat', 'bdat',
      'chunk-bdat', 'bdat', 'ready',
    ]);
  });

  it('binary-looking bytes and CRLF split across chunks arrive intact', () => {
    const { ctx, driver } = afterEnvelope();
    driver.send('BDAT 2\r\na\r');
    driver.send('BDAT 3 LAST\r\n\nb\n');
    expect(lastMessage(ctx, 'bob@example.org')!.endsWith('+0000\r\na\r\nb\r\n')).toBe(true);
  });

  it('DATA after BDAT is a 503 (RFC 3030 §2), BDAT before RCPT still swallows its chunk', () => {
    const { driver } = afterEnvelope();
    expect(driver.send('BDAT 2\r\nhiDATA\r\n')).toEqual(['250 2.0.0 2 octets received', '503 5.5.1 Bad sequence of commands: DATA and BDAT cannot be mixed in one transaction']);
    expect(driver.send('RSET\r\nBDAT 10\r\nRCPT TO:<xNOOP\r\n')).toEqual(['250 2.0.0 Reset state', '503 5.5.1 Bad sequence of commands: need MAIL command', '250 2.0.0 OK']);
  });

  it('a chunk that exceeds SIZE is read and discarded with 552; later chunks get 503 until RSET', () => {
    const { ctx, driver } = afterEnvelope({ maxMessageSize: 10 });
    const before = ctx.world.store.account('bob@example.org')!.inbox.messages.length;
    expect(driver.send(`BDAT 8\r\n12345678BDAT 8\r\n12345678BDAT 2 LAST\r\nxyNOOP\r\n`)).toEqual([
      '250 2.0.0 8 octets received',
      '552 5.3.4 Message size exceeds fixed maximum message size of 10 octets',
      '503 5.5.1 Bad sequence of commands: an earlier BDAT chunk failed; send RSET',
      '250 2.0.0 OK',
    ]);
    expect(ctx.world.store.account('bob@example.org')!.inbox.messages.length).toBe(before);
    expect(driver.send('RSET\r\n')).toEqual(['250 2.0.0 Reset state']);
    expect(driver.engine.state).toBe('ready');
  });

  it('bad BDAT syntax is a 501 and consumes nothing; BDAT after HELO is refused but its chunk swallowed', () => {
    const { driver } = afterEnvelope();
    expect(driver.send('BDAT\r\nBDAT x\r\nBDAT 1 FIRST\r\n')).toEqual([
      '501 5.5.4 Syntax: BDAT chunk-size [LAST]',
      '501 5.5.4 Syntax: BDAT chunk-size [LAST]',
      '501 5.5.4 Syntax: BDAT chunk-size [LAST]',
    ]);
    const helo = smtpDriver(smtpContext('mail.example.org', 25));
    helo.send('HELO client.test\r\nMAIL FROM:<s@client.test>\r\nRCPT TO:<bob@example.org>\r\n');
    expect(helo.send('BDAT 6 LAST\r\nQUIT\r\nNOOP\r\n')).toEqual(['503 5.5.1 Bad sequence of commands: BDAT needs EHLO and the CHUNKING extension', '250 2.0.0 OK']);
  });
});
