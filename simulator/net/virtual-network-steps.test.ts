import { describe, expect, it } from 'vitest';
import { inOrder, StepQueue } from './virtual-network-steps.ts';

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
