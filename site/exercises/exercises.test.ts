import { describe, expect, it } from 'vitest';
import { EXERCISES, PAGES } from './registry.ts';
import { replay, startWorld } from './replay.ts';

describe('every exercise', () => {
  it('has a unique id, hints and a solution', () => {
    const ids = EXERCISES.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const e of EXERCISES) {
      expect(e.hints.length, e.id).toBeGreaterThan(0);
      expect(e.solution.length, e.id).toBeGreaterThan(0);
    }
  });

  it('hints point the way, never hand over a line of the answer or a Base64 string', () => {
    for (const e of EXERCISES) {
      for (const hint of e.hints) {
        // Base64 of credentials mixes cases and digits; words like LOGINDISABLED do not.
        expect(hint, e.id).not.toMatch(/(?=[A-Za-z0-9+/]*[0-9+/])(?=[A-Za-z0-9+/]*[a-z])(?=[A-Za-z0-9+/]*[A-Z])[A-Za-z0-9+/]{12,}/);
        // Header lines the goal itself names (Subject: …) are not the answer; commands are.
        for (const line of e.solution) if (line.length > 12 && !/^(?:\/|[A-Z][\w-]*: )/.test(line)) expect(hint, `${e.id}: "${line}"`).not.toContain(line);
      }
    }
  });

  it('are 25 or more, at least 3 on every protocol page', () => {
    expect(EXERCISES.length).toBeGreaterThanOrEqual(25);
    for (const page of ['smtp', 'smtp-extensions', 'pop3', 'imap', 'imap-in-depth', 'tls', 'troubleshooting']) {
      expect(PAGES[page]?.exercises.length ?? 0, page).toBeGreaterThanOrEqual(3);
    }
  });

  for (const e of EXERCISES) {
    it(`${e.id}: the reference solution meets the goal`, async () => {
      const result = e.check(await replay(e.solution, startWorld(e.start)));
      expect(result.message).toMatch(/^Solved: /);
      expect(result.goals.every((g) => g.done)).toBe(true);
      expect(result.ok).toBe(true);
    });
    it(`${e.id}: the wrong solution does not`, async () => {
      expect(e.check(await replay(e.wrong, startWorld(e.start))).ok).toBe(false);
    });
    it(`${e.id}: doing nothing does not`, async () => {
      expect(e.check(await replay([], startWorld(e.start))).ok).toBe(false);
    });
  }
});
