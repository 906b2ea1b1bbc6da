/**
 * RFC 5321 Appendix D scenarios, played against mail.example.org as "foo.com" with the names
 * mapped onto the default world: Jones → bob, Brown → postmaster (an alias of bob), Green → a
 * user who does not exist.
 */
import { describe, expect, it } from 'vitest';
import { playTranscript } from '../testing/transcript.ts';
import { lastMessage, PLAIN_ALICE, smtpContext } from './server-fixture.test-helper.ts';
import { SmtpServer } from './server.ts';

const EHLO_REPLY = `
  S: 250-mail.example.org greets bar.com
  S: 250-PIPELINING
  S: 250-SIZE 10485760
  S: 250-8BITMIME
  S: 250-ENHANCEDSTATUSCODES
  S: 250-SMTPUTF8
  S: 250-CHUNKING
  S: 250-STARTTLS
  S: 250 HELP`;

describe('RFC 5321 Appendix D', () => {
  it('D.1 a typical transaction: one recipient refused, the others get the message', () => {
    const ctx = smtpContext('mail.example.org', 25);
    const before = ctx.world.store.account('bob@example.org')!.inbox.messages.length;
    const driver = playTranscript(
      new SmtpServer(ctx),
      `
      S: 220 mail.example.org ESMTP Mailwire
      C: EHLO bar.com
      ${EHLO_REPLY}
      C: MAIL FROM:<Smith@bar.com>
      S: 250 2.1.0 Sender OK
      C: RCPT TO:<bob@example.org>
      S: 250 2.1.5 Recipient OK
      C: RCPT TO:<Green@example.org>
      S: 550 5.1.1 <Green@example.org>: Recipient address rejected: User unknown
      C: RCPT TO:<Postmaster@example.org>
      S: 250 2.1.5 Recipient OK
      C: DATA
      S: 354 Start mail input; end with <CRLF>.<CRLF>
      C> Blah blah blah...
      C> ....etc. etc. etc.
      C: .
      S~ 250 2\\.0\\.0 OK: 38 octets, queued as \\S+
      C: QUIT
      S: 221 2.0.0 mail.example.org Service closing transmission channel
      `,
    );
    expect(driver.closed).toBe(true);
    // Jones and Brown are the same mailbox here: one copy, not two.
    const inbox = ctx.world.store.account('bob@example.org')!.inbox.messages;
    expect(inbox.length).toBe(before + 1);
    const raw = lastMessage(ctx, 'bob@example.org')!;
    expect(raw).toMatch(/^Return-Path: <Smith@bar\.com>\r\nReceived: from bar\.com \(\[203\.0\.113\.5\]\)\r\n\tby mail\.example\.org \(Mailwire\) with ESMTP id \S+; Thu, 26 Nov 2026 09:00:00 \+0000\r\n/);
    expect(raw.endsWith('\r\nBlah blah blah...\r\n...etc. etc. etc.\r\n')).toBe(true);
    const message = driver.events.find((e) => e.kind === 'message');
    expect(message).toMatchObject({ from: 'Smith@bar.com', recipients: ['bob@example.org', 'Postmaster@example.org'], queued: [], size: 38 });
  });

  it('D.2 an aborted transaction: RSET discards it, nothing is delivered', () => {
    const ctx = smtpContext('mail.example.org', 25);
    const before = ctx.world.store.account('bob@example.org')!.inbox.messages.length;
    playTranscript(
      new SmtpServer(ctx),
      `
      S: 220 mail.example.org ESMTP Mailwire
      C: EHLO bar.com
      ${EHLO_REPLY}
      C: MAIL FROM:<Smith@bar.com>
      S: 250 2.1.0 Sender OK
      C: RCPT TO:<bob@example.org>
      S: 250 2.1.5 Recipient OK
      C: RCPT TO:<Green@example.org>
      S: 550 5.1.1 <Green@example.org>: Recipient address rejected: User unknown
      C: RSET
      S: 250 2.0.0 Reset state
      C: QUIT
      S: 221 2.0.0 mail.example.org Service closing transmission channel
      `,
    );
    expect(ctx.world.store.account('bob@example.org')!.inbox.messages.length).toBe(before);
  });

  it('D.3 relayed mail: an MX refuses to relay for strangers (no open relay)', () => {
    playTranscript(
      new SmtpServer(smtpContext('mail.example.org', 25)),
      `
      S: 220 mail.example.org ESMTP Mailwire
      C: EHLO bar.com
      ${EHLO_REPLY}
      C: MAIL FROM:<JQP@bar.com>
      S: 250 2.1.0 Sender OK
      C: RCPT TO:<Jones@XYZ.COM>
      S: 550 5.7.1 <Jones@xyz.com>: Relay access denied
      C: DATA
      S: 503 5.5.1 Bad sequence of commands: need RCPT command
      C: QUIT
      S: 221 2.0.0 mail.example.org Service closing transmission channel
      `,
    );
  });

  it('D.3 relayed mail: a logged-in submitter relays, and the message is queued with a Received line', () => {
    const ctx = smtpContext('mail.example.com', 465);
    playTranscript(
      new SmtpServer(ctx),
      `
      S: 220 mail.example.com ESMTP Mailwire
      C: EHLO bar.com
      S: 250-mail.example.com greets bar.com
      S* 
      S: 250 HELP
      C: AUTH PLAIN ${PLAIN_ALICE}
      S: 235 2.7.0 Authentication successful
      C: MAIL FROM:<alice@example.com>
      S: 250 2.1.0 Sender OK
      C: RCPT TO:<Jones@XYZ.COM>
      S: 250 2.1.5 Recipient OK
      C: DATA
      S: 354 Start mail input; end with <CRLF>.<CRLF>
      C> Date: Thu, 21 May 1998 05:33:29 -0700
      C> From: John Q. Public <JQP@bar.com>
      C> Subject: The Next Meeting of the Board
      C> To: Jones@xyz.com
      C>
      C> Bill:
      C> The next meeting of the board of directors will be
      C> on Tuesday.
      C> John.
      C: .
      S~ 250 2\\.0\\.0 OK: \\d+ octets, queued as \\S+
      C: QUIT
      S: 221 2.0.0 mail.example.com Service closing transmission channel
      `,
    );
    expect(ctx.world.queue).toHaveLength(1);
    const queued = ctx.world.queue[0]!;
    expect(queued).toMatchObject({ fromHost: 'mail.example.com', from: 'alice@example.com', recipients: [{ address: 'Jones@xyz.com', status: 'pending', attempts: 0 }] });
    const text = new TextDecoder().decode(queued.raw);
    // RFC 5321 §4.4: Return-Path is for final delivery only, so a relayed copy has none.
    expect(text).toMatch(/^Received: from bar\.com \(\[203\.0\.113\.5\]\)\r\n\tby mail\.example\.com \(Mailwire\) with ESMTPSA id \S+\r\n\t\(Authenticated sender: alice@example\.com\)\r\n\tfor <Jones@xyz\.com>; Thu, 26 Nov 2026 09:00:00 \+0000\r\nDate: Thu, 21 May 1998/);
  });

  it('D.4 verifying and sending: VRFY is answered 252, the mail goes through', () => {
    playTranscript(
      new SmtpServer(smtpContext('mail.example.org', 25)),
      `
      S: 220 mail.example.org ESMTP Mailwire
      C: EHLO bar.com
      ${EHLO_REPLY}
      C: VRFY Crispin
      S: 252 2.5.0 Cannot VRFY user, but will accept message and attempt delivery
      C: MAIL FROM:<EAK@bar.com>
      S: 250 2.1.0 Sender OK
      C: RCPT TO:<bob@example.org>
      S: 250 2.1.5 Recipient OK
      C: DATA
      S: 354 Start mail input; end with <CRLF>.<CRLF>
      C> Blah blah blah...
      C> ....etc. etc. etc.
      C: .
      S~ 250 2\\.0\\.0 OK: .*
      C: QUIT
      S: 221 2.0.0 mail.example.org Service closing transmission channel
      `,
    );
  });
});
