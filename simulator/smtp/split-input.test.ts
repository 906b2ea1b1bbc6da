/**
 * RFC 5321 §4.1.1.4 DATA and RFC 3030 BDAT fed in pieces: the reply comes with the octet that
 * ends the data (the CRLF of <CRLF>.<CRLF>) or the chunk, whichever way the input was cut.
 */
import { describe, expect, it } from 'vitest';
import { answersPerPiece, cuts, onlyLast } from '../testing/split-input.ts';
import { smtpContext, smtpDriver } from './server-fixture.test-helper.ts';

const ENVELOPE = 'EHLO client.test\r\nMAIL FROM:<s@client.test>\r\nRCPT TO:<bob@example.org>\r\n';
const BODY = 'Subject: split\r\n\r\n' + 'line of text\r\n'.repeat(20);

function afterEnvelope() {
  const driver = smtpDriver(smtpContext('mail.example.org', 25));
  expect(driver.send(ENVELOPE).at(-1)).toMatch(/^250 2\.1\.5/);
  return driver;
}

describe('SMTP input fed in pieces', () => {
  for (const { name, pieces } of cuts(`${BODY}.\r\n`, -3)) {
    it(`DATA, ${name}: 250 with the last octet of <CRLF>.<CRLF>`, () => {
      const driver = afterEnvelope();
      expect(driver.send('DATA\r\n')).toEqual([expect.stringMatching(/^354 /)]);
      const { before, last } = onlyLast(answersPerPiece(driver, pieces));
      expect(before).toEqual([]);
      expect(last).toEqual([expect.stringMatching(/^250 2\.0\.0 OK/)]);
    });
  }

  for (const { name, pieces } of cuts(`BDAT ${BODY.length} LAST\r\n${BODY}`, 15)) {
    it(`BDAT, ${name}: 250 with the chunk's last octet`, () => {
      const driver = afterEnvelope();
      const { before, last } = onlyLast(answersPerPiece(driver, pieces));
      expect(before).toEqual([]);
      expect(last).toEqual([expect.stringMatching(/^250 2\.0\.0 OK/)]);
    });
  }

  for (const { name, pieces } of cuts('MAIL FROM:<s@client.test>\r\n', 6)) {
    it(`a command line, ${name}: the reply with its LF`, () => {
      const driver = smtpDriver();
      driver.send('EHLO client.test\r\n');
      const { before, last } = onlyLast(answersPerPiece(driver, pieces));
      expect(before).toEqual([]);
      expect(last).toEqual([expect.stringMatching(/^250 2\.1\.0/)]);
    });
  }
});
