/** Command by command: sequencing, parameters, the MX role, errors, timers. */
import { describe, expect, it } from 'vitest';
import { playTranscript } from '../testing/transcript.ts';
import { lastMessage, smtpContext, smtpDriver } from './server-fixture.test-helper.ts';
import { IDLE_TIMEOUT_MS, SmtpServer } from './server.ts';

const ORG = 'S: 220 mail.example.org ESMTP Mailwire';

describe('order of commands (RFC 5321 §4.1.4)', () => {
  it('MAIL, RCPT, DATA, BDAT, AUTH need EHLO; NOOP, HELP, VRFY, RSET do not', () => {
    playTranscript(
      new SmtpServer(smtpContext('mail.example.org', 25)),
      `${ORG}
      C: MAIL FROM:<a@client.test>
      S: 503 5.5.1 Bad sequence of commands: send EHLO or HELO first
      C: RCPT TO:<bob@example.org>
      S: 503 5.5.1 Bad sequence of commands: send EHLO or HELO first
      C: DATA
      S: 503 5.5.1 Bad sequence of commands: send EHLO or HELO first
      C: AUTH PLAIN
      S: 503 5.5.1 Bad sequence of commands: send EHLO or HELO first
      C: NOOP anything
      S: 250 2.0.0 OK
      C: RSET
      S: 250 2.0.0 Reset state
      C: VRFY bob
      S: 252 2.5.0 Cannot VRFY user, but will accept message and attempt delivery
      C: EHLO
      S: 501 5.5.4 Syntax: EHLO domain (or an address literal such as [192.0.2.1])
      C: EHLO [192.0.2.1]
      S* 
      S: 250 HELP
      C: RCPT TO:<bob@example.org>
      S: 503 5.5.1 Bad sequence of commands: need MAIL command
      C: DATA
      S: 503 5.5.1 Bad sequence of commands: need MAIL command
      C: MAIL FROM:<a@client.test>
      S: 250 2.1.0 Sender OK
      C: DATA
      S: 503 5.5.1 Bad sequence of commands: need RCPT command
      C: STARTTLS
      S: 503 5.5.1 Bad sequence of commands: STARTTLS is not allowed during a mail transaction (RSET ends it)
      C: EHLO again.test
      S* 
      S: 250 HELP
      C: RCPT TO:<bob@example.org>
      S: 503 5.5.1 Bad sequence of commands: need MAIL command
      C: RSET extra
      S: 501 5.5.4 Syntax: RSET (no arguments)
      C: DATA extra
      S: 503 5.5.1 Bad sequence of commands: need MAIL command
      `,
    );
  });

  it('HELO starts plain SMTP: no extensions, no enhanced code on the 250, ESMTP parameters refused', () => {
    const ctx = smtpContext('mail.example.org', 25);
    playTranscript(
      new SmtpServer(ctx),
      `${ORG}
      C: HELO client.test
      S: 250 mail.example.org
      C: MAIL FROM:<a@client.test> SIZE=10
      S: 555 5.5.4 Unsupported parameter SIZE
      C: AUTH PLAIN
      S: 503 5.5.1 Bad sequence of commands: send EHLO first; AUTH is an ESMTP extension
      C: MAIL FROM:<a@client.test>
      S: 250 2.1.0 Sender OK
      C: RCPT TO:<bob@example.org>
      S: 250 2.1.5 Recipient OK
      C: DATA
      S: 354 Start mail input; end with <CRLF>.<CRLF>
      C: .
      S~ 250 .*
      `,
    );
    expect(lastMessage(ctx, 'bob@example.org')).toMatch(/with SMTP id /);
  });

  it('HELP comes from the registry; unknown and unimplemented verbs differ', () => {
    const driver = smtpDriver();
    const help = driver.send('HELP\r\n');
    expect(help[0]).toBe('214-2.0.0 Commands: EHLO HELO STARTTLS AUTH MAIL RCPT DATA BDAT RSET NOOP VRFY HELP QUIT');
    expect(help.at(-1)).toBe('214 2.0.0 End of HELP info; HELP <command> explains one');
    expect(driver.send('HELP rcpt\r\n')).toEqual(['214 2.0.0 RCPT TO:<address> [parameters]: add a recipient (forward-path); repeat for each one (RFC 5321 section 4.1.1.3)']);
    expect(driver.send('HELP FOO\r\n')).toEqual(['504 5.5.4 HELP topic unknown; try HELP with no argument']);
    expect(driver.send('EXPN staff\r\n')).toEqual(['502 5.5.1 Command not implemented']);
    expect(driver.send('FOO\r\n')).toEqual(['500 5.5.2 Error: command not recognized']);
    expect(driver.send('\r\n')).toEqual(['500 5.5.2 Error: command not recognized']);
    expect(driver.sendBytes(Uint8Array.of(0x4e, 0xff, 0x0d, 0x0a))).toEqual(['500 5.5.2 Error: command line is not valid UTF-8']);
    expect(driver.send('noop\r\n')).toEqual(['250 2.0.0 OK']);
  });
});

