import { describe, expect, it } from 'vitest';
import { practiceExercises } from '../../exercises/pages/pop3-vs-imap.ts';
import { runStep, runSteps, practiceScenario } from './steps.ts';

describe('the POP3-or-IMAP practice', () => {
  it('runs the compare scenario\'s real sessions: the POP3 laptop empties the server', async () => {
    const s = practiceScenario();
    expect((await runStep(s, { do: 'check', side: 'pop3', device: 'laptop' })).ok).toBe(true);
    expect(s.verdict().pop3.onServer.value).toBe(0);
    expect(s.verdict().imap.onServer.value).toBeGreaterThan(0);
  });

  it('says so when there is nothing unread to read', async () => {
    const s = practiceScenario();
    expect((await runStep(s, { do: 'read', side: 'imap', device: 'phone' })).ok).toBe(false);
  });
});

describe('every practice exercise', () => {
  it('has a unique id and hints', () => {
    expect(new Set(practiceExercises.map((e) => e.id)).size).toBe(practiceExercises.length);
    for (const e of practiceExercises) expect(e.hints.length, e.id).toBeGreaterThan(0);
  });
  for (const e of practiceExercises) {
    it(`${e.id}: the reference steps meet the goal`, async () => {
      const result = e.check(await runSteps(e.solution));
      expect(result.message).toMatch(/^Solved/);
      expect(result.ok).toBe(true);
    });
    it(`${e.id}: the wrong steps do not`, async () => {
      expect(e.check(await runSteps(e.wrong)).ok).toBe(false);
    });
    it(`${e.id}: doing nothing does not`, async () => {
      expect(e.check(await runSteps([])).ok).toBe(false);
    });
  }
});
