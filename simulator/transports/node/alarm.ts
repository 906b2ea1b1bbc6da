/**
 * The engine's `timer` outputs on one Node timer: the engine names due times, the alarm calls
 * `tick` once when the earliest is reached (engines ignore early or extra ticks).
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
    for (const at of this.due) {
      if (at <= now) this.due.delete(at);
      else if (at < next) next = at;
    }
    if (next < Infinity) this.arm(next);
    this.onDue(now);
  }
}
