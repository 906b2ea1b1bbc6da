/**
 * Time for the virtual network. The simulator core never calls setTimeout: whoever runs it (the
 * page, a test, the benchmark) passes a clock and a scheduler in, so time can be real, virtual or
 * fast-forwarded.
 */

/** Runs tasks at a time of the caller's choosing; returns a function that cancels the task. */
export interface Scheduler {
  /** Run `task` at (or after) `time`, never synchronously inside this call. */
  at(time: number, task: () => void): () => void;
}

interface Task {
  time: number;
  seq: number;
  run: () => void;
}

/**
 * A scheduler whose clock moves only when told to: tests and replayed sessions use it to drive
 * timers deterministically. Tasks due at the same time run in the order they were scheduled.
 */
export class ManualScheduler implements Scheduler {
  now: number;
  private tasks: Task[] = [];
  private seq = 0;

  constructor(now: number) {
    this.now = now;
  }

  readonly clock = (): number => this.now;

  at(time: number, task: () => void): () => void {
    const entry: Task = { time, seq: this.seq++, run: task };
    this.tasks.push(entry);
    return () => {
      this.tasks = this.tasks.filter((t) => t !== entry);
    };
  }

  get pending(): number {
    return this.tasks.length;
  }

  /** When the next task is due, or null when nothing is scheduled. */
  nextTime(): number | null {
    let min: number | null = null;
    for (const t of this.tasks) if (min === null || t.time < min) min = t.time;
    return min;
  }

  /** Runs every task due by `now` (and those they schedule for no later), without moving time. */
  runDue(limit = 100_000): number {
    let ran = 0;
    for (;;) {
      const next = this.takeNext(this.now);
      if (!next) return ran;
      if (++ran > limit) throw new Error(`ManualScheduler: more than ${limit} tasks at ${this.now}`);
      next.run();
    }
  }

  /** Moves the clock to `time`, running every task due on the way, in time order. */
  advanceTo(time: number): number {
    let ran = 0;
    for (;;) {
      const due = this.nextTime();
      if (due === null || due > time) break;
      if (due > this.now) this.now = due;
      ran += this.runDue();
    }
    if (time > this.now) this.now = time;
    return ran;
  }

  private takeNext(until: number): Task | null {
    let best: Task | null = null;
    for (const t of this.tasks) {
      if (t.time > until) continue;
      if (!best || t.time < best.time || (t.time === best.time && t.seq < best.seq)) best = t;
    }
    if (best) this.tasks = this.tasks.filter((t) => t !== best);
    return best;
  }
}
