/**
 * Transcripts in RFC 9051 notation: greeting, capabilities, login, ID, ENABLE, LOGOUT.
 * alice's INBOX holds UID 1 \Seen (Welcome), UID 2 unseen multipart (Site plans), UID 3 \Flagged (Café).
 */
import { describe, expect, it } from 'vitest';
import { playTranscript } from '../testing/transcript.ts';
import { AFTER_LOGIN, LOGIN, freshWorld, imapServer, play, T0 } from './test-helpers.ts';

describe('greeting, capabilities and login (RFC 9051 §6.1, §6.2)', () => {
  it('refuses LOGIN before STARTTLS on 143, then allows it (§6.2.1, §6.2.3)', () => {
    play(
      `S~ \\* OK \\[CAPABILITY IMAP4rev2 IMAP4rev1 STARTTLS LOGINDISABLED ${AFTER_LOGIN}\\] mail.example.com IMAP4rev2 Mailwire ready
       C: a1 CAPABILITY
       S~ \\* CAPABILITY IMAP4rev2 IMAP4rev1 STARTTLS LOGINDISABLED .*
       S: a1 OK CAPABILITY completed
       C: a2 LOGIN alice wonderland
       S~ a2 NO \\[PRIVACYREQUIRED\\] .*
       C: a3 AUTHENTICATE PLAIN AGFsaWNlAHdvbmRlcmxhbmQ=
       S~ a3 NO \\[PRIVACYREQUIRED\\] .*
       C: a4 STARTTLS
       S: a4 OK Begin TLS negotiation now
       C: a5 CAPABILITY
       S: * CAPABILITY IMAP4rev2 IMAP4rev1 AUTH=PLAIN SASL-IR ${AFTER_LOGIN.replace('\\+', '+')}
       S: a5 OK CAPABILITY completed
       C: a6 STARTTLS
       S: a6 BAD TLS is already active on this connection
       ${LOGIN}`,
      143,
    );
  });

  it('throws away what was pipelined after STARTTLS (RFC 2595 §3.1)', () => {
    const driver = playTranscript(imapServer(freshWorld(), 143), `S~ \\* OK .*`);
    const lines = driver.send('a1 STARTTLS\r\na2 LOGIN alice wonderland\r\n');
    expect(lines).toEqual(['a1 OK Begin TLS negotiation now']);
    expect(driver.send('a3 NOOP\r\n')).toEqual(['a3 OK NOOP completed']);
    expect(driver.engine.state).toBe('not-authenticated');
  });

  it('lets the host allow plaintext passwords before TLS', () => {
    const world = freshWorld();
    world.hosts[0]!.settings.plaintextAuth = true;
    playTranscript(imapServer(world, 143), `S~ \\* OK \\[CAPABILITY IMAP4rev2 IMAP4rev1 STARTTLS AUTH=PLAIN SASL-IR .*\n${LOGIN}`);
  });

  it('answers AUTHENTICATE PLAIN with SASL-IR, the + continuation, and * to cancel (§6.2.2)', () => {
    play(`S~ \\* OK .*
      C: a1 AUTHENTICATE PLAIN
      S: + 
      C: *
      S: a1 BAD AUTHENTICATE cancelled
      C: a2 AUTHENTICATE PLAIN
      S: + 
      C: not base64!
      S: a2 BAD The response is not valid base64
      C: a3 AUTHENTICATE PLAIN AGFsaWNlAHdyb25n
      S: a3 NO [AUTHENTICATIONFAILED] Invalid credentials
      C: a4 AUTHENTICATE CRAM-MD5
      S~ a4 NO \\[CANNOT\\] .*
      C: a5 AUTHENTICATE PLAIN
      S: + 
      C: AGFsaWNlAHdvbmRlcmxhbmQ=
      S~ a5 OK \\[CAPABILITY IMAP4rev2 .*\\] AUTHENTICATE completed: logged in as alice@example.com`);
  });

  it('logs in with a full address and refuses a wrong password without saying which part was wrong', () => {
    play(`S~ \\* OK .*
      C: a1 LOGIN alice@example.com nope
      S: a1 NO [AUTHENTICATIONFAILED] Invalid credentials
      C: a2 LOGIN bob builder
      S: a2 NO [AUTHENTICATIONFAILED] Invalid credentials
      C: a3 LOGIN "alice@example.com" {10+}
      C: wonderland
      S~ a3 OK .*`);
  });

  it('refuses a literal before LOGIN when it is announced, and hangs up on a huge one (RFC 7888 §4)', () => {
    const driver = playTranscript(imapServer(freshWorld(), 993), `S~ \\* OK .*`);
    // Small: BAD at once, the octets the client sends anyway are dropped, the session goes on.
    expect(driver.send('a1 APPEND INBOX {5+}\r\n')).toEqual([expect.stringMatching(/^a1 BAD APPEND is not allowed in the not authenticated state/)]);
    expect(driver.send('hello\r\na2 NOOP\r\n')).toEqual(['a2 OK NOOP completed']);
    // Huge: BAD, then BYE [TOOBIG] before a single octet of the 10 MiB is read.
    expect(driver.send('a3 APPEND INBOX {10485760+}\r\n')).toEqual([
      expect.stringMatching(/^a3 BAD APPEND is not allowed/),
      '* BYE [TOOBIG] Not reading the refused literal of 10485760 octets',
    ]);
    expect(driver.engine.state).toBe('logout');
  });

  it('answers ID, NAMESPACE and ENABLE (RFC 2971, RFC 2342, §6.3.1)', () => {
    play(`S~ \\* OK .*
      C: a1 ID ("name" "imaplib")
      S: * ID ("name" "Mailwire" "vendor" "Mailwire" "support-url" "https://mailwire.example/")
      S: a1 OK ID completed
      ${LOGIN}
      C: a2 NAMESPACE
      S: * NAMESPACE (("" "/")) NIL NIL
      S: a2 OK NAMESPACE completed
      C: a3 ENABLE IMAP4rev2 X-UNKNOWN
      S: * ENABLED IMAP4rev2
      S: a3 OK ENABLE completed
      C: a4 ENABLE IMAP4rev2
      S: * ENABLED
      S: a4 OK ENABLE completed`);
  });

  it('says BYE then OK on LOGOUT and closes (§6.1.3)', () => {
    const driver = playTranscript(imapServer(freshWorld()), `S~ \\* OK .*
      C: a1 LOGOUT
      S: * BYE Mailwire IMAP server logging out
      S: a1 OK LOGOUT completed`);
    expect(driver.closed).toBe(true);
    expect(driver.engine.state).toBe('logout');
  });

  it('gives up after ten BADs in a row (§7.1.5)', () => {
    const driver = playTranscript(imapServer(freshWorld()), 'S~ \\* OK .*');
    let lines: string[] = [];
    for (let i = 0; i < 10; i++) lines = driver.send(`x${i} BOGUS\r\n`);
    expect(lines.at(-1)).toMatch(/^\* BYE Too many errors/);
    expect(driver.closed).toBe(true);
  });
});

