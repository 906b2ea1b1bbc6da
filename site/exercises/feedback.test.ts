import { describe, expect, it } from 'vitest';
import { all, answered, mailboxHas, header } from './checks.ts';
import { checklistText, resultOf, summaryLine } from './feedback.ts';
import { EXERCISES, exerciseById } from './registry.ts';
import { replay, startWorld } from './replay.ts';

describe('exercise feedback is a checklist', () => {
  it('names each goal of a half-done attempt as done or not yet, and never as solved', async () => {
    // RSET accepted, but no message delivered afterwards.
    const run = await replay(['/connect mail.example.org 25', 'EHLO laptop', 'MAIL FROM:<alice@example.com>', 'RSET', 'QUIT'], startWorld('default'));
    const result = exerciseById('smtp-rset').check(run);
    expect(result.ok).toBe(false);
    const lines = result.message.split('\n');
    expect(lines[0]).toBe('Not solved yet: 1 of 2 goals done.');
    expect(lines[1]).toBe('✓ Done: RSET was accepted');
    expect(lines[2]).toMatch(/^✗ Not yet: "Second try" reached Bob — bob@example\.org's INBOX holds no such message \(\d+ messages?\)$/);
    expect(result.goals.map((g) => g.done)).toEqual([true, false]);
  });

  it('says solved only when every goal is done', () => {
    const run = { world: startWorld('default'), sessions: [] };
    const none = all(answered('said hello', /^EHLO/, /^250 /), mailboxHas('Bob got it', 'bob@example.org', 'INBOX', header(/^Subject: nope$/)))(run);
    expect(none.message).toBe(
      'Not solved yet: 0 of 2 goals done.\n' +
        '✗ Not yet: said hello — no command matching /^EHLO/ got a reply matching /^250 /\n' +
        "✗ Not yet: Bob got it — bob@example.org's INBOX holds no such message (2 messages)",
    );
    expect(resultOf([{ done: true, goal: 'a' }, { done: true, goal: 'b' }]).message).toBe('Solved: all 2 goals are met.\n✓ Done: a\n✓ Done: b');
    expect(resultOf([]).ok).toBe(false);
    expect(summaryLine([{ done: true, goal: 'a' }])).toBe('Solved: the goal is met.');
    expect(checklistText([{ done: false, goal: 'a' }])).toBe('Not solved yet: 0 of 1 goal done.\n✗ Not yet: a');
  });

  for (const e of EXERCISES) {
    it(`${e.id}: a wrong attempt gets a checklist with a "not yet" line first saying it is not solved`, async () => {
      const result = e.check(await replay(e.wrong, startWorld(e.start)));
      expect(result.message).toMatch(/^Not solved yet: \d+ of \d+ goals? done\.\n/);
      expect(result.message).not.toMatch(/^Solved|^Done/);
      expect(result.message).toMatch(/^✗ Not yet: /m);
      for (const g of result.goals) expect(g.goal).not.toMatch(/^(Done|Not yet|Not quite)\b/i);
    });
  }
});
