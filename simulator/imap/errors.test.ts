/**
 * Every IMAP protocol error becomes its tagged line in one place (errors.ts): BAD for a command
 * the client got wrong (RFC 9051 §7.1.3), NO with a response code for the two refusals of an
 * understood command; and the server's wire carries exactly that line.
 */
import { describe, expect, it } from 'vitest';
import { errorResult, type ImapProtocolError } from './errors.ts';
import { taggedLine } from './responses.ts';
import { freshWorld, imapServer, play } from './test-helpers.ts';
import { EngineDriver } from '../testing/transcript.ts';

/** One of each kind; the `satisfies` makes a new kind without a row here a type error. */
const CASES = {
  'wrong-state': [{ kind: 'wrong-state', command: 'FETCH', state: 'authenticated' }, 'a BAD FETCH is not allowed in the authenticated state; allowed here: CAPABILITY NOOP LOGOUT ID ENABLE SELECT EXAMINE CREATE DELETE RENAME SUBSCRIBE UNSUBSCRIBE LIST LSUB NAMESPACE STATUS APPEND IDLE'],
  disabled: [{ kind: 'disabled', command: 'IDLE' }, 'a BAD IDLE is switched off on this server'],
  'not-implemented': [{ kind: 'not-implemented', command: 'GETQUOTA' }, 'a BAD GETQUOTA is not implemented by this server'],
  syntax: [{ kind: 'syntax', message: 'expected SP' }, 'a BAD expected SP'],
  argument: [{ kind: 'argument', message: 'no message 9' }, 'a BAD no message 9'],
  'sasl-cancelled': [{ kind: 'sasl-cancelled' }, 'a BAD AUTHENTICATE cancelled'],
  'sasl-not-base64': [{ kind: 'sasl-not-base64' }, 'a BAD The response is not valid base64'],
  'tls-active': [{ kind: 'tls-active' }, 'a BAD TLS is already active on this connection'],
  'idle-not-done': [{ kind: 'idle-not-done', line: 'NOOP' }, 'a BAD Expected DONE to end IDLE, got "NOOP"'],
  'privacy-required': [{ kind: 'privacy-required' }, 'a NO [PRIVACYREQUIRED] Plaintext passwords are refused before TLS: send STARTTLS first, or use port 993'],
  'too-big': [{ kind: 'too-big', message: 'APPEND message of 99 octets is larger than the limit of 10' }, 'a NO [TOOBIG] APPEND message of 99 octets is larger than the limit of 10'],
} satisfies { [K in ImapProtocolError['kind']]: [Extract<ImapProtocolError, { kind: K }>, string] };

describe('IMAP protocol errors', () => {
  it.each(Object.entries(CASES))('%s becomes its one tagged line', (_, [error, line]) => {
    expect(taggedLine('a', errorResult(error))).toBe(line);
  });

  it('only the refusals of an understood command are NO; every other error is BAD', () => {
    const no = Object.values(CASES).filter(([error]) => errorResult(error).status === 'NO').map(([error]) => error.kind);
    expect(no.sort()).toEqual(['privacy-required', 'too-big']);
  });

  it('reach the wire from handlers, the reader and IDLE as those same lines', () => {
    play(
      `S~ \\* OK .*
       C: a STARTTLS
       S: a BAD TLS is already active on this connection
       C: b LOGIN alice wonderland
       S~ b OK .*
       C: c SELECT INBOX
       S~ .*
       S~ .*
       S~ .*
       S~ .*
       S~ .*
       S~ .*
       S~ .*
       S~ c OK .*
       C: d FETCH 9 FLAGS
       S~ d BAD .*9.*
       C: e STORE 1 +FLAGS (\\Recent)
       S~ e BAD .*Recent.*
       C: f IDLE
       S: + idling
       C: NOOP
       S: f BAD Expected DONE to end IDLE, got "NOOP"`,
    );
  });

  it('LOGIN before TLS on 143 is NO [PRIVACYREQUIRED] from the same mapping', () => {
    const driver = new EngineDriver(imapServer(freshWorld(), 143));
    driver.start();
    expect(driver.send('a LOGIN alice wonderland\r\n')).toEqual([taggedLine('a', errorResult({ kind: 'privacy-required' }))]);
  });
});
