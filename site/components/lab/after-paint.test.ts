import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { afterPaint, cancelAfterPaint } from './after-paint.ts';

/** Node has no frames: the test draws them, one `frame()` at a time. */
let frames: Array<() => void> = [];
function frame(): void {
  const due = frames;
  frames = [];
  for (const callback of due) callback();
}

describe('afterPaint', () => {
  beforeEach(() => {
    frames = [];
    vi.stubGlobal('requestAnimationFrame', (callback: () => void) => frames.push(callback));
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('calls each listener once, after the next frame and then a task, never before', async () => {
    const calls: string[] = [];
    const a = (): void => void calls.push('a');
    const b = (): void => void calls.push('b');
    afterPaint(a);
    afterPaint(a);
    afterPaint(b);
    await Promise.resolve();
    vi.advanceTimersByTime(100);
    expect(calls).toEqual([]);
    frame();
    expect(calls).toEqual([]);
    vi.advanceTimersByTime(0);
    expect(calls).toEqual(['a', 'b']);
    frame();
    vi.advanceTimersByTime(0);
    expect(calls).toEqual(['a', 'b']);
  });

  it('a cancelled listener is not called; a later request is', () => {
    const calls: string[] = [];
    const a = (): void => void calls.push('a');
    afterPaint(a);
    cancelAfterPaint(a);
    frame();
    vi.advanceTimersByTime(0);
    expect(calls).toEqual([]);
    afterPaint(a);
    frame();
    vi.advanceTimersByTime(0);
    expect(calls).toEqual(['a']);
  });
});
