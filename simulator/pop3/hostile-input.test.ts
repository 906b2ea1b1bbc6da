/**
 * Hostile input (issue 19): every status line is printable US-ASCII whatever the client sends
 * (RFC 1939 §3; UTF-8 would need RFC 6856's UTF8, not offered), and no command line of up to
 * 1,000 octets costs more than a few ms.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastestMs } from '../testing/timing.ts';
import { bobLoggedIn, pop3 } from './fixtures.test-helper.ts';

const word = fc.oneof(
  fc.constantFrom('USER', 'PASS', 'APOP', 'AUTH', 'STAT', 'LIST', 'RETR', 'TOP', 'UIDL', 'DELE', 'RSET', 'CAPA', 'STLS', 'NOOP', 'UTF8', 'bob', 'builder', 'jörg', '§', '1', '0', '-1', '99999999999999999999'),
  fc.string({ unit: 'grapheme', maxLength: 16 }),
  fc.string({ unit: 'binary', maxLength: 16 }),
);
const line = fc.array(word, { maxLength: 6 }).map((ws) => ws.join(' ').slice(0, 1000));

describe('POP3 status lines are US-ASCII', () => {
  it('whatever the client sends, logged in or not', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 10 }), fc.boolean(), (lines, loggedIn) => {
        const { driver } = loggedIn ? bobLoggedIn() : pop3({ port: 110, plaintextAuth: true });
        const before = driver.outputs.length;
        for (const l of lines) driver.send(`${l}\r\n`);
        // The first line of each write is a status line; multi-line bodies (RETR, TOP) are the message's own octets.
        for (const out of driver.outputs.slice(before)) {
          if (out.type !== 'write') continue;
          const text = new TextDecoder('latin1').decode(out.bytes);
          const status = text.slice(0, text.indexOf('\r\n'));
          expect(status).toMatch(/^(\+OK|-ERR|\+)( [\x20-\x7e]*)?$/);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('echoes no UTF-8', () => {
    const { driver } = pop3({ port: 110, plaintextAuth: true });
    expect(driver.send('FRÖB §\r\n')).toEqual(['-ERR unknown command FR?B']);
  });
});

describe('bounded cost', () => {
  it('no command line of up to 1,000 octets takes more than 50 ms', () => {
    const { driver } = bobLoggedIn();
    const hostile = fc.oneof(line, fc.integer({ min: 0, max: 990 }).map((n) => `TOP 1 ${'9'.repeat(n)}`), fc.constantFrom('LIST', 'UIDL', 'RETR 1', 'TOP 1 0'));
    fc.assert(
      fc.property(hostile, (l) => {
        expect(fastestMs(() => driver.send(`${l}\r\n`)), l.slice(0, 80)).toBeLessThan(50);
      }),
      { numRuns: 300 },
    );
  });
});
