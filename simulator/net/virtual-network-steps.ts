/**
 * Run-to-completion for a virtual connection whose steps may wait (the first TLS handshake of a
 * network waits for the TLS code to load). A step that returns nothing runs synchronously; a step
 * that returns a promise holds every later step until it settles. Steps never overlap, so the
 * engine behind the connection is never re-entered.
 *
 * The connections of one network share a Lane: while one connection's step waits on a promise,
 * no other connection's step starts. Which of two connections gets somewhere first (a POP3
 * maildrop lock, an IMAP EXPUNGE) then follows the order of the steps, never the speed at which
 * a promise happens to settle, so a scenario replays the same every time.
 */

export type Step = () => void | Promise<void>;

/** One at a time across queues: the queue whose step waits on a promise, and who waits for it to finish. */
export class Lane {
  private holder: StepQueue | null = null;
  private readonly queue: Array<() => void> = [];

  /** True when another queue's step waits on a promise. */
  blocks(queue: StepQueue): boolean {
    return this.holder !== null && this.holder !== queue;
  }

  hold(queue: StepQueue): void {
    this.holder = queue;
  }

  /** Runs `resume` once the lane is free, in the order asked. */
  wait(resume: () => void): void {
    this.queue.push(resume);
  }

  /** Frees the lane and resumes the waiting queues in order, until one of them holds it again. */
  release(): void {
    this.holder = null;
    while (this.holder === null && this.queue.length) this.queue.shift()!();
  }
}

export class StepQueue {
  private readonly steps: Step[] = [];
  private running = false;
  private waiters: Array<() => void> = [];

  /**
   * `failed` hears every exception a step throws. A synchronous step's caller is still on the
   * stack, so `failed` may rethrow (strict mode); after an await nobody is, and a rethrow is dropped.
   * `lane` is shared with the other queues of the same network (a queue of its own by default).
   */
  constructor(
    private readonly failed: (error: unknown, afterAwait: boolean) => void,
    private readonly lane: Lane = new Lane(),
  ) {}

  /** True while a step runs or waits on a promise. */
  get busy(): boolean {
    return this.running;
  }

  push(step: Step): void {
    this.steps.push(step);
    if (!this.running) this.drain();
  }

  /** Drops the steps not yet started (the connection went away). */
  clear(): void {
    this.steps.length = 0;
  }

  /** Resolves once no step runs and none waits. */
  idle(): Promise<void> {
    if (!this.running) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private drain(afterAwait = false): void {
    this.running = true;
    let waiting = false;
    try {
      while (this.steps.length && !waiting) {
        if (this.lane.blocks(this)) {
          // Another connection waits on cryptography: start after it, in the order we came.
          waiting = true;
          this.lane.wait(() => this.drain(true));
          break;
        }
        const step = this.steps.shift()!;
        let result: void | Promise<void>;
        try {
          result = step();
        } catch (error) {
          this.failed(error, afterAwait);
          continue;
        }
        if (result instanceof Promise) {
          waiting = true;
          this.lane.hold(this);
          result.then(
            () => this.resume(),
            (error: unknown) => {
              this.failSoftly(error);
              this.resume();
            },
          );
        }
      }
    } finally {
      if (!waiting) this.stop();
    }
  }

  /** The awaited step is done: the queues that waited meanwhile go first, then this one goes on. */
  private resume(): void {
    this.lane.wait(() => this.drain(true));
    this.lane.release();
  }

  /** After an await there is no caller to rethrow to: the error is reported, not thrown. */
  private failSoftly(error: unknown): void {
    try {
      this.failed(error, true);
    } catch {
      // Nobody to rethrow to: `failed` recorded it (the network's settle() reports it).
    }
  }

  private stop(): void {
    this.running = false;
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }
}

/**
 * Calls `fn` on each item in order; once a call returns a promise, the rest wait for it.
 * Stays synchronous as long as every call does.
 */
export function inOrder<T>(items: readonly T[], fn: (item: T) => void | Promise<void>, from = 0): void | Promise<void> {
  for (let i = from; i < items.length; i++) {
    const result = fn(items[i]!);
    if (result instanceof Promise) return result.then(() => inOrder(items, fn, i + 1));
  }
}
