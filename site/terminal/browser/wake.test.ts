import { describe, expect, it } from 'vitest';
import { WAKE_EVENT, wakeTerminal, whenWanted, type IdleScheduler, type WakeReason, type WakeRoot } from './wake.ts';

/** A root without a DOM: an EventTarget with a dataset. */
function fakeRoot(): WakeRoot & EventTarget {
  return Object.assign(new EventTarget(), { dataset: {} as DOMStringMap });
}

/** An idle scheduler the test fires by hand; it records whether the callback was cancelled. */
function manualIdle(): { idle: IdleScheduler; fire: () => void; scheduled: () => number; cancelled: () => boolean } {
  let pending: (() => void) | null = null;
  let count = 0;
  let cancelled = false;
  return {
    idle: (run) => {
      count++;
      pending = run;
      return () => {
        cancelled = true;
        pending = null;
      };
    },
    fire: () => pending?.(),
    scheduled: () => count,
    cancelled: () => cancelled,
  };
}

function recorder(): { calls: WakeReason[]; start: (why: WakeReason) => void } {
  const calls: WakeReason[] = [];
  return { calls, start: (why) => calls.push(why) };
}

describe('whenWanted: the docked terminal starts on intent or idle, once', () => {
  it('does nothing until the page is idle, then starts once', () => {
    const root = fakeRoot();
    const idle = manualIdle();
    const r = recorder();
    whenWanted(root, r.start, idle.idle);
    expect(r.calls).toEqual([]);
    idle.fire();
    expect(r.calls).toEqual(['idle']);
    root.dispatchEvent(new Event('pointerdown'));
    idle.fire();
    expect(r.calls).toEqual(['idle']);
  });

  it.each([
    ['pointerover', 'pointer'],
    ['pointerdown', 'pointer'],
    ['touchstart', 'pointer'],
    ['focusin', 'focus'],
    ['keydown', 'key'],
    [WAKE_EVENT, 'asked'],
  ] as const)('a %s on the root starts it at once (%s) and cancels the idle wait', (type, why) => {
    const root = fakeRoot();
    const idle = manualIdle();
    const r = recorder();
    whenWanted(root, r.start, idle.idle);
    root.dispatchEvent(new Event(type));
    root.dispatchEvent(new Event(type));
    expect(r.calls).toEqual([why]);
    expect(idle.cancelled()).toBe(true);
    idle.fire();
    expect(r.calls).toEqual([why]);
  });

  it('a terminal asked for before it began to wait (a snippet run before hydration) starts at once', () => {
    const root = fakeRoot();
    wakeTerminal(root);
    const idle = manualIdle();
    const r = recorder();
    whenWanted(root, r.start, idle.idle);
    expect(r.calls).toEqual(['asked']);
    expect(idle.scheduled()).toBe(0);
  });

  it('wakeTerminal on a waiting root starts it', () => {
    const root = fakeRoot();
    const r = recorder();
    whenWanted(root, r.start, manualIdle().idle);
    wakeTerminal(root);
    expect(r.calls).toEqual(['asked']);
  });

  it('once stopped (the island unmounted), neither idle nor intent starts it', () => {
    const root = fakeRoot();
    const idle = manualIdle();
    const r = recorder();
    const stop = whenWanted(root, r.start, idle.idle);
    stop();
    idle.fire();
    root.dispatchEvent(new Event('pointerdown'));
    expect(r.calls).toEqual([]);
    expect(idle.cancelled()).toBe(true);
  });
});
