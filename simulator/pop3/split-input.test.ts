/** RFC 1939 §3 command lines cut as TCP may cut them: the reply comes with the line's last octet. */
import { describe, expect, it } from 'vitest';
import { answersPerPiece, cuts, onlyLast } from '../testing/split-input.ts';
import { bobLoggedIn, pop3 } from './fixtures.test-helper.ts';

describe('POP3 commands fed in pieces', () => {
  for (const { name, pieces } of cuts('USER bob\r\n', 4)) {
    it(`USER, ${name}`, () => {
      const { driver } = pop3({ port: 995 });
      const { before, last } = onlyLast(answersPerPiece(driver, pieces));
      expect(before).toEqual([]);
      expect(last).toEqual([expect.stringMatching(/^\+OK/)]);
    });
  }

  for (const { name, pieces } of cuts('RETR 1\r\n', -1)) {
    it(`RETR, ${name}: the whole message with the LF`, () => {
      const { driver } = bobLoggedIn();
      const { before, last } = onlyLast(answersPerPiece(driver, pieces));
      expect(before).toEqual([]);
      expect(last[0]).toMatch(/^\+OK/);
      expect(last.at(-1)).toBe('.');
    });
  }
});
