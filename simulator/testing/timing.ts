/**
 * Timing for bounded-cost tests: the fastest of a few runs, so a GC pause or the first run's JIT
 * compile on a busy machine cannot fail a test, while a command whose cost explodes (seconds, as
 * a backtracking LIST pattern did) still does.
 */
export function fastestMs(run: () => void, tries = 3): number {
  let best = Infinity;
  for (let i = 0; i < tries; i++) {
    const start = performance.now();
    run();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}
