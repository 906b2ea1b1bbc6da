import { describe, expect, it } from 'vitest';
import { allowedCommands, type ImapState } from '../imap/state.ts';
import { pop3 } from '../pop3/fixtures.test-helper.ts';
import { TEST_TLS } from '../testing/transcript.ts';
import { utf8Bytes } from '../wire/bytes.ts';
import { dialogueState, protocolFromGreeting } from './dialogue-state.ts';

/** Plays an RFC-style transcript ("C: …" / "S: …") and returns the state after each line. */
function play(protocol: 'smtp' | 'pop3' | 'imap', transcript: string): Array<string | null> {
  const d = dialogueState(protocol);
  const states: Array<string | null> = [];
  for (const raw of transcript.trim().split('\n')) {
    const line = raw.trim();
    if (line === 'TLS') d.tlsStarted();
    else if (/^C:(?: |$)/.test(line)) d.client(line.slice(3));
    else if (/^S:(?: |$)/.test(line)) d.server(line.slice(3));
    states.push(d.state);
  }
  return states;
}

describe('protocolFromGreeting', () => {
  it('tells the protocol from the first line', () => {
    expect(protocolFromGreeting('220 mail.test ESMTP Postfix')).toBe('smtp');
    expect(protocolFromGreeting('+OK Dovecot ready.')).toBe('pop3');
    expect(protocolFromGreeting('* OK [CAPABILITY IMAP4rev1] Dovecot ready.')).toBe('imap');
    expect(protocolFromGreeting('* PREAUTH welcome')).toBe('imap');
    expect(protocolFromGreeting('SSH-2.0-OpenSSH')).toBeNull();
  });
});

describe('SMTP dialogue', () => {
  it('follows a whole transaction and STARTTLS (RFC 5321 §3.3, RFC 3207 §4.2)', () => {
    expect(play('smtp', `
      S: 220 mail.test ESMTP
      C: EHLO laptop
      S: 250-mail.test
      S: 250 STARTTLS
      C: STARTTLS
      S: 220 2.0.0 Ready
      TLS
      C: EHLO laptop
      S: 250 mail.test
      C: MAIL FROM:<a@b>
      S: 250 2.1.0 Ok
      C: RCPT TO:<c@d>
      S: 250 2.1.5 Ok
      C: DATA
      S: 354 End data with <CR><LF>.<CR><LF>
      C: Subject: hi
      C: .
      S: 250 2.0.0 Ok: queued
      C: QUIT
      S: 221 2.0.0 Bye
    `)).toEqual([
      'connected', 'connected', 'connected', 'ready', 'ready', 'starttls', 'connected', 'connected', 'ready', 'ready', 'mail',
      'mail', 'rcpt', 'rcpt', 'data', 'data', 'data', 'ready', 'ready', 'closed',
    ]);
  });

  it('stays put on a refusal, enters auth on 334 and leaves it on 235', () => {
    expect(play('smtp', `
      S: 220 hi
      C: MAIL FROM:<a@b>
      S: 503 5.5.1 Error: send HELO/EHLO first
      C: EHLO x
      S: 250 ok
      C: AUTH LOGIN
      S: 334 VXNlcm5hbWU6
      C: YWxpY2U=
      S: 334 UGFzc3dvcmQ6
      C: d29uZGVybGFuZA==
      S: 235 2.7.0 Authentication successful
      S: 421 4.4.2 timeout
    `).filter((_, i) => [2, 6, 8, 10, 11].includes(i))).toEqual(['connected', 'auth', 'auth', 'ready', 'closed']);
  });
});

describe('POP3 dialogue', () => {
  it('AUTHORIZATION to TRANSACTION on PASS, skipping multi-line bodies (RFC 1939)', () => {
    const states = play('pop3', `
      S: +OK ready
      C: CAPA
      S: +OK Capability list follows
      S: +OK this is a capability line, not a status
      S: .
      C: USER alice
      S: +OK
      C: PASS wrong
      S: -ERR [AUTH] Authentication failed.
      C: PASS wonderland
      S: +OK Logged in.
      C: QUIT
      S: +OK Logging out.
    `);
    expect(states[0]).toBe('AUTHORIZATION');
    expect(states[8]).toBe('AUTHORIZATION');
    expect(states[10]).toBe('TRANSACTION');
    expect(states.at(-1)).toBe('CLOSED');
  });

  it('a SASL exchange: the client\'s answers are not commands (RFC 5034 §4)', () => {
    expect(play('pop3', `
      S: +OK ready
      C: AUTH PLAIN
      S: +
      C: AGFsaWNlAHdvbmRlcmxhbmQ=
      S: +OK Logged in.
    `).at(-1)).toBe('TRANSACTION');
  });
});

