import { describe, expect, it } from 'vitest';
import { SNIPPETS } from './registry.ts';
import { lineMatches, shownReply, snippetReply } from './snippet-run.ts';

describe('every snippet shows the reply the engines give', () => {
  it('ids are unique', () => {
    const ids = SNIPPETS.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  for (const s of SNIPPETS) {
    it(s.id, async () => {
      const actual = await snippetReply(s);
      expect(actual.length, `${s.id}: ${JSON.stringify(actual)}`).toBe(s.reply.length);
      s.reply.forEach((expected, i) => {
        expect(lineMatches(expected, actual[i] ?? ''), `${s.id} line ${i}: ${actual[i]}`).toBe(true);
      });
    });
    if (s.display) {
      it(`${s.id}: what the page shows fits the pattern`, () => {
        expect(s.display).toHaveLength(s.reply.length);
        s.reply.forEach((expected, i) => {
          if (typeof expected === 'string') expect(shownReply(s)[i]).toBe(expected);
        });
      });
    }
  }
});
