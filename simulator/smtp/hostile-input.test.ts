/**
 * Hostile input (issue 19): every reply byte is US-ASCII whatever the client sends (RFC 5321 §4.2
 * textstring = HT and 32-126), and no command line of up to 1,000 octets costs more than a few ms.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastestMs } from '../testing/timing.ts';
import { concatBytes, utf8Bytes } from '../wire/bytes.ts';
import { PLAIN_ALICE, smtpContext, smtpDriver } from './server-fixture.test-helper.ts';

/** Everything the server wrote, as bytes. */
function written(outputs: readonly { type: string; bytes?: Uint8Array }[]): Uint8Array {
  return concatBytes(outputs.flatMap((o) => (o.type === 'write' && o.bytes ? [o.bytes] : [])));
}

/** RFC 5321 §4.2: reply lines are textstring (HT, 32-126) separated by CRLF. */
function nonAscii(bytes: Uint8Array): number | null {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    const crlf = (b === 0x0d && bytes[i + 1] === 0x0a) || (b === 0x0a && bytes[i - 1] === 0x0d);
    if (!crlf && b !== 0x09 && (b < 0x20 || b > 0x7e)) return i;
  }
  return null;
}

const word = fc.oneof(
  fc.constantFrom('EHLO', 'HELO', 'MAIL FROM:', 'RCPT TO:', 'VRFY', 'HELP', 'HELP MAIL', 'NOOP', 'AUTH', 'BDAT', 'DATA', 'RSET', 'bücher.test', '<jörg@example.org>', '§', 'SMTPUTF8', `AUTH PLAIN ${PLAIN_ALICE}`),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
);
const line = fc.array(word, { maxLength: 8 }).map((ws) => ws.join(' ').slice(0, 1000));

describe('SMTP replies are US-ASCII (RFC 5321 §4.2)', () => {
  it('echoes neither UTF-8 nor section signs', () => {
    const driver = smtpDriver();
    expect(driver.send('EHLO bücher.test\r\n')[0]).toBe('250-mail.example.com greets b?cher.test');
    expect(driver.send('HELP MAIL\r\n')[0]).toMatch(/^214 2\.0\.0 MAIL FROM:.*\(RFC 5321 section 4\.1\.1\.2\)$/);
    expect(driver.send(`NOOP ${'x'.repeat(600)}\r\n`)).toEqual(['500 5.5.2 Line too long (the limit is 512 octets)']);
  });

  it('every reply byte is ASCII for arbitrary input, on every port', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), fc.constantFrom(25, 587, 465), (lines, port) => {
        const driver = smtpDriver(smtpContext(port === 25 ? 'mail.example.org' : 'mail.example.com', port, { plaintextAuth: true }));
        driver.send('EHLO x\r\n');
        for (const l of lines) driver.send(`${l}\r\n`);
        const at = nonAscii(written(driver.outputs));
        expect(at).toBeNull();
      }),
      { numRuns: 300 },
    );
  });
});

describe('bounded cost', () => {
  it('no command line of up to 1,000 octets takes more than 50 ms', () => {
    const driver = smtpDriver(smtpContext('mail.example.com', 465, { plaintextAuth: true }));
    driver.send(`EHLO x\r\nAUTH PLAIN ${PLAIN_ALICE}\r\nMAIL FROM:<alice@example.com>\r\n`);
    const hostile = fc.oneof(line, fc.string({ unit: fc.constantFrom('<', '>', '@', '"', '\\', '.', ' ', '=', 'a'), minLength: 900, maxLength: 1000 }).map((s) => `RCPT TO:${s}`));
    fc.assert(
      fc.property(hostile, (l) => {
        expect(fastestMs(() => driver.send(`${l}\r\n`)), l.slice(0, 80)).toBeLessThan(50);
      }),
      { numRuns: 300 },
    );
  });
});
