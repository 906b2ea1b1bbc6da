import { describe, expect, it } from 'vitest';
import { pop3 } from '../pop3/fixtures.test-helper.ts';
import { PLAIN_ALICE, smtpContext, smtpDriver } from '../smtp/server-fixture.test-helper.ts';
import { TEST_TLS } from '../testing/transcript.ts';
import { utf8Bytes } from '../wire/bytes.ts';
import { dialogueState, protocolFromGreeting } from './dialogue-state.ts';
import { play } from './test-helpers.ts';

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

describe('SMTP BDAT', () => {
  it('a chunk\'s octets are data, read in its chunk state; 250 to BDAT is the bdat state, to BDAT LAST ready (RFC 3030 §2)', () => {
    expect(play('smtp', `
      S: 220 hi
      C: EHLO x
      S: 250 CHUNKING
      C: MAIL FROM:<a@b>
      S: 250 ok
      C: RCPT TO:<c@d>
      S: 250 ok
      C: BDAT 18
      C: QUIT
      C: RSET
      C: DATA
      S: 250 2.0.0 18 octets received
      C: BDAT 2 LAST
      C: hiMAIL FROM:<a@b>
      S: 250 2.0.0 queued
      S: 250 ok
    `)).toEqual(['connected', 'connected', 'ready', 'ready', 'mail', 'mail', 'rcpt', 'chunk-rcpt', 'chunk-rcpt', 'chunk-rcpt', 'rcpt', 'bdat', 'chunk-bdat', 'bdat', 'ready', 'mail']);
  });

  it('agrees with the SMTP engine after every answer (AUTH, DATA, BDAT chunks of command-like lines)', () => {
    const driver = smtpDriver(smtpContext('mail.example.com', 587, { plaintextAuth: true }));
    const d = dialogueState('smtp');
    d.server('220 mail.example.com ESMTP'); // the greeting smtpDriver read
    const script = ['EHLO x', 'AUTH PLAIN', PLAIN_ALICE, 'MAIL FROM:<alice@example.com>', 'RCPT TO:<bob@example.org>', 'BDAT 12', 'RSET', 'QUIT', 'BDAT 0 LAST',
      'MAIL FROM:<alice@example.com>', 'RCPT TO:<bob@example.org>', 'DATA', 'QUIT', '.', 'RSET'];
    const seen: string[] = [];
    for (const line of script) {
      d.client(line);
      for (const reply of driver.send(`${line}\r\n`)) d.server(reply);
      seen.push(driver.engine.state);
      expect(d.state).toBe(driver.engine.state);
    }
    for (const s of ['auth', 'chunk-rcpt', 'bdat', 'data', 'ready']) expect(seen).toContain(s);
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
