import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BoundedCache } from './bounded-cache.ts';

interface Key {
  id: number;
}

const keysOf = (n: number): Key[] => Array.from({ length: n }, (_, id): Key => ({ id }));

describe('BoundedCache', () => {
  it('within one pass keeps the first values that fit and does not keep the rest', () => {
    const keys = keysOf(5);
    const cache = new BoundedCache<Key, string>(30, (v) => v.length);
    const kept = keys.map((k) => cache.set(k, 'x'.repeat(10)));
    expect(kept).toEqual([true, true, true, false, false]);
    expect(cache.size).toBe(30);
    expect(keys.map((k) => cache.get(k) !== undefined)).toEqual([true, true, true, false, false]);
  });

  it('a new pass drops the oldest values that it has not used', () => {
    const keys = keysOf(5);
    const cache = new BoundedCache<Key, string>(30, (v) => v.length);
    for (const k of keys.slice(0, 3)) cache.set(k, 'x'.repeat(10));
    cache.newPass();
    expect(cache.get(keys[0]!)).toBeDefined(); // used in this pass: stays
    expect(cache.set(keys[3]!, 'y'.repeat(10))).toBe(true); // the oldest unused (1) goes
    expect(keys.map((k) => cache.get(k) !== undefined)).toEqual([true, false, true, true, false]);
    // 0, 2 (read just now) and 3 are all this pass's: nothing more is let in.
    expect(cache.wouldKeep(10)).toBe(false);
    expect(cache.set(keys[4]!, 'z'.repeat(10))).toBe(false);
    cache.newPass();
    expect(cache.wouldKeep(10)).toBe(true);
    expect(cache.size).toBe(30);
  });

  it('a scan larger than the cache, repeated, is served by the same kept values and keeps no others', () => {
    const keys = keysOf(100);
    const cache = new BoundedCache<Key, string>(100, (v) => v.length);
    let computed = 0;
    const compute = (k: Key): string => `${k.id}-${++computed}`.padEnd(10, '.');
    const firstPass = keys.map((k) => cache.getOrCompute(k, compute));
    for (let pass = 0; pass < 3; pass++) {
      cache.newPass();
      computed = 0;
      const again = keys.map((k) => cache.getOrCompute(k, compute));
      // The first ten (what fits) come from the cache every time, the same values.
      expect(again.slice(0, 10)).toEqual(firstPass.slice(0, 10));
      expect(computed).toBe(90);
      expect(keys.map((k) => cache.get(k) !== undefined).lastIndexOf(true)).toBe(9);
    }
  });

  it('a value above the whole budget is not kept and pushes nothing out', () => {
    const [a, b] = keysOf(2) as [Key, Key];
    const cache = new BoundedCache<Key, string>(10, (v) => v.length);
    cache.set(a, 'small');
    cache.newPass();
    expect(cache.set(b, 'far too large for it')).toBe(false);
    expect(cache.get(a)).toBe('small');
    expect(cache.get(b)).toBeUndefined();
  });

  it('getOrCompute computes once while the value is kept, again after a later pass dropped it', () => {
    const [a, b] = keysOf(2) as [Key, Key];
    const cache = new BoundedCache<Key, string>(10, (v) => v.length);
    let computed = 0;
    const compute = (k: Key): string => `v${k.id}-${++computed}`.padEnd(6, '.');
    expect(cache.getOrCompute(a, compute)).toBe('v0-1..');
    expect(cache.getOrCompute(a, compute)).toBe('v0-1..');
    expect(cache.getOrCompute(b, compute)).toBe('v1-2..'); // 12 > 10 in the same pass: b not kept
    expect(cache.getOrCompute(b, compute)).toBe('v1-3..');
    cache.newPass();
    cache.getOrCompute(b, compute); // a new pass: a, unused in it, makes room for b
    expect(cache.getOrCompute(a, compute)).toBe('v0-5..');
    expect(computed).toBe(5);
  });

  it('a key set again keeps only its newer value', () => {
    const [a, b] = keysOf(2) as [Key, Key];
    const cache = new BoundedCache<Key, string>(20, (v) => v.length);
    cache.set(a, 'old-value!'); // 10
    cache.newPass();
    cache.set(a, 'new-value!'); // the old slot still counts until it is the oldest
    cache.set(b, 'b'); // 21: the old slot goes, a's newer value stays
    expect(cache.get(a)).toBe('new-value!');
    expect(cache.get(b)).toBe('b');
    expect(cache.size).toBe(11);
  });

  it('whatever is set, read and passed, the size stays within the budget and every kept value is the latest set', () => {
    const op = fc.oneof(
      fc.tuple(fc.constant('set' as const), fc.integer({ min: 0, max: 7 }), fc.string({ maxLength: 20 })),
      fc.tuple(fc.constant('get' as const), fc.integer({ min: 0, max: 7 }), fc.constant('')),
      fc.tuple(fc.constant('pass' as const), fc.constant(0), fc.constant('')),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), fc.array(op, { maxLength: 200 }), (budget, ops) => {
        const keys = keysOf(8);
        const cache = new BoundedCache<Key, string>(budget, (v) => v.length + 1);
        const latest = new Map<number, string>();
        for (const [kind, k, v] of ops) {
          if (kind === 'pass') cache.newPass();
          else if (kind === 'get') {
            const kept = cache.get(keys[k]!);
            if (kept !== undefined) expect(kept).toBe(latest.get(k));
          } else {
            cache.set(keys[k]!, v);
            latest.set(k, v);
          }
          expect(cache.size).toBeLessThanOrEqual(budget);
        }
        // The first value set in a new pass is kept whenever it fits on its own.
        cache.newPass();
        if (budget >= 6) expect(cache.set(keys[0]!, 'fresh')).toBe(true);
      }),
    );
  });
});
