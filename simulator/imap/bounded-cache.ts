/**
 * A cache of values derived from objects (stored messages), within a budget: keys are held
 * weakly, so an expunged message's entries go with it, and the entries' estimated cost never
 * passes the budget. A dropped value is only computed again.
 *
 * Scans larger than the cache do not churn it. Work is counted in passes (one command's walk
 * over a mailbox, `newPass`): a value used in the current pass is never dropped to make room for
 * another value of the same pass; once such values fill the budget, the rest of the pass is
 * computed and not kept. Otherwise a FETCH 1:* of 100,000 messages would push every value
 * through a cache sized for 10,000 — each kept long enough for the collector to move it to the
 * old generation, then dropped — and leave the heap of a mailbox-sized garbage pile that Node
 * frees only at its next full collection (issue 15: RSS under 2x the message octets). Between
 * passes the oldest values not used in the current pass go first.
 *
 * A value is kept only when its key is asked for again in a later pass (a second FETCH 1:*, the
 * next SEARCH): a single walk over a mailbox keeps nothing. Keeping the first thousands of a walk
 * taught V8 that such values live long, and it then made every later one of the walk in the old
 * generation, kept or not (--trace-gc, FETCH 1:* ENVELOPE of 100,000: 33 MB promoted with them
 * kept, 2.5 MB with nothing kept).
 *
 * Except for a walk the cache can hold whole: a command that says how many messages it will walk
 * (`newPass(walk)`), when that many values of the size of its first one fit the budget, keeps them
 * from the first pass, as Dovecot's cache does: nothing of such a walk becomes garbage, and the
 * next FETCH of the same mailbox is answered from the cache instead of computed again (the real-
 * client bench's FETCH ENVELOPE of 10,000: 1.7-1.9x Dovecot's time when only a third pass hit).
 */

interface Slot<K extends object, V> {
  key: WeakRef<K>;
  value: V;
  cost: number;
  /** The last pass that set or read this value. */
  pass: number;
}

export class BoundedCache<K extends object, V> {
  private readonly map = new WeakMap<K, Slot<K, V>>();
  /** Keys asked for and not kept, with the pass that asked (a number: no object per key). */
  private readonly missed = new WeakMap<K, number>();
  /**
   * Estimated octets of the values this pass asked for and did not keep. A pass records only as
   * many misses as a later pass could keep (the budget's worth, the first asked: what a next walk in
   * the same order keeps first): a walk of 100,000 messages otherwise left an entry per message in the
   * map above of every cache it used, about 4 MB each, for as long as the messages lived.
   */
  private missedCost = 0;
  /** Oldest first (a value read again in a new pass moves to the end when it comes up); `head` is the first live slot. */
  private queue: Slot<K, V>[] = [];
  private head = 0;
  /** Estimated octets of every slot in the queue, replaced or dead ones included until dropped. */
  private used = 0;
  private pass = 0;
  /** Estimated octets of the values set or read in the current pass (may count a replaced one). */
  private fresh = 0;
  /** How many keys the current pass will ask for, when its command said. */
  private walk = Infinity;
  /** Whether the current walk fits the budget whole, judged by its first value's cost. */
  private walkFits: boolean | undefined;

  constructor(
    /** Estimated octets the cache may hold. */
    readonly budget: number,
    /** Estimated octets one value costs (its text, its objects, its slot). */
    private readonly cost: (value: V) => number,
  ) {}

  /** Estimated octets held now (never above the budget). */
  get size(): number {
    return this.used;
  }

  /**
   * Starts a pass: what was kept so far may now give way to what this pass uses. `walk` is how
   * many keys it will ask for, when known.
   */
  newPass(walk = Infinity): void {
    this.pass++;
    this.fresh = 0;
    this.missedCost = 0;
    this.walk = walk;
    this.walkFits = undefined;
  }

  get(key: K): V | undefined {
    const slot = this.map.get(key);
    if (slot === undefined) return undefined;
    if (slot.pass !== this.pass) {
      slot.pass = this.pass;
      this.fresh += slot.cost;
    }
    return slot.value;
  }

  /**
   * The cached value for `key`, computed (and kept, budget allowing) when missing. A value just
   * kept is read back through `get`, so the pass that fills the cache also runs the path the next
   * pass takes: V8 then has type feedback for it, instead of throwing away the code it optimized
   * for misses ("insufficient type feedback", --trace-deopt) in the middle of the next SEARCH.
   */
  getOrCompute(key: K, compute: (key: K) => V): V {
    const value = this.get(key);
    if (value !== undefined) return value;
    const computed = compute(key);
    return this.set(key, computed) ? this.get(key)! : computed;
  }

  /**
   * Keeps `value` for `key` when the key was asked for in an earlier pass too and the value fits
   * beside what the current pass uses; true when kept.
   */
  set(key: K, value: V): boolean {
    const cost = this.cost(value);
    this.walkFits ??= this.walk * cost <= this.budget;
    // A key whose value is kept was asked for before; another is kept from its second pass on,
    // unless the whole walk fits.
    const had = this.map.get(key) !== undefined;
    this.map.delete(key);
    const asked = this.missed.get(key);
    if (!had && !this.walkFits && (asked === undefined || asked === this.pass)) {
      if (asked === undefined && this.missedCost + cost <= this.budget) {
        this.missed.set(key, this.pass);
        this.missedCost += cost;
      }
      return false;
    }
    // Not beyond the budget beside this pass's values (nor a value larger than the whole budget);
    // the key stays known as asked for before, so a later pass may keep it.
    if (this.fresh + cost > this.budget) {
      this.missed.set(key, -1);
      return false;
    }
    this.missed.delete(key);
    while (this.used + cost > this.budget) this.dropOldest();
    const slot: Slot<K, V> = { key: new WeakRef(key), value, cost, pass: this.pass };
    this.map.set(key, slot);
    this.queue.push(slot);
    this.used += cost;
    this.fresh += cost;
    return true;
  }

  delete(key: K): void {
    // Its queue slot stays until it is the oldest; `dropOldest` then sees it is no longer current.
    this.map.delete(key);
  }

  /**
   * Drops the oldest slot, or moves it to the end when the current pass used it. Ends: `set`
   * calls this only while `used` exceeds `fresh`, so a slot of another pass or a dead one is left.
   */
  private dropOldest(): void {
    const slot = this.queue[this.head]!;
    this.queue[this.head++] = undefined as unknown as Slot<K, V>;
    const key = slot.key.deref();
    const live = key !== undefined && this.map.get(key) === slot;
    if (live && slot.pass === this.pass) this.queue.push(slot);
    else {
      this.used -= slot.cost;
      if (live) this.map.delete(key);
    }
    // Compact the queue once half of it is dropped slots.
    if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue = this.queue.slice(this.head);
      this.head = 0;
    }
  }
}