describe('MAIL and RCPT arguments (RFC 5321 §4.1.2)', () => {
  function ready() {
    const ctx = smtpContext('mail.example.org', 25);
    const driver = smtpDriver(ctx);
    driver.send('EHLO client.test\r\n');
    return { ctx, driver };
  }

  it('accepts the null reverse-path, a space after the colon, a source route, BODY and AUTH=', () => {
    const { driver } = ready();
    for (const args of ['FROM:<>', 'FROM: <a@client.test>', 'from:<@relay.test,@other.test:a@client.test>', 'FROM:<a@client.test> BODY=8BITMIME', 'FROM:<a@client.test> BODY=7bit AUTH=<>', 'FROM:<"odd name"@client.test>', 'FROM:<a@[192.0.2.1]>']) {
      expect(driver.send(`MAIL ${args}\r\nRSET\r\n`)).toEqual(['250 2.1.0 Sender OK', '250 2.0.0 Reset state']);
    }
  });

  it('refuses bad syntax with the reason', () => {
    const { driver } = ready();
    const cases: Array<[string, string]> = [
      ['MAIL', '501 5.5.4 Syntax: MAIL FROM:<address> [parameters]'],
      ['MAIL TO:<a@b.test>', '501 5.5.4 Syntax: MAIL FROM:<address> [parameters]'],
      ['MAIL FROM:a@client.test', '501 5.1.7 Bad sender address syntax: the address must be in angle brackets: <user@example.com>'],
      ['MAIL FROM:<a@client.test', '501 5.1.7 Bad sender address syntax: missing ">"'],
      ['MAIL FROM:<a b@client.test>', '501 5.1.7 Bad sender address syntax: "a b" is not a valid local part'],
      ['MAIL FROM:<a@-bad.test>', '501 5.1.7 Bad sender address syntax: "-bad.test" is not a valid domain'],
      ['MAIL FROM:<a@client.test>x', '501 5.1.7 Bad sender address syntax: unexpected text after ">"'],
      [`MAIL FROM:<${'l'.repeat(65)}@client.test>`, '501 5.1.7 Bad sender address syntax: the local part is longer than 64 octets'],
      ['MAIL FROM:<a@client.test> BODY=BINARYMIME', '555 5.5.4 Unsupported parameter BODY=BINARYMIME'],
      ['MAIL FROM:<a@client.test> RET=HDRS', '555 5.5.4 Unsupported parameter RET'],
      ['MAIL FROM:<a@client.test> SMTPUTF8=yes', '501 5.5.4 Invalid parameter: SMTPUTF8 takes no value'],
      ['MAIL FROM:<a@client.test> SIZE=1 SIZE=2', '501 5.5.4 Invalid parameter: SIZE appears twice'],
      ['MAIL FROM:<a@client.test> =x', '501 5.5.4 Invalid parameter: "" is not an ESMTP keyword'],
    ];
    for (const [line, reply] of cases) expect(driver.send(`${line}\r\n`), line).toEqual([reply]);
    expect(driver.engine.state).toBe('ready');
  });

  it('quotes long input shortened, and no reply line exceeds 512 octets (RFC 5321 §4.5.3.1.5)', () => {
    const { driver } = ready();
    expect(driver.send(`MAIL FROM:<${'é'.repeat(100)} x@y.test>\r\n`)).toEqual([`501 5.1.7 Bad sender address syntax: "${'?'.repeat(61)}..." is not a valid local part`]);
    const [long] = driver.send(`MAIL FROM:<a@b.test> ${'K'.repeat(480)}\r\n`);
    expect(long).toBe(`555 5.5.4 Unsupported parameter ${'K'.repeat(480)}`.slice(0, 507) + '...');
  });

  it('RCPT: local users, postmaster (RFC 5321 §4.5.1), unknown users, relay refused, parameters refused', () => {
    const { driver } = ready();
    driver.send('MAIL FROM:<a@client.test>\r\n');
    expect(driver.send('RCPT TO:<Postmaster>\r\n')).toEqual(['250 2.1.5 Recipient OK']);
    expect(driver.send('RCPT TO:<BOB@EXAMPLE.ORG>\r\n')).toEqual(['250 2.1.5 Recipient OK']);
    expect(driver.send('RCPT TO:<nobody@example.org>\r\n')).toEqual(['550 5.1.1 <nobody@example.org>: Recipient address rejected: User unknown']);
    expect(driver.send('RCPT TO:<alice@example.com>\r\n')).toEqual(['550 5.7.1 <alice@example.com>: Relay access denied']);
    expect(driver.send('RCPT TO:<bob@example.org> NOTIFY=NEVER\r\n')).toEqual(['555 5.5.4 Unsupported parameter NOTIFY']);
    expect(driver.send('RCPT TO:<>\r\n')).toEqual(['501 5.1.3 Bad recipient address syntax: the null path <> is not allowed here']);
    expect(driver.send('RCPT <bob@example.org>\r\n')).toEqual(['501 5.5.4 Syntax: RCPT TO:<address> [parameters]']);
  });

  it('SMTPUTF8 (RFC 6531): UTF-8 addresses need the MAIL parameter; with it they go through', () => {
    const { ctx, driver } = ready();
    expect(driver.send('MAIL FROM:<jörg@client.test>\r\n')).toEqual(['550 5.6.7 Non-ASCII addresses need the SMTPUTF8 parameter on MAIL FROM']);
    expect(driver.send('MAIL FROM:<a@client.test>\r\nRCPT TO:<bøb@example.org>\r\nRSET\r\n')).toEqual([
      '250 2.1.0 Sender OK',
      '553 5.6.7 Non-ASCII addresses need the SMTPUTF8 parameter on MAIL FROM',
      '250 2.0.0 Reset state',
    ]);
    ctx.world.store.addAccount('jürgen@example.org', 'pw');
    const lines = driver.send('MAIL FROM:<jörg@bücher.test> SMTPUTF8\r\nRCPT TO:<jürgen@example.org>\r\nDATA\r\nSubject: Grüße\r\n\r\nhallo\r\n.\r\n');
    expect(lines.map((l) => l.slice(0, 3))).toEqual(['250', '250', '354', '250']);
    expect(lastMessage(ctx, 'jürgen@example.org')).toMatch(/^Return-Path: <jörg@bücher\.test>\r\n[^]*with UTF8SMTP id /);
  });

  it('at most 100 recipients (RFC 5321 §4.5.3.1.8), then 452 4.5.3 (§4.5.3.1.10)', () => {
    const { driver } = ready();
    driver.send('MAIL FROM:<a@client.test>\r\n');
    let batch = '';
    for (let i = 0; i < 100; i++) batch += 'RCPT TO:<bob@example.org>\r\n';
    expect(new Set(driver.send(batch))).toEqual(new Set(['250 2.1.5 Recipient OK']));
    // The same recipient again is not a new one; 100 distinct would be needed to hit the limit.
    expect(driver.send('RCPT TO:<bob@example.org>\r\n')).toEqual(['250 2.1.5 Recipient OK']);
  });
});