describe('POP3 sub-states a client can see', () => {
  it('SASL from the "+" challenge to +OK/-ERR (RFC 5034 §4); TLS-HANDSHAKE from STLS\'s +OK until TLS (RFC 2595 §4)', () => {
    const states = play('pop3', `
      S: +OK ready
      C: STLS
      S: +OK Begin TLS negotiation
      C: USER early
      TLS
      C: AUTH PLAIN
      S: +
      C: *
      S: -ERR AUTH cancelled
      C: AUTH PLAIN
      S: +
      C: AGJvYgBidWlsZGVy
      S: +OK Logged in.
    `);
    expect(states).toEqual([
      'AUTHORIZATION', 'AUTHORIZATION', 'TLS-HANDSHAKE', 'TLS-HANDSHAKE', 'AUTHORIZATION', 'AUTHORIZATION', 'SASL', 'SASL', 'AUTHORIZATION',
      'AUTHORIZATION', 'SASL', 'SASL', 'TRANSACTION',
    ]);
  });

  it('agrees with the POP3 engine after every answer, sub-states included', () => {
    const { server, driver } = pop3({ port: 110, host: 'mail.example.org' });
    const d = dialogueState('pop3');
    d.server('+OK ready');
    const script = ['CAPA', 'AUTH PLAIN', '*', 'STLS', 'TLS', 'AUTH PLAIN', 'AGJvYgB3cm9uZw==', 'AUTH PLAIN', 'AGJvYgBidWlsZGVy', 'LIST', 'QUIT'];
    const seen: string[] = [];
    for (const line of script) {
      if (line === 'TLS') {
        d.tlsStarted();
        driver.take(server.tlsStarted(TEST_TLS, driver.now));
      } else {
        d.client(line);
        // Not through driver.send, which would run the TLS handshake before the state is read.
        const outputs = server.feed(utf8Bytes(`${line}\r\n`), driver.now);
        for (const reply of driver.take(outputs.filter((o) => o.type !== 'starttls'))) d.server(reply);
      }
      seen.push(server.state);
      expect(d.state).toBe(server.state);
    }
    for (const s of ['SASL', 'TLS-HANDSHAKE', 'TRANSACTION']) expect(seen).toContain(s);
  });
});

describe('IMAP dialogue', () => {
  it('not authenticated → authenticated → selected → authenticated → logout (RFC 9051 §3)', () => {
    expect(play('imap', `
      S: * OK [CAPABILITY IMAP4rev1 STARTTLS] ready
      C: a STARTTLS
      S: a OK Begin TLS negotiation now.
      TLS
      C: b SELECT INBOX
      S: b BAD not authenticated
      C: c LOGIN alice wonderland
      S: * CAPABILITY IMAP4rev1
      S: c OK Logged in
      C: d SELECT INBOX
      S: * 1 EXISTS
      S: d OK [READ-WRITE] Select completed
      C: e SELECT Nope
      S: e NO no such mailbox
      C: f SELECT INBOX
      S: f OK done
      C: g CLOSE
      S: g OK done
      C: h LOGOUT
      S: * BYE Logging out
      S: h OK Logout completed.
    `)).toEqual([
      'not-authenticated', 'not-authenticated', 'tls-handshake', 'not-authenticated', 'not-authenticated', 'not-authenticated',
      'not-authenticated', 'not-authenticated', 'authenticated', 'authenticated', 'authenticated', 'selected', 'selected',
      'authenticated', 'authenticated', 'selected', 'selected', 'authenticated', 'authenticated', 'logout', 'logout',
    ]);
  });

  it('PREAUTH starts authenticated; continuation lines are not commands', () => {
    expect(play('imap', `
      S: * PREAUTH welcome
      C: a AUTHENTICATE PLAIN
      S: +
      C: AGFsaWNlAHdvbmRlcmxhbmQ=
      C: b SELECT INBOX
      S: b OK [READ-WRITE] done
    `).at(-1)).toBe('selected');
  });
});

