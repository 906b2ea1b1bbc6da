/**
 * When a page's docked terminal starts: as soon as the learner reaches for it (a pointer on it, focus
 * or a key in it, a snippet's "Run in terminal") or once the page is idle, whichever comes first —
 * never while the page loads. Loading xterm.js and the engines and opening the screen is most of the
 * main-thread work a tutorial does; done during load it blocked the page for up to 1.5 s under
 * Lighthouse's mobile profile.
 */

/** The event a snippet or an exercise sends to the terminal's root to start it now. */
export const WAKE_EVENT = 'mw-terminal-wake';

/** What the learner did that starts the terminal, or 'idle'. */
export type WakeReason = 'idle' | 'pointer' | 'focus' | 'key' | 'asked';

const INTENT: ReadonlyArray<readonly [string, WakeReason]> = [
  ['pointerover', 'pointer'],
  ['pointerdown', 'pointer'],
  ['touchstart', 'pointer'],
  ['focusin', 'focus'],
  ['keydown', 'key'],
  [WAKE_EVENT, 'asked'],
];

/** The part of an element this needs (an EventTarget with a dataset, so tests need no DOM). */
export interface WakeRoot {
  readonly dataset: DOMStringMap;
  addEventListener(type: string, listener: () => void, options?: AddEventListenerOptions): void;
  removeEventListener(type: string, listener: () => void): void;
}

/** Schedules `run` when the page is idle; returns the function that cancels it. */
export type IdleScheduler = (run: () => void) => () => void;

/** requestIdleCallback, with a deadline so a page that is never idle still gets its terminal. */
export const pageIdle: IdleScheduler = (run) => {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(run, { timeout: 5000 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(run, 1000);
  return () => clearTimeout(id);
};

/**
 * Calls `start` once: on the first sign of intent on `root`, or when `idle` fires. A root already
 * asked for (wakeTerminal before this was set up) starts at once. Returns the function that stops
 * waiting.
 */
export function whenWanted(root: WakeRoot, start: (why: WakeReason) => void, idle: IdleScheduler = pageIdle): () => void {
  let waiting = true;
  let cancelIdle = (): void => {};
  const listeners = INTENT.map(([type, why]) => [type, () => fire(why)] as const);
  const stop = (): void => {
    waiting = false;
    cancelIdle();
    for (const [type, listener] of listeners) root.removeEventListener(type, listener);
  };
  const fire = (why: WakeReason): void => {
    if (!waiting) return;
    stop();
    start(why);
  };
  for (const [type, listener] of listeners) root.addEventListener(type, listener, { passive: true });
  if (root.dataset['wanted'] === 'true') fire('asked');
  else cancelIdle = idle(() => fire('idle'));
  return stop;
}

/** Asks the terminal under `root` to start now (remembered if it has not begun to wait yet). */
export function wakeTerminal(root: WakeRoot & Pick<EventTarget, 'dispatchEvent'>): void {
  root.dataset['wanted'] = 'true';
  root.dispatchEvent(new CustomEvent(WAKE_EVENT));
}

/** Ends the current task so the browser can handle input and paint before the next step. */
export function yieldToPage(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