describe('RFC 9051 §8 sample connection, on the default world', () => {
  it('runs STARTTLS, AUTHENTICATE, ENABLE, SELECT, FETCH FULL, FETCH BODY[HEADER], STORE and LOGOUT', () => {
    play(
      `S~ \\* OK \\[CAPABILITY IMAP4rev2 IMAP4rev1 STARTTLS LOGINDISABLED .*\\] mail.example.com IMAP4rev2 Mailwire ready
       C: a000 starttls
       S: a000 OK Begin TLS negotiation now
       C: A001 AUTHENTICATE PLAIN AGFsaWNlAHdvbmRlcmxhbmQ=
       S~ A001 OK \\[CAPABILITY .*\\] AUTHENTICATE completed: logged in as alice@example.com
       C: babc ENABLE IMAP4rev2
       S: * ENABLED IMAP4rev2
       S: babc OK ENABLE completed
       C: a002 select inbox
       S: * FLAGS (\\Seen \\Answered \\Flagged \\Deleted \\Draft)
       S: * OK [PERMANENTFLAGS (\\Seen \\Answered \\Flagged \\Deleted \\Draft \\*)] Flags and keywords are stored
       S: * 3 EXISTS
       S~ \\* OK \\[UIDVALIDITY \\d+\\] UIDs valid
       S: * OK [UIDNEXT 4] Predicted next UID
       S: * LIST (\\HasNoChildren) "/" INBOX
       S: a002 OK [READ-WRITE] SELECT completed
       C: a003 fetch 1 full
       S: * 1 FETCH (FLAGS (\\Seen) INTERNALDATE "25-Nov-2026 06:00:00 +0000" RFC822.SIZE 365 ENVELOPE ("Tue, 24 Nov 2026 09:12:00 +0000" "Welcome to Mailwire" (("Carol Singer" NIL "carol" "example.com")) (("Carol Singer" NIL "carol" "example.com")) (("Carol Singer" NIL "carol" "example.com")) (("Alice" NIL "alice" "example.com")) NIL NIL NIL "<welcome.1@example.com>") BODY ("TEXT" "PLAIN" ("CHARSET" "utf-8") NIL NIL "7BIT" 92 5))
       S: a003 OK FETCH completed
       C: a004 fetch 3 body[header]
       S: * 3 FETCH (BODY[HEADER] {310}
       S: Return-Path: <carol@example.com>
       S: From: Carol Singer <carol@example.com>
       S: To: alice@example.com
       S: Subject: =?UTF-8?Q?Caf=C3=A9_on_Friday=3F?=
       S: Date: Thu, 26 Nov 2026 08:05:00 +0000
       S: Message-ID: <cafe.3@example.com>
       S: MIME-Version: 1.0
       S: Content-Type: text/plain; charset=utf-8
       S: Content-Transfer-Encoding: 8bit
       S: 
       S:  FLAGS (\\Flagged \\Seen))
       S: a004 OK FETCH completed
       C: a005 store 3 +flags \\deleted
       S: * 3 FETCH (FLAGS (\\Flagged \\Seen \\Deleted))
       S: a005 OK STORE completed
       C: a006 logout
       S: * BYE Mailwire IMAP server logging out
       S: a006 OK LOGOUT completed`,
      143,
    );
  });
});

