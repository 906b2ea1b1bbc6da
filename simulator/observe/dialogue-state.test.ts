import { describe, expect, it } from 'vitest';
import { dialogueState, protocolFromGreeting } from './dialogue-state.ts';

/** Plays an RFC-style transcript ("C: …" / "S: …") and returns the state after each line. */
function play(protocol: 'smtp' | 'pop3' | 'imap', transcript: string): Array<string | null> {
  const d = dialogueState(protocol);
  const states: Array<string | null> = [];
  for (const raw of transcript.trim().split('\n')) {
    const line = raw.trim();
    if (line === 'TLS') d.tlsStarted();
    else if (line.startsWith('C: ')) d.client(line.slice(3));
    else if (line.startsWith('S: ')) d.server(line.slice(3));
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
      'not-authenticated', 'not-authenticated', 'not-authenticated', 'not-authenticated', 'not-authenticated', 'not-authenticated',
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
