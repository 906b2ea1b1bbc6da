/**
 * A cache of values derived from objects (stored messages), within a budget: keys are held
 * weakly, so an expunged message's entries go with it, and once the entries' estimated cost
 * passes the budget the oldest are dropped, so a mailbox of 100,000 messages read end to end
 * does not keep a second copy of itself in memory. A dropped value is only computed again.
 */

interface Entry<K extends object, V> {
  key: WeakRef<K>;
  value: V;
  cost: number;
}

export class BoundedCache<K extends object, V> {
  private readonly map = new WeakMap<K, V>();
  /** Insertion order, for dropping the oldest; `head` is the first live slot. */
  private queue: Entry<K, V>[] = [];
  private head = 0;
  private used = 0;

  constructor(
    /** Estimated octets the cache may hold. */
    readonly budget: number,
    /** Estimated octets one value costs (its text, its objects, its slot). */
    private readonly cost: (value: V) => number,
  ) {}

  /** Estimated octets held now (never above the budget after a `set`). */
  get size(): number {
    return this.used;
  }

  get(key: K): V | undefined {
    return this.map.get(key);
  }

  /** The cached value for `key`, computed (and kept, budget allowing) when missing. */
  getOrCompute(key: K, compute: (key: K) => V): V {
    let value = this.map.get(key);
    if (value === undefined) {
      value = compute(key);
      this.set(key, value);
    }
    return value;
  }

  set(key: K, value: V): void {
    const cost = this.cost(value);
    // A value larger than the whole budget is not kept (it would only push out everything else).
    if (cost > this.budget) {
      this.delete(key);
      return;
    }
    this.map.set(key, value);
    this.queue.push({ key: new WeakRef(key), value, cost });
    this.used += cost;
    while (this.used > this.budget) this.dropOldest();
  }

  delete(key: K): void {
    // Its queue slot stays until it is the oldest; `dropOldest` then sees it is no longer current.
    this.map.delete(key);
  }

  private dropOldest(): void {
    const entry = this.queue[this.head]!;
    this.queue[this.head++] = undefined as unknown as Entry<K, V>;
    this.used -= entry.cost;
    const key = entry.key.deref();
    // The key may have been set again since (a newer slot holds it): only this slot's value goes.
    if (key !== undefined && this.map.get(key) === entry.value) this.map.delete(key);
    // Compact the queue once half of it is dropped slots.
    if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue = this.queue.slice(this.head);
      this.head = 0;
    }
  }
}
