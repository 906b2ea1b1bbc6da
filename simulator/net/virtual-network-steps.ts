/**
 * Run-to-completion for a virtual connection whose steps may wait on WebCrypto. A step that
 * returns nothing runs synchronously (a plaintext connection behaves exactly as before); a step
 * that returns a promise holds every later step until it settles. Steps never overlap, so the
 * engine behind the connection is never re-entered.
 */

export type Step = () => void | Promise<void>;

export class StepQueue {
  private readonly steps: Step[] = [];
  private running = false;
  private waiters: Array<() => void> = [];

  /**
   * `failed` hears every exception a step throws. A synchronous step's caller is still on the
   * stack, so `failed` may rethrow (strict mode); after an await nobody is, and a rethrow is dropped.
   */
  constructor(private readonly failed: (error: unknown, afterAwait: boolean) => void) {}

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
          result.then(
            () => this.drain(true),
            (error: unknown) => {
              this.failSoftly(error);
              this.drain(true);
            },
          );
        }
      }
    } finally {
      if (!waiting) this.stop();
    }
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
