/**
 * Randomness is an input to the core, like bytes and time (issue 16, item 5): nothing under
 * `simulator/` outside `transports/` reads a global random source. A transport hands the engines
 * `systemRandom()` (transports/system-random.ts); tests and the lab's replays hand them
 * `seededRandom(seed)`, so the same seed and the same inputs give the same bytes.
 */
import { sha256 } from '@noble/hashes/sha2.js';

export interface RandomSource {
  /** `n` bytes the caller has not seen before. */
  bytes(n: number): Uint8Array;
}

/**
 * A deterministic stream: SHA-256(seed ‖ counter) blocks, consumed in order. Reading 3 then 5
 * bytes gives the same 8 bytes as reading 8 at once, so a replay does not depend on call sizes.
 * Its secrecy is the seed's; the lab seeds it from the system source once per world.
 */
export function seededRandom(seed: Uint8Array): RandomSource {
  const input = new Uint8Array(seed.length + 4);
  input.set(seed);
  const view = new DataView(input.buffer);
  let counter = 0;
  let block = new Uint8Array(0);
  let used = 0;
  return {
    bytes(n: number): Uint8Array {
      const out = new Uint8Array(n);
      let filled = 0;
      while (filled < n) {
        if (used === block.length) {
          view.setUint32(seed.length, counter++);
          block = sha256(input);
          used = 0;
        }
        const take = Math.min(n - filled, block.length - used);
        out.set(block.subarray(used, used + take), filled);
        filled += take;
        used += take;
      }
      return out;
    },
  };
}
