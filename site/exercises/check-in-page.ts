/**
 * The Check button's work, loaded only when pressed: replay what the page's terminal typed on a
 * fresh world with the real engines, and judge the exercise's goal on the result.
 */
import { appStore } from '../store/app-store.ts';
import { typedLines } from './from-transcript.ts';
import { exerciseById } from './registry.ts';
import { replay, startWorld } from './replay.ts';
import type { CheckResult } from './types.ts';

export async function checkExercise(id: string, terminalId: string): Promise<CheckResult> {
  const lines = typedLines(appStore.getState(), terminalId);
  if (lines.length === 0) return { ok: false, message: 'Nothing typed yet: use the terminal on this page, then check again.' };
  const exercise = exerciseById(id);
  const result = exercise.check(await replay(lines, startWorld(exercise.start)));
  // Every exercise on the page shares one world: an earlier one may have deleted what this one needs.
  return result.ok ? result : { ok: false, message: `${result.message} (Reload the page to start again from fresh mailboxes.)` };
}
