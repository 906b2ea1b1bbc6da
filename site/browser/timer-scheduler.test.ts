import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TimerScheduler, whenDue } from './timer-scheduler.ts';

async function microtasks(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

describe('the page scheduler', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs a task due now after the call, in a microtask, in the order scheduled', async () => {
    const s = new TimerScheduler();
    const ran: string[] = [];
    s.at(Date.now(), () => ran.push('a'));
    s.at(Date.now() - 5, () => ran.push('b'));
    expect(ran).toEqual([]);
    await microtasks();
    expect(ran).toEqual(['a', 'b']);
  });

  it('runs a task due later only when its time comes; cancelling stops either kind', async () => {
    const s = new TimerScheduler();
    const ran: string[] = [];
    s.at(Date.now() + 100, () => ran.push('later'));
    const cancelLater = s.at(Date.now() + 100, () => ran.push('cancelled later'));
    const cancelNow = s.at(Date.now(), () => ran.push('cancelled now'));
    cancelLater();
    cancelNow();
    await microtasks();
    expect(ran).toEqual([]);
    vi.advanceTimersByTime(100);
    expect(ran).toEqual(['later']);
  });

  it('runs a whenDue hook once the due tasks, and those they schedule for now, have run', async () => {
    const s = new TimerScheduler();
    const ran: string[] = [];
    s.at(Date.now(), () => {
      ran.push('first');
      s.at(Date.now(), () => ran.push('scheduled by first'));
    });
    whenDue(() => ran.push('hook'));
    await microtasks();
    expect(ran).toEqual(['first', 'scheduled by first', 'hook']);
  });

  it('a task that throws is reported, and the tasks after it still run', async () => {
    const s = new TimerScheduler();
    const ran: string[] = [];
    const reported: unknown[] = [];
    const onError = (e: unknown): void => void reported.push(e);
    process.on('uncaughtException', onError);
    try {
      s.at(Date.now(), () => {
        throw new Error('boom');
      });
      s.at(Date.now(), () => ran.push('after'));
      await microtasks();
      await new Promise((r) => setImmediate(r));
    } finally {
      process.off('uncaughtException', onError);
    }
    expect(ran).toEqual(['after']);
    expect(reported).toHaveLength(1);
  });

  it('a task that keeps rescheduling itself for now gives the page back (a timer) instead of freezing it', async () => {
    const s = new TimerScheduler();
    let runs = 0;
    const again = (): void => {
      runs++;
      s.at(Date.now(), again);
    };
    s.at(Date.now(), again);
    await microtasks();
    const firstBurst = runs;
    expect(firstBurst).toBeGreaterThan(1000);
    await microtasks();
    expect(runs).toBe(firstBurst);
    vi.advanceTimersByTime(0);
    await microtasks();
    expect(runs).toBeGreaterThan(firstBurst);
    // Stop it: the next run schedules nothing.
    s.at = () => () => undefined;
    vi.advanceTimersByTime(0);
    await microtasks();
  });
});
