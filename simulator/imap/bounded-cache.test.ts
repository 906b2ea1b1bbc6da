import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BoundedCache } from './bounded-cache.ts';

interface Key {
  id: number;
}

const keysOf = (n: number): Key[] => Array.from({ length: n }, (_, id): Key => ({ id }));

/** Asks for every key once in a pass of its own, so that the next pass may keep their values. */
function seen<V>(cache: BoundedCache<Key, V>, keys: readonly Key[], value: V): void {
  cache.newPass();
  for (const k of keys) cache.set(k, value);
  cache.newPass();
}

describe('BoundedCache', () => {
  it('keeps a walk it can hold whole from its first pass, and one it cannot only from the next', () => {
    const keys = keysOf(10);
    const fits = new BoundedCache<Key, string>(100, (v) => v.length);
    fits.newPass(keys.length); // 10 values of 10 octets: the budget exactly
    for (const k of keys) fits.set(k, 'x'.repeat(10));
    expect(fits.size).toBe(100);
    fits.newPass(keys.length);
    expect(keys.every((k) => fits.get(k) === 'x'.repeat(10))).toBe(true);

    const tooMany = new BoundedCache<Key, string>(99, (v) => v.length);
    tooMany.newPass(keys.length);
    for (const k of keys) tooMany.set(k, 'x'.repeat(10));
    expect(tooMany.size).toBe(0);
    tooMany.newPass(keys.length);
    for (const k of keys) tooMany.set(k, 'x'.repeat(10));
    expect(tooMany.size).toBe(90);
  });

  it('keeps nothing from a key’s first pass: a single walk over a mailbox leaves the cache as it was', () => {
    const keys = keysOf(5);
    const cache = new BoundedCache<Key, string>(100, (v) => v.length);
    expect(keys.map((k) => cache.set(k, 'x'.repeat(10)))).toEqual([false, false, false, false, false]);
    expect(cache.size).toBe(0);
    cache.newPass();
    expect(keys.map((k) => cache.set(k, 'x'.repeat(10)))).toEqual([true, true, true, true, true]);
    expect(cache.size).toBe(50);
  });

  it('within one pass keeps the first values that fit and does not keep the rest', () => {
    const keys = keysOf(5);
    const cache = new BoundedCache<Key, string>(30, (v) => v.length);
    seen(cache, keys, '');
    expect(keys.map((k) => cache.set(k, 'x'.repeat(10)))).toEqual([true, true, true, false, false]);
    expect(cache.size).toBe(30);
    expect(keys.map((k) => cache.get(k) !== undefined)).toEqual([true, true, true, false, false]);
  });

  it('a new pass drops the oldest values that it has not used', () => {
    const keys = keysOf(5);
    const cache = new BoundedCache<Key, string>(30, (v) => v.length);
    seen(cache, keys, '');
    for (const k of keys.slice(0, 3)) cache.set(k, 'x'.repeat(10));
    cache.newPass();
    expect(cache.get(keys[0]!)).toBeDefined(); // used in this pass: stays
    expect(cache.set(keys[3]!, 'y'.repeat(10))).toBe(true); // the oldest unused (1) goes
    expect(keys.map((k) => cache.get(k) !== undefined)).toEqual([true, false, true, true, false]);
    // 0, 2 (read just now) and 3 are all this pass's: nothing more is let in.
    expect(cache.set(keys[4]!, 'z'.repeat(10))).toBe(false);
    expect(cache.size).toBe(30);
  });

  it('a scan larger than the cache, repeated, is served by the same kept values and keeps no others', () => {
    const keys = keysOf(100);
    const cache = new BoundedCache<Key, string>(100, (v) => v.length);
    let computed = 0;
    const compute = (k: Key): string => `${k.id}-${++computed}`.padEnd(10, '.');
    keys.forEach((k) => cache.getOrCompute(k, compute)); // the first scan keeps nothing
    expect(cache.size).toBe(0);
    cache.newPass();
    const secondPass = keys.map((k) => cache.getOrCompute(k, compute));
    for (let pass = 0; pass < 3; pass++) {
      cache.newPass();
      computed = 0;
      const again = keys.map((k) => cache.getOrCompute(k, compute));
      // The first ten (what fits) come from the cache every time, the same values.
      expect(again.slice(0, 10)).toEqual(secondPass.slice(0, 10));
      expect(computed).toBe(90);
      expect(keys.map((k) => cache.get(k) !== undefined).lastIndexOf(true)).toBe(9);
    }
  });

  it('a walk larger than the budget remembers only a budget’s worth of its misses, the first asked', () => {
    const keys = keysOf(100);
    const cache = new BoundedCache<Key, string>(100, (v) => v.length);
    for (const k of keys) cache.set(k, 'x'.repeat(10)); // 1,000 octets asked for: only the first ten keys (100 octets) remembered
    cache.newPass();
    // Walked the other way, only those ten may be kept: the other ninety were never remembered.
    const kept = [...keys].reverse().filter((k) => cache.set(k, 'x'.repeat(10)));
    expect(kept.map((k) => k.id)).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);
    expect(cache.size).toBe(100);
  });

  it('a value above the whole budget is not kept and pushes nothing out', () => {
    const [a, b] = keysOf(2) as [Key, Key];
    const cache = new BoundedCache<Key, string>(10, (v) => v.length);
    seen(cache, [a, b], '');
    cache.set(a, 'small');
    cache.newPass();
    expect(cache.set(b, 'far too large for it')).toBe(false);
    expect(cache.get(a)).toBe('small');
    expect(cache.get(b)).toBeUndefined();
  });

  it('getOrCompute computes while the value is not kept, once while it is', () => {
    const [a, b] = keysOf(2) as [Key, Key];
    const cache = new BoundedCache<Key, string>(10, (v) => v.length);
    let computed = 0;
    const compute = (k: Key): string => `v${k.id}-${++computed}`.padEnd(6, '.');
    expect(cache.getOrCompute(a, compute)).toBe('v0-1..'); // first pass: not kept
    expect(cache.getOrCompute(a, compute)).toBe('v0-2..');
    cache.newPass();
    expect(cache.getOrCompute(a, compute)).toBe('v0-3..'); // asked for again in a later pass: kept
    expect(cache.getOrCompute(a, compute)).toBe('v0-3..');
    cache.getOrCompute(b, compute); // b's first ask: computed, not kept, a stays
    expect(cache.getOrCompute(a, compute)).toBe('v0-3..');
    cache.newPass();
    cache.getOrCompute(b, compute); // a, unused in this pass, makes room for b
    expect(cache.getOrCompute(a, compute)).toBe('v0-6..');
    expect(computed).toBe(6);
  });

  it('a key set again keeps only its newer value', () => {
    const [a, b] = keysOf(2) as [Key, Key];
    const cache = new BoundedCache<Key, string>(20, (v) => v.length);
    seen(cache, [a, b], '');
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
        // Asked for first thing in a pass, then again first thing in the next: kept whenever it fits
        // on its own (later in a pass, only while the pass has not yet missed a budget's worth).
        cache.newPass();
        cache.set(keys[0]!, 'first');
        cache.newPass();
        if (budget >= 6) expect(cache.set(keys[0]!, 'fresh')).toBe(true);
      }),
    );
  });
});