describe('timers and TLS hand-over', () => {
  it('logs out a silent client after 30 minutes (RFC 9051 §5.4), not before', () => {
    const server = imapServer(freshWorld());
    const start = server.start(T0);
    expect(start.filter((o) => o.type === 'timer')).toEqual([{ type: 'timer', at: T0 + 30 * 60_000 }]);
    expect(server.tick(T0 + 29 * 60_000)).toEqual([]);
    const out = server.tick(T0 + 30 * 60_000);
    expect(out.map((o) => (o.type === 'write' ? new TextDecoder().decode(o.bytes) : o.type))).toEqual([
      '* BYE Autologout: no command for too long\r\n',
      'event',
      'close',
    ]);
    expect(server.state).toBe('logout');
  });

  it('ignores bytes that arrive between STARTTLS and the end of the handshake', () => {
    const server = imapServer(freshWorld(), 143);
    server.start(T0);
    const out = server.feed(new TextEncoder().encode('a1 STARTTLS\r\n'), T0);
    expect(out.some((o) => o.type === 'starttls')).toBe(true);
    expect(server.feed(new TextEncoder().encode('a2 LOGIN alice wonderland\r\n'), T0)).toEqual([]);
    server.tlsStarted({ version: 'TLSv1.3', cipher: 'TLS_AES_128_GCM_SHA256' }, T0);
    const after = server.feed(new TextEncoder().encode('a3 NOOP\r\n'), T0);
    expect(after.flatMap((o) => (o.type === 'write' ? [new TextDecoder().decode(o.bytes)] : []))).toEqual(['a3 OK NOOP completed\r\n']);
    expect(server.state).toBe('not-authenticated');
  });
});

describe('a literal for a command the state does not allow', () => {
  it('is refused before the client sends it: no continuation, and the next line is a new command', () => {
    play(
      `
      S~ \\* OK .*
      C: a1 APPEND INBOX {5}
      S~ a1 BAD APPEND is not allowed in the not authenticated state.*
      C: a2 NOOP
      S~ a2 OK .*
      `,
    );
  });
});
