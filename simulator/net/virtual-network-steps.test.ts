import { describe, expect, it } from 'vitest';
import { inOrder, Lane, StepQueue } from './virtual-network-steps.ts';

const tick = (): Promise<void> => new Promise((resolve) => queueMicrotask(resolve));

describe('StepQueue', () => {
  it('runs synchronous steps at once, and holds later steps behind one that waits', async () => {
    const order: string[] = [];
    const q = new StepQueue(() => {});
    q.push(() => void order.push('a'));
    expect(order).toEqual(['a']);
    expect(q.busy).toBe(false);
    q.push(async () => {
      await tick();
      order.push('b');
    });
    q.push(() => void order.push('c'));
    expect(order).toEqual(['a']);
    expect(q.busy).toBe(true);
    await q.idle();
    expect(order).toEqual(['a', 'b', 'c']);
    expect(q.busy).toBe(false);
  });

  it('queues a step pushed from inside a running step (run to completion)', () => {
    const order: string[] = [];
    const q = new StepQueue(() => {});
    q.push(() => {
      q.push(() => void order.push('inner'));
      order.push('outer');
    });
    expect(order).toEqual(['outer', 'inner']);
  });

  it('lets a synchronous failure reach the caller, but only reports one after an await', async () => {
    const seen: Array<[string, boolean]> = [];
    const q = new StepQueue((error, afterAwait) => {
      seen.push([(error as Error).message, afterAwait]);
      throw error;
    });
    expect(() => q.push(() => {
      throw new Error('now');
    })).toThrow('now');
    q.push(async () => {
      await tick();
      throw new Error('later');
    });
    await q.idle();
    expect(seen).toEqual([['now', false], ['later', true]]);
  });
});

describe('Lane', () => {
  it('starts no other queue’s step while one waits on a promise, and resumes them in order', async () => {
    const order: string[] = [];
    const lane = new Lane();
    const [a, b, c] = [new StepQueue(() => {}, lane), new StepQueue(() => {}, lane), new StepQueue(() => {}, lane)];
    // However slowly the awaited work answers, b and c go after it, in the order they came.
    let release = (): void => {};
    a.push(() => new Promise<void>((resolve) => (release = resolve)).then(() => void order.push('a1')));
    a.push(() => void order.push('a2'));
    b.push(() => void order.push('b1'));
    c.push(() => void order.push('c1'));
    expect(order).toEqual([]);
    expect([a.busy, b.busy, c.busy]).toEqual([true, true, true]);
    release();
    await Promise.all([a.idle(), b.idle(), c.idle()]);
    expect(order).toEqual(['a1', 'b1', 'c1', 'a2']);
  });

  it('leaves queues on different lanes independent', () => {
    const order: string[] = [];
    const a = new StepQueue(() => {});
    const b = new StepQueue(() => {});
    a.push(() => new Promise<void>(() => {}));
    b.push(() => void order.push('b'));
    expect(order).toEqual(['b']);
  });
});

describe('inOrder', () => {
  it('stays synchronous while every call is, and waits once one is not', async () => {
    const order: number[] = [];
    expect(inOrder([1, 2], (n) => void order.push(n))).toBeUndefined();
    const pending = inOrder([3, 4, 5], async (n) => {
      await tick();
      order.push(n);
    });
    expect(pending).toBeInstanceOf(Promise);
    await pending;
    expect(order).toEqual([1, 2, 3, 4, 5]);
  });
});
