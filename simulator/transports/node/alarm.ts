/**
 * The engine's `timer` outputs on one Node timer: the engine names due times, the alarm calls
 * `tick` once when the earliest is reached. Node's timers run on the monotonic clock and may fire
 * a millisecond before the engine's clock reaches the time; such a wake-up re-arms and calls nothing,
 * so a due time is ticked once, not once early and again on time.
 */
const MAX_DELAY = 2 ** 31 - 1;

export class Alarm {
  private readonly due = new Set<number>();
  private timer: NodeJS.Timeout | undefined;
  private armedFor = Infinity;
  private stopped = false;

  constructor(
    private readonly clock: () => number,
    private readonly onDue: (now: number) => void,
  ) {}

  add(at: number): void {
    if (this.stopped) return;
    this.due.add(at);
    if (at < this.armedFor) this.arm(at);
  }

  stop(): void {
    this.stopped = true;
    this.due.clear();
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private arm(at: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.armedFor = at;
    const delay = Math.min(MAX_DELAY, Math.max(0, at - this.clock()));
    this.timer = setTimeout(() => this.fire(), delay);
    this.timer.unref();
  }

  private fire(): void {
    this.timer = undefined;
    this.armedFor = Infinity;
    const now = this.clock();
    let next = Infinity;
    let reached = false;
    for (const at of this.due) {
      if (at <= now) {
        this.due.delete(at);
        reached = true;
      } else if (at < next) next = at;
    }
    if (next < Infinity) this.arm(next);
    if (reached) this.onDue(now);
  }
}
