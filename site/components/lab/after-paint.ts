/**
 * The panels follow the network after the terminal has drawn the reply: a change they hear about
 * while a keypress is handled is passed on after the next frame is painted (a frame callback,
 * then a task). Every listener waiting is called in that one task, once however many changes came
 * in between, so React re-renders the panels once. Re-rendering every panel before that frame put
 * tens of milliseconds between the learner's Enter and the reply on the screen.
 */
const waiting = new Set<() => void>();
let scheduled = false;

function run(): void {
  scheduled = false;
  const listeners = [...waiting];
  waiting.clear();
  for (const listener of listeners) listener();
}

/** Calls `listener` after the next paint (once, however often asked before then). */
export function afterPaint(listener: () => void): void {
  waiting.add(listener);
  if (scheduled) return;
  scheduled = true;
  requestAnimationFrame(() => setTimeout(run, 0));
}

/** Forgets a listener that was waiting (its component went away). */
export function cancelAfterPaint(listener: () => void): void {
  waiting.delete(listener);
}
