/**
 * RFC 9051 §4.3 literals split as TCP may split them: the tagged reply to APPEND comes with the
 * octet that completes the command (the CRLF after the literal), whichever way it was cut.
 */
import { describe, expect, it } from 'vitest';
import { answersPerPiece, cuts, onlyLast } from '../testing/split-input.ts';
import { freshWorld, session } from './test-helpers.ts';

const MESSAGE = 'Subject: split\r\n\r\n' + 'x'.repeat(300) + '\r\n';

describe('APPEND fed in pieces', () => {
  for (const { name, pieces } of cuts(`${MESSAGE}\r\n`, -2)) {
    it(`synchronizing literal, ${name}: OK with the last octet`, () => {
      const { driver } = session(freshWorld(), { user: 'alice' });
      expect(driver.send(`a APPEND INBOX {${MESSAGE.length}}\r\n`)).toEqual(['+ Ready for literal data']);
      const { before, last } = onlyLast(answersPerPiece(driver, pieces));
      expect(before).toEqual([]);
      expect(last).toEqual([expect.stringMatching(/^a OK \[APPENDUID \d+ \d+\] APPEND completed/)]);
    });
  }

  const plus = `b APPEND INBOX {${MESSAGE.length}+}\r\n${MESSAGE}\r\n`;
  for (const { name, pieces } of cuts(plus, 20)) {
    it(`LITERAL+ (RFC 7888), ${name}: OK with the last octet`, () => {
      const { driver } = session(freshWorld(), { user: 'alice' });
      const { before, last } = onlyLast(answersPerPiece(driver, pieces));
      expect(before).toEqual([]);
      expect(last).toEqual([expect.stringMatching(/^b OK \[APPENDUID \d+ \d+\] APPEND completed/)]);
    });
  }

  it('the literal announced, cut anywhere: + with the line end, OK with the last octet', () => {
    const command = `c APPEND INBOX {${MESSAGE.length}}\r\n`;
    for (let at = 1; at < command.length; at++) {
      const { driver } = session(freshWorld(), { user: 'alice' });
      expect(answersPerPiece(driver, [command.slice(0, at), command.slice(at)])).toEqual([[], ['+ Ready for literal data']]);
      expect(driver.send(`${MESSAGE}\r\n`)).toEqual([expect.stringMatching(/^c OK /)]);
    }
  });
});
