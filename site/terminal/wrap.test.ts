import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { wrapWords } from './wrap.ts';

describe('wrapWords', () => {
  it('breaks at spaces within the width', () => {
    expect(wrapWords('list the hosts and ports you can connect to', 16)).toEqual(['list the hosts', 'and ports you', 'can connect to']);
  });

  it('splits a word longer than the width', () => {
    expect(wrapWords('a abcdefghij b', 4)).toEqual(['a', 'abcd', 'efgh', 'ij b']);
  });

  it('gives one empty line for empty text', () => {
    expect(wrapWords('', 10)).toEqual(['']);
  });

  it('never exceeds the width and keeps every word in order', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-z]{1,12}$/), { maxLength: 20 }), fc.integer({ min: 1, max: 30 }), (words, width) => {
        const lines = wrapWords(words.join(' '), width);
        for (const l of lines) expect(l.length).toBeLessThanOrEqual(width);
        expect(lines.join(' ').replace(/ /g, '')).toBe(words.join(''));
      }),
    );
  });
});
