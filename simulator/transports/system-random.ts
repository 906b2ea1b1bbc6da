import type { RandomSource } from '../random';

/** The platform's CSPRNG (WebCrypto, in browsers and Node alike), handed to the core as an input. */
export function systemRandom(): RandomSource {
  return {
    bytes(n: number): Uint8Array {
      const out = new Uint8Array(n);
      // getRandomValues fills at most 65,536 bytes per call.
      for (let at = 0; at < n; at += 65536) crypto.getRandomValues(out.subarray(at, Math.min(n, at + 65536)));
      return out;
    },
  };
}
