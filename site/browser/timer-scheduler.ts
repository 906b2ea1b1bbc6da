/**
 * The virtual network's Scheduler on real time, for the page. A task due now (a transport's
 * delivery, an engine's wake) runs in a microtask: after the call that caused it, as the
 * Scheduler contract asks, but in the same task of the browser's event loop, so a reply is on the
 * terminal before the next frame is drawn. A setTimeout would put every reply behind the frame in
 * which the learner's Enter was handled, and behind whatever else waits for the main thread.
 * Tasks due later (the engines' timers) wait on setTimeout.
 *
 * Every due task runs from one page-wide queue, in the order scheduled; `whenDue` runs a hook once
 * that queue is empty, so a terminal can write everything one keypress produced, the reply
 * included, in a single write (../components/lab/mount-terminal.ts).
 */
import type { Scheduler } from '../../simulator/net/virtual-network-clock.ts';

/** Due tasks run in one microtask go back to the event loop after this many (a task that keeps rescheduling itself must not freeze the page). */
const BURST = 10_000;

interface Entry {
  run: () => void;
  cancelled: boolean;
}

const due: Entry[] = [];
const hooks: Array<() => void> = [];
let pending = false;

/** Runs the queue until it is empty; `pending` stays true meanwhile, so nothing queues a second drain. */
function drain(): void {
  let ran = 0;
  while (due.length > 0 || hooks.length > 0) {
    if (ran++ >= BURST) {
      // Let the browser draw and take input; the rest runs in a later task, in order.
      setTimeout(drain, 0);
      return;
    }
    const entry = due.shift();
    const run = entry ? (entry.cancelled ? null : entry.run) : hooks.shift()!;
    try {
      run?.();
    } catch (error) {
      // As a timer's task would: reported, and the tasks after it still run.
      queueMicrotask(() => {
        throw error;
      });
    }
  }
  pending = false;
}

function wake(): void {
  if (pending) return;
  pending = true;
  queueMicrotask(drain);
}

/** Runs `hook` once every task due now (and those they schedule for now) has run, still before the browser regains control. */
export function whenDue(hook: () => void): void {
  hooks.push(hook);
  wake();
}

export class TimerScheduler implements Scheduler {
  constructor(private readonly now: () => number = () => Date.now()) {}

  at(time: number, task: () => void): () => void {
    const wait = time - this.now();
    if (wait > 0) {
      const id = setTimeout(task, wait);
      return () => clearTimeout(id);
    }
    const entry: Entry = { run: task, cancelled: false };
    due.push(entry);
    wake();
    return () => {
      entry.cancelled = true;
    };
  }
}