/**
 * The IMAP sub-states (simulator/imap/state.ts), each from a transcript whose lines are the
 * engine's own, with the state after every line written beside it.
 */
function imapSteps(transcript: string): { lines: string; expected: Array<string | null> } {
  const rows = transcript.trim().split('\n').map((row) => [row.slice(0, row.lastIndexOf('=>')).trim(), row.slice(row.lastIndexOf('=>') + 2).trim()]);
  return { lines: rows.map((r) => r[0]!).join('\n'), expected: rows.map((r) => r[1]!) };
}

function expectImapStates(transcript: string): void {
  const { lines, expected } = imapSteps(transcript);
  expect(play('imap', lines)).toEqual(expected);
}

describe('IMAP sub-states a client can see', () => {
  it('sasl: from the "+" that answers AUTHENTICATE to its tagged reply (RFC 9051 §6.2.2)', () => {
    expectImapStates(`
      S: * OK [CAPABILITY IMAP4rev2 AUTH=PLAIN] ready                     => not-authenticated
      C: a AUTHENTICATE PLAIN                                             => not-authenticated
      S: +                                                                => sasl
      C: *                                                                => sasl
      S: a BAD AUTHENTICATE cancelled                                     => not-authenticated
      C: b AUTHENTICATE PLAIN                                             => not-authenticated
      S: +                                                                => sasl
      C: c LOGOUT                                                         => sasl
      S: b BAD The response is not valid base64                           => not-authenticated
      C: d AUTHENTICATE PLAIN                                             => not-authenticated
      S: +                                                                => sasl
      C: x {3}                                                            => sasl
      S: d BAD The response is not valid base64                           => not-authenticated
      C: e AUTHENTICATE PLAIN                                             => not-authenticated
      S: +                                                                => sasl
      C: AGFsaWNlAHdvbmRlcmxhbmQ=                                         => sasl
      S: e OK [CAPABILITY IMAP4rev2] AUTHENTICATE completed               => authenticated
    `);
  });

  it('sasl: a refused AUTHENTICATE and one with an initial response never enter it (RFC 4959)', () => {
    expectImapStates(`
      S: * OK ready                                                       => not-authenticated
      C: a AUTHENTICATE PLAIN                                             => not-authenticated
      S: a NO [PRIVACYREQUIRED] Plaintext passwords are refused before TLS => not-authenticated
      C: b AUTHENTICATE PLAIN AGFsaWNlAHdvbmRlcmxhbmQ=                    => not-authenticated
      S: b OK AUTHENTICATE completed                                      => authenticated
    `);
  });

  it('tls-handshake: from the tagged OK to STARTTLS until TLS is up (RFC 9051 §6.2.1)', () => {
    expectImapStates(`
      S: * OK [CAPABILITY IMAP4rev2 STARTTLS LOGINDISABLED] ready        => not-authenticated
      C: a STARTTLS                                                       => not-authenticated
      S: a OK Begin TLS negotiation now                                   => tls-handshake
      C: b NOOP                                                           => tls-handshake
      TLS                                                                 => not-authenticated
      C: c STARTTLS                                                       => not-authenticated
      S: c BAD TLS is already active                                      => not-authenticated
      C: d LOGIN alice wonderland                                         => not-authenticated
      S: d OK LOGIN completed                                             => authenticated
    `);
    const d = dialogueState('imap');
    d.server('* OK ready');
    d.client('a STARTTLS');
    d.server('a OK Begin TLS negotiation now');
    expect(allowedCommands(d.state as ImapState)).toEqual([]);
  });

  it('idle-selected and idle-authenticated: from "+ idling" to IDLE\'s tagged reply (RFC 9051 §6.3.13)', () => {
    expectImapStates(`
      S: * PREAUTH welcome                                                => authenticated
      C: a SELECT INBOX                                                   => authenticated
      S: * 3 EXISTS                                                       => authenticated
      S: a OK [READ-WRITE] SELECT completed                               => selected
      C: b IDLE                                                           => selected
      S: + idling                                                         => idle-selected
      S: * 4 EXISTS                                                       => idle-selected
      C: DONE                                                             => idle-selected
      S: b OK IDLE terminated                                             => selected
      C: c CLOSE                                                          => selected
      S: c OK CLOSE completed                                             => authenticated
      C: d IDLE                                                           => authenticated
      S: + idling                                                         => idle-authenticated
      C: e NOOP                                                           => idle-authenticated
      S: d BAD Expected DONE to end IDLE, got "e NOOP"                    => authenticated
      C: f IDLE                                                           => authenticated
      S: + idling                                                         => idle-authenticated
      S: * BYE Autologout                                                 => logout
    `);
  });

  it('literal-*: after the "+" for {n}, until the last octet; a line may hold the literal and more (RFC 9051 §4.3, §7.6)', () => {
    expectImapStates(`
      S: * OK ready                                                       => not-authenticated
      C: a LOGIN {5}                                                      => not-authenticated
      S: + Ready for literal data                                         => literal-not-authenticated
      C: alice {10}                                                       => not-authenticated
      S: + Ready for literal data                                         => literal-not-authenticated
      C: wonderland                                                       => not-authenticated
      S: a OK LOGIN completed                                             => authenticated
      C: b APPEND INBOX {42}                                              => authenticated
      S: + Ready for literal data                                         => literal-authenticated
      C: Subject: hi                                                      => literal-authenticated
      C:                                                                  => literal-authenticated
      C: * BYE not really                                                 => literal-authenticated
      C: b OK fake                                                        => authenticated
      S: b OK [APPENDUID 1 4] APPEND completed                            => authenticated
      C: c SELECT {5}                                                     => authenticated
      S: + Ready for literal data                                         => literal-authenticated
      C: INBOX                                                            => authenticated
      S: c OK [READ-WRITE] SELECT completed                               => selected
      C: d SELECT {99999999999}                                           => selected
      S: d BAD SELECT: literal of 99999999999 octets is larger than the limit => selected
    `);
  });

  it('literal-*: a {n+} literal at once, and a refused one until it and its line are dropped (RFC 7888 §3, §4)', () => {
    expectImapStates(`
      S: * OK ready                                                       => not-authenticated
      C: a SELECT {5+}                                                    => literal-not-authenticated
      S: a BAD SELECT is not allowed in the not authenticated state       => literal-not-authenticated
      C: hello                                                            => not-authenticated
      C: b LOGIN {5+}                                                     => literal-not-authenticated
      C: alice {11+}                                                      => literal-not-authenticated
      C: wonderland                                                       => not-authenticated
      S: b OK LOGIN completed                                             => authenticated
      C: c APPEND INBOX {13+}                                             => literal-authenticated
      C: Subject: hi                                                      => authenticated
      C:                                                                  => authenticated
      S: c OK APPEND completed                                            => authenticated
    `);
  });

  it('a literal in a response is data: lines in it that look like responses move nothing', () => {
    expectImapStates(`
      S: * PREAUTH welcome                                                => authenticated
      C: a SELECT INBOX                                                   => authenticated
      S: a OK [READ-WRITE] SELECT completed                               => selected
      C: b FETCH 1 BODY[]                                                 => selected
      S: * 1 FETCH (BODY[] {39}                                           => selected
      S: * BYE not really                                                 => selected
      S: + idling                                                         => selected
      S: a OK fake)                                                       => selected
      S: b OK FETCH completed                                             => selected
      C: c IDLE                                                           => selected
      S: + idling                                                         => idle-selected
    `);
  });

  it('DELETE of the selected mailbox leaves the selected state (RFC 9051 §6.3.5), of another does not', () => {
    expectImapStates(`
      S: * PREAUTH welcome                                                => authenticated
      C: a SELECT "Old"                                                   => authenticated
      S: a OK [READ-WRITE] SELECT completed                               => selected
      C: b DELETE Other                                                   => selected
      S: b OK DELETE completed                                            => selected
      C: c RENAME Old New                                                 => selected
      S: c OK RENAME completed                                            => selected
      C: d DELETE New                                                     => selected
      S: d OK DELETE completed                                            => authenticated
    `);
  });

  it('an untagged BAD answers a line without a tag (RFC 9051 §7.1.3), so a later "+" is AUTHENTICATE\'s', () => {
    expectImapStates(`
      S: * OK ready                                                       => not-authenticated
      C: +x NOOP {5}                                                      => not-authenticated
      S: * BAD expected a tag (such as a1) at the start of the line       => not-authenticated
      C: a AUTHENTICATE PLAIN                                             => not-authenticated
      S: +                                                                => sasl
    `);
  });
});
