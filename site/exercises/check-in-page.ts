/**
 * The Check button's work, loaded only when pressed: replay what the page's terminal typed on a
 * fresh world with the real engines, and judge the exercise's goal on the result.
 */
import { appStore } from '../store/app-store.ts';
import { typedLines } from './from-transcript.ts';
import { exerciseById } from './registry.ts';
import { replay, startWorld } from './replay.ts';
import { notChecked } from './feedback.ts';
import type { CheckResult } from './types.ts';

/** Said under a checklist that is not all done. */
export const FRESH_WORLD_NOTE = 'Every exercise on this page shares one world: reload the page to start again from fresh mailboxes.';

export async function checkExercise(id: string, terminalId: string): Promise<CheckResult> {
  const lines = typedLines(appStore.getState(), terminalId);
  if (lines.length === 0) return notChecked('Nothing typed yet: use the terminal on this page, then check again.');
  const exercise = exerciseById(id);
  // Every exercise on the page shares one world: an earlier one may have deleted what this one needs
  // (the page shows FRESH_WORLD_NOTE under a result that is not ok).
  return exercise.check(await replay(lines, startWorld(exercise.start)));
}
