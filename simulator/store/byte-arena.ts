/**
 * Stored message octets packed into large shared slabs instead of one allocation each: a
 * mailbox of 100,000 small messages then costs their octets plus a few numbers apiece, without
 * the per-allocation overhead and the fragmentation that many small buffers leave behind.
 * Messages are immutable, so nothing overlaps a write. A slab is freed when every message in it
 * is gone.
 */

const SLAB = 1 << 20;
/** Larger messages get an allocation of their own (a slab would mostly be wasted on them). */
const OWN = 64 * 1024;

let slab = new Uint8Array(0);
let used = 0;

/** Where kept octets lie: `slab[start, start + length)`; `slab` is shared with other messages. */
export interface KeptBytes {
  slab: Uint8Array;
  start: number;
}

/** A copy of `bytes` that the store keeps. */
export function keepBytes(bytes: Uint8Array): KeptBytes {
  if (bytes.length > OWN) return { slab: bytes.slice(), start: 0 };
  if (used + bytes.length > slab.length) {
    slab = new Uint8Array(SLAB);
    used = 0;
  }
  const start = used;
  slab.set(bytes, start);
  used += bytes.length;
  return { slab, start };
}
