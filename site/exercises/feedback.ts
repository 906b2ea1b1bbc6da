/**
 * Exercise feedback as a checklist: every goal named as "✓ Done" or "✗ Not yet", so a half-done attempt
 * never reads like success ("Not yet: the message reached Bob's INBOX" read as if it had).
 */
import type { CheckResult, GoalResult } from './types.ts';

export const DONE_MARK = '✓';
export const NOT_YET_MARK = '✗';

/** The first line: solved, or how many goals are done so far. */
export function summaryLine(goals: readonly GoalResult[]): string {
  const done = goals.filter((g) => g.done).length;
  if (goals.length > 0 && done === goals.length) return goals.length === 1 ? 'Solved: the goal is met.' : `Solved: all ${goals.length} goals are met.`;
  return `Not solved yet: ${done} of ${goals.length} ${goals.length === 1 ? 'goal' : 'goals'} done.`;
}

/** One goal as a line of the checklist. */
export function goalLine(g: GoalResult): string {
  return g.done ? `${DONE_MARK} Done: ${g.goal}` : `${NOT_YET_MARK} Not yet: ${g.goal}${g.detail ? ` — ${g.detail}` : ''}`;
}

/** The whole checklist as text (what a screen reader hears, what tests read). */
export function checklistText(goals: readonly GoalResult[]): string {
  return [summaryLine(goals), ...goals.map(goalLine)].join('\n');
}

/** A result built from its goals: ok only when there is at least one goal and every one is done. */
export function resultOf(goals: GoalResult[]): CheckResult {
  return { ok: goals.length > 0 && goals.every((g) => g.done), goals, message: checklistText(goals) };
}

/** A result that judged nothing (nothing typed yet): not ok, with a sentence saying why. */
export function notChecked(message: string): CheckResult {
  return { ok: false, goals: [], message };
}

/** Renders a result into the exercise's status element: the summary, then the checklist. */
export function renderFeedback(out: Element, result: CheckResult, note?: string): void {
  out.replaceChildren();
  out.setAttribute('data-ok', String(result.ok));
  const head = document.createElement('span');
  head.className = 'mw-feedback__summary';
  head.textContent = result.goals.length > 0 ? summaryLine(result.goals) : result.message;
  out.append(head);
  if (result.goals.length > 0) {
    const list = document.createElement('ul');
    list.className = 'mw-feedback__goals';
    for (const g of result.goals) {
      const item = document.createElement('li');
      item.dataset['done'] = String(g.done);
      item.textContent = goalLine(g);
      list.append(item);
    }
    out.append(list);
  }
  if (note) {
    const p = document.createElement('span');
    p.className = 'mw-feedback__note';
    p.textContent = note;
    out.append(p);
  }
}
