/**
 * RFC 1939's examples (§4-§7, §10), adapted to the default world: bob@example.org/builder on
 * mail.example.org, whose INBOX starts with two messages.
 */
import { describe, expect, it } from 'vitest';
import { defaultWorld } from '../world/world.ts';
import { testContext } from '../testing/context.ts';
import { playTranscript } from '../testing/transcript.ts';
import { T0 } from './fixtures.test-helper.ts';
import { Pop3Server } from './server.ts';

const GREETING = 'S~ \\+OK mail\\.example\\.org POP3 Mailwire ready <[A-Za-z0-9.-]+\\.\\d+@mail\\.example\\.org>';

function setup(port = 995, plaintextAuth = false) {
  const world = defaultWorld(Date.UTC(2026, 10, 26, 8, 0, 0));
  const ctx = testContext('mail.example.org', port, world);
  ctx.host.settings.plaintextAuth = plaintextAuth;
  const inbox = world.store.mailbox('bob@example.org', 'INBOX')!;
  const [a, b] = inbox.messages.map((m) => m.raw.length) as [number, number];
  return { world, ctx, server: new Pop3Server(ctx), a, b, v: inbox.uidValidity };
}

describe('POP3 transcripts (RFC 1939)', () => {
  it('§10 example session: login, STAT, LIST, RETR, DELE, QUIT (over implicit TLS on 995)', () => {
    const { server, a, b } = setup();
    playTranscript(server, `
      ${GREETING}
      C: USER bob
      S: +OK send PASS
      C: PASS builder
      S: +OK maildrop locked and ready: 2 messages (${a + b} octets)
      C: STAT
      S: +OK 2 ${a + b}
      C: LIST
      S: +OK 2 messages (${a + b} octets)
      S: 1 ${a}
      S: 2 ${b}
      S: .
      C: RETR 1
      S: +OK ${a} octets
      S: Return-Path: <alice@example.com>
      S*
      S: 10 works for me. See you Monday.
      S:
      S: Alice
      S: .
      C: DELE 1
      S: +OK message 1 deleted
      C: RETR 2
      S: +OK ${b} octets
      S*
      S: Practice is on Thursday this week, same time.
      S: .
      C: DELE 2
      S: +OK message 2 deleted
      C: QUIT
      S: +OK mail.example.org POP3 server signing off (maildrop empty)
    `);
    expect(server.state).toBe('CLOSED');
  });

  it('§5 LIST/UIDL with an argument, deleted and missing messages, RSET, NOOP', () => {
    const { server, a, b, v } = setup();
    playTranscript(server, `
      ${GREETING}
      C: USER bob
      S: +OK send PASS
      C: PASS builder
      S~ \\+OK maildrop locked and ready: 2 messages .*
      C: LIST 2
      S: +OK 2 ${b}
      C: LIST 3
      S: -ERR no such message, only 2 messages in maildrop
      C: UIDL
      S: +OK unique-id listing follows
      S: 1 ${v}.1
      S: 2 ${v}.2
      S: .
      C: UIDL 2
      S: +OK 2 ${v}.2
      C: DELE 1
      S: +OK message 1 deleted
      C: DELE 1
      S: -ERR message 1 already deleted
      C: RETR 1
      S: -ERR message 1 already deleted
      C: STAT
      S: +OK 1 ${b}
      C: LIST
      S: +OK 1 message (${b} octets)
      S: 2 ${b}
      S: .
      C: NOOP
      S: +OK
      C: RSET
      S: +OK maildrop has 2 messages (${a + b} octets)
      C: QUIT
      S: +OK mail.example.org POP3 server signing off (2 messages left)
    `);
  });

  it('§7 TOP msg n: the header, the blank line and n body lines', () => {
    const { server } = setup();
    playTranscript(server, `
      ${GREETING}
      C: USER bob
      S: +OK send PASS
      C: PASS builder
      S~ \\+OK .*
      C: TOP 1 0
      S: +OK top of message follows
      S: Return-Path: <alice@example.com>
      S*
      S: Content-Type: text/plain; charset=utf-8
      S:
      S: .
      C: TOP 1 2
      S: +OK top of message follows
      S*
      S:
      S: 10 works for me. See you Monday.
      S:
      S: .
      C: TOP 1 -1
      S: -ERR invalid line count -1: expected a non-negative decimal number
      C: TOP 1
      S: -ERR syntax: TOP msg n
      C: QUIT
      S~ \\+OK .*
    `);
  });

  it('§4 QUIT in AUTHORIZATION signs off without an UPDATE', () => {
    const { server } = setup();
    const driver = playTranscript(server, `
      ${GREETING}
      C: QUIT
      S: +OK mail.example.org POP3 server signing off
    `);
    expect(driver.closed).toBe(true);
  });

  it('a wrong password and an unknown user get the same reply (RFC 1939 §13)', () => {
    const { server } = setup();
    playTranscript(server, `
      ${GREETING}
      C: USER bob
      S: +OK send PASS
      C: PASS wrong
      S: -ERR [AUTH] invalid user name or password
      C: USER nobody
      S: +OK send PASS
      C: PASS builder
      S: -ERR [AUTH] invalid user name or password
      C: PASS builder
      S: -ERR give USER first
      C: USER bob@example.org
      S: +OK send PASS
      C: PASS builder
      S~ \\+OK maildrop locked and ready.*
    `);
  });

  it('RFC 2595: on 110 USER is refused before STLS, and works after it', () => {
    const { server } = setup(110);
    playTranscript(server, `
      ${GREETING}
      C: USER bob
      S: -ERR [AUTH] plaintext authentication is disabled on an unencrypted connection: use STLS first, or port 995
      C: PASS builder
      S: -ERR [AUTH] plaintext authentication is disabled on an unencrypted connection: use STLS first, or port 995
      C: AUTH PLAIN AGJvYgBidWlsZGVy
      S: -ERR [AUTH] plaintext authentication is disabled on an unencrypted connection: use STLS first, or port 995
      C: STLS
      S: +OK Begin TLS negotiation
      C: STLS
      S: -ERR TLS is already active
      C: USER bob
      S: +OK send PASS
      C: PASS builder
      S~ \\+OK maildrop locked and ready.*
      C: STLS
      S: -ERR STLS is not valid in the TRANSACTION state (you are logged in already)
    `);
  });

  it('with plaintextAuth on, USER/PASS work on 110 without TLS (what an eavesdropper sees)', () => {
    const { server } = setup(110, true);
    playTranscript(server, `
      ${GREETING}
      C: USER bob
      S: +OK send PASS
      C: PASS builder
      S~ \\+OK maildrop locked and ready.*
    `);
  });

  it('RFC 2449 CAPA before and after STLS and after login', () => {
    const { server } = setup(110);
    playTranscript(server, `
      ${GREETING}
      C: CAPA
      S: +OK Capability list follows
      S: TOP
      S: UIDL
      S: RESP-CODES
      S: LOGIN-DELAY 0
      S: PIPELINING
      S: EXPIRE NEVER
      S: STLS
      S: IMPLEMENTATION Mailwire
      S: .
      C: STLS
      S: +OK Begin TLS negotiation
      C: CAPA
      S: +OK Capability list follows
      S: TOP
      S: UIDL
      S: USER
      S: SASL PLAIN
      S: RESP-CODES
      S: LOGIN-DELAY 0
      S: PIPELINING
      S: EXPIRE NEVER
      S: IMPLEMENTATION Mailwire
      S: .
      C: AUTH PLAIN AGJvYgBidWlsZGVy
      S~ \\+OK maildrop locked and ready.*
      C: CAPA
      S: +OK Capability list follows
      S*
      S: IMPLEMENTATION Mailwire
      S: .
    `);
  });

  it('RFC 5034 AUTH PLAIN: the "+ " challenge form, "*" to cancel, bad base64, the mechanism list', () => {
    const { server } = setup();
    playTranscript(server, `
      ${GREETING}
      C: AUTH
      S: +OK SASL mechanisms follow
      S: PLAIN
      S: .
      C: AUTH CRAM-MD5
      S: -ERR unsupported SASL mechanism CRAM-MD5; CAPA lists the SASL ones
      C: AUTH PLAIN
      S: +${' '}
      C: *
      S: -ERR AUTH cancelled by the client
      C: AUTH PLAIN
      S: +${' '}
      C: not base64!
      S: -ERR AUTH response is not valid base64 (RFC 4648)
      C: AUTH PLAIN =
      S: -ERR [AUTH] AUTH PLAIN message must be authzid NUL authcid NUL password (RFC 4616)
      C: auth plain
      S: +${' '}
      C: AGJvYgBidWlsZGVy
      S~ \\+OK maildrop locked and ready: 2 messages .*
      C: AUTH PLAIN AGJvYgBidWlsZGVy
      S: -ERR AUTH is not valid in the TRANSACTION state (you are logged in already)
    `);
  });

  it('AUTH PLAIN refuses to act for another user (authzid)', () => {
    const { server } = setup();
    // base64("alice@example.com\0bob\0builder")
    const proxy = btoa('alice@example.com\0bob\0builder');
    const self = btoa('bob@example.org\0bob\0builder');
    playTranscript(server, `
      ${GREETING}
      C: AUTH PLAIN ${proxy}
      S: -ERR [AUTH] invalid user name or password
      C: AUTH PLAIN ${self}
      S~ \\+OK maildrop locked and ready.*
    `);
  });

  it('commands are case-insensitive and answered in order when pipelined (RFC 2449 §6.6)', () => {
    const { server, a, b } = setup();
    playTranscript(server, `
      ${GREETING}
      C> user bob
      C> pass builder
      C> stat
      C: list 1
      S: +OK send PASS
      S~ \\+OK maildrop locked and ready.*
      S: +OK 2 ${a + b}
      S: +OK 1 ${a}
    `);
  });

  it('starts on a TLS port with implicit TLS: no STLS offered, login allowed', () => {
    const { server, ctx } = setup(995);
    expect(ctx.peer.implicitTls).toBe(true);
    playTranscript(server, `
      ${GREETING}
      C: STLS
      S: -ERR TLS is already active
      C: CAPA
      S: +OK Capability list follows
      S: TOP
      S: UIDL
      S: USER
      S: SASL PLAIN
      S*
      S: IMPLEMENTATION Mailwire
      S: .
    `);
  });

  it('a capability the host disables is neither announced nor accepted', () => {
    const { server, ctx } = setup();
    ctx.host.settings.disabled.push('TOP', 'UIDL', 'USER', 'PIPELINING');
    playTranscript(server, `
      ${GREETING}
      C: CAPA
      S: +OK Capability list follows
      S: SASL PLAIN
      S: RESP-CODES
      S: LOGIN-DELAY 0
      S: EXPIRE NEVER
      S: IMPLEMENTATION Mailwire
      S: .
      C: USER bob
      S: -ERR USER is disabled on this server (CAPA shows what is on)
      C: AUTH PLAIN AGJvYgBidWlsZGVy
      S~ \\+OK maildrop locked and ready.*
      C: TOP 1 1
      S: -ERR TOP is disabled on this server (CAPA shows what is on)
      C: UIDL
      S: -ERR UIDL is disabled on this server (CAPA shows what is on)
    `);
  });
});
