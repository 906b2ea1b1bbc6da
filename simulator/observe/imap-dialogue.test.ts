/** The IMAP observer on transcripts: the four states of RFC 9051 §3 and each sub-state a client can see. */
import { describe, expect, it } from 'vitest';
import { allowedCommands } from '../imap/registry.ts';
import type { ImapState } from '../imap/state.ts';
import { dialogueState } from './dialogue-state.ts';
import { play } from './test-helpers.ts';

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
