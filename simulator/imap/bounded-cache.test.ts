import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BoundedCache } from './bounded-cache.ts';

interface Key {
  id: number;
}

describe('BoundedCache', () => {
  it('keeps values until the budget is passed, then drops the oldest first', () => {
    const keys = Array.from({ length: 5 }, (_, id): Key => ({ id }));
    const cache = new BoundedCache<Key, string>(30, (v) => v.length);
    for (const k of keys) cache.set(k, 'x'.repeat(10));
    expect(cache.size).toBe(30);
    expect(keys.map((k) => cache.get(k) !== undefined)).toEqual([false, false, true, true, true]);
  });

  it('a value above the whole budget is not kept and pushes nothing out', () => {
    const a: Key = { id: 1 };
    const b: Key = { id: 2 };
    const cache = new BoundedCache<Key, string>(10, (v) => v.length);
    cache.set(a, 'small');
    cache.set(b, 'far too large for it');
    expect(cache.get(a)).toBe('small');
    expect(cache.get(b)).toBeUndefined();
  });

  it('getOrCompute computes once while the value is kept, again after it was dropped', () => {
    const a: Key = { id: 1 };
    const b: Key = { id: 2 };
    const cache = new BoundedCache<Key, string>(10, (v) => v.length);
    let computed = 0;
    const compute = (k: Key): string => `v${k.id}-${++computed}`.padEnd(6, '.');
    expect(cache.getOrCompute(a, compute)).toBe('v1-1..');
    expect(cache.getOrCompute(a, compute)).toBe('v1-1..');
    cache.getOrCompute(b, compute); // 12 > 10: a is dropped
    expect(cache.getOrCompute(a, compute)).toBe('v1-3..');
    expect(computed).toBe(3);
  });

  it('a key set again keeps its newer value when its older slot is dropped', () => {
    const a: Key = { id: 1 };
    const b: Key = { id: 2 };
    const cache = new BoundedCache<Key, string>(20, (v) => v.length);
    cache.set(a, 'old-value!'); // 10
    cache.set(a, 'new-value!'); // 20: the old slot still counts
    cache.set(b, 'b'); // 21: the oldest slot (a's old value) goes, a's newer value stays
    expect(cache.get(a)).toBe('new-value!');
    expect(cache.get(b)).toBe('b');
  });

  it('whatever is set, the size stays within the budget and every kept value is the latest set', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 7 }), fc.string({ maxLength: 20 })), { maxLength: 200 }),
        (budget, ops) => {
          const keys = Array.from({ length: 8 }, (_, id): Key => ({ id }));
          const cache = new BoundedCache<Key, string>(budget, (v) => v.length + 1);
          const latest = new Map<number, string>();
          for (const [k, v] of ops) {
            cache.set(keys[k]!, v);
            latest.set(k, v);
            expect(cache.size).toBeLessThanOrEqual(budget);
          }
          for (const [k, v] of latest) {
            const kept = cache.get(keys[k]!);
            if (kept !== undefined) expect(kept).toBe(v);
          }
          // The newest entry is always kept when it fits on its own.
          const last = ops.at(-1);
          if (last && last[1].length + 1 <= budget) expect(cache.get(keys[last[0]]!)).toBe(last[1]);
        },
      ),
    );
  });
});
