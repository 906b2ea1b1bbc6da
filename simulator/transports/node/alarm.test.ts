import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Alarm } from './alarm.ts';

describe('Alarm', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('ticks once for a due time even when the Node timer fires before the clock reaches it', () => {
    // After arming, the engine's clock falls 1 ms behind the timers' clock (Date.now() against libuv's).
    let lag = 0;
    const clock = (): number => Date.now() - lag;
    const ticks: number[] = [];
    const alarm = new Alarm(clock, (now) => ticks.push(now));
    const start = clock();
    alarm.add(start + 30);
    lag = 1;
    vi.advanceTimersByTime(30);
    expect(ticks).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(ticks).toEqual([start + 30]);
    vi.advanceTimersByTime(1000);
    expect(ticks).toHaveLength(1);
  });

  it('ticks at the earliest of several due times, then at the next', () => {
    const ticks: number[] = [];
    const alarm = new Alarm(Date.now, (now) => ticks.push(now));
    const start = Date.now();
    alarm.add(start + 50);
    alarm.add(start + 10);
    vi.advanceTimersByTime(10);
    expect(ticks).toEqual([start + 10]);
    vi.advanceTimersByTime(40);
    expect(ticks).toEqual([start + 10, start + 50]);
  });

  it('calls nothing after stop', () => {
    const ticks: number[] = [];
    const alarm = new Alarm(Date.now, (now) => ticks.push(now));
    alarm.add(Date.now() + 5);
    alarm.stop();
    vi.advanceTimersByTime(100);
    expect(ticks).toEqual([]);
  });
});
