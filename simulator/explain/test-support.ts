/** Test helper: spans must tile the line exactly, in order, with matching text. */
import { expect } from 'vitest';
import type { Span } from './types.ts';

export function expectTiles(spans: readonly Span[], line: string): void {
  let at = 0;
  for (const s of spans) {
    expect(s.start, `gap or overlap at ${at} in ${JSON.stringify(line)}`).toBe(at);
    expect(s.end, `empty span in ${JSON.stringify(line)}`).toBeGreaterThan(s.start);
    expect(s.text).toBe(line.slice(s.start, s.end));
    at = s.end;
  }
  expect(at, `spans end early in ${JSON.stringify(line)}`).toBe(line.length);
}