describe('the session ends', () => {
  it('after 20 errors with 421 4.7.0 and a close', () => {
    const driver = smtpDriver();
    const lines = driver.send('BOGUS\r\n'.repeat(22));
    expect(lines).toHaveLength(21);
    expect(lines[20]).toBe('421 4.7.0 mail.example.com Error: too many errors');
    expect(driver.closed).toBe(true);
    expect(driver.engine.state).toBe('closed');
    expect(driver.send('NOOP\r\n')).toEqual([]);
  });

  it('a delivered message clears the error count (errors "without delivering mail")', () => {
    const driver = smtpDriver(smtpContext('mail.example.org', 25));
    expect(driver.send('BOGUS\r\n'.repeat(19))).toHaveLength(19);
    driver.send('EHLO a\r\nMAIL FROM:<a@b.test>\r\nRCPT TO:<bob@example.org>\r\nDATA\r\nx\r\n.\r\n');
    expect(driver.send('BOGUS\r\n'.repeat(19)).every((l) => l.startsWith('500 '))).toBe(true);
    expect(driver.closed).toBe(false);
  });

  it('after the idle timeout with 421 4.4.2 (RFC 5321 §4.5.3.2.7); the timer follows activity', () => {
    const server = new SmtpServer(smtpContext());
    const start = server.start(0);
    expect(start).toContainEqual({ type: 'timer', at: IDLE_TIMEOUT_MS });
    server.feed(new TextEncoder().encode('NOOP\r\n'), 1000);
    expect(server.tick(IDLE_TIMEOUT_MS)).toEqual([{ type: 'timer', at: IDLE_TIMEOUT_MS + 1000 }]);
    const out = server.tick(IDLE_TIMEOUT_MS + 1000);
    expect(out.map((o) => o.type)).toEqual(['write', 'event', 'close']);
    expect(new TextDecoder().decode((out[0] as { bytes: Uint8Array }).bytes)).toBe('421 4.4.2 mail.example.com Error: timeout exceeded\r\n');
    expect(server.tick(IDLE_TIMEOUT_MS * 3)).toEqual([]);
  });

  it('when the connection drops: state closed, the transaction discarded, nothing delivered', () => {
    const ctx = smtpContext('mail.example.org', 25);
    const before = ctx.world.store.account('bob@example.org')!.inbox.messages.length;
    const server = new SmtpServer(ctx);
    server.start(0);
    server.feed(new TextEncoder().encode('EHLO a\r\nMAIL FROM:<a@b.test>\r\nRCPT TO:<bob@example.org>\r\nDATA\r\nSubject: half\r\n'), 1);
    expect(server.closed(2)).toEqual([{ type: 'event', event: { kind: 'state', from: 'data', to: 'closed' } }]);
    expect(server.feed(new TextEncoder().encode('.\r\n'), 3)).toEqual([]);
    expect(ctx.world.store.account('bob@example.org')!.inbox.messages.length).toBe(before);
  });

  it('QUIT mid-transaction abandons it', () => {
    const driver = smtpDriver(smtpContext('mail.example.org', 25));
    expect(driver.send('EHLO a\r\nMAIL FROM:<a@b.test>\r\nQUIT\r\n').at(-1)).toBe('221 2.0.0 mail.example.org Service closing transmission channel');
    expect(driver.closed).toBe(true);
  });
});

describe('host switches', () => {
  it('with ENHANCEDSTATUSCODES disabled the codes are neither offered nor sent', () => {
    const driver = smtpDriver(smtpContext('mail.example.org', 25, { disabled: ['ENHANCEDSTATUSCODES', 'PIPELINING', 'SMTPUTF8'] }));
    const ehlo = driver.send('EHLO a\r\n');
    expect(ehlo).not.toContain('250-ENHANCEDSTATUSCODES');
    expect(ehlo).not.toContain('250-PIPELINING');
    expect(driver.send('MAIL FROM:<a@b.test> SMTPUTF8\r\n')).toEqual(['555 Unsupported parameter SMTPUTF8']);
    expect(driver.send('RCPT TO:<x@y.test>\r\n')).toEqual(['503 Bad sequence of commands: need MAIL command']);
  });

  it('AUTH switched off: not offered and not done', () => {
    const driver = smtpDriver(smtpContext('mail.example.com', 465, { disabled: ['AUTH'] }));
    expect(driver.send('EHLO a\r\n').join('\n')).not.toContain('AUTH');
    expect(driver.send('AUTH PLAIN\r\n')).toEqual(['502 5.5.1 Command not implemented']);
  });
});
