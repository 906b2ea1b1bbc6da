/**
 * The simulator's core is sans-I/O (../shared/STYLE.md): no DOM, no node:* modules, no timers,
 * no clock, no Buffer. Only simulator/transports/node and transports/relay may touch the operating system.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('.', import.meta.url).pathname;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.ts$/.test(name) && !/\.test\.ts$/.test(name) ? [path] : [];
  });
}

const FORBIDDEN: Array<[RegExp, string]> = [
  [/from\s+['"]node:/, 'a node:* import'],
  [/\brequire\(/, 'require()'],
  [/\bDate\.now\(/, 'Date.now() (time is an input)'],
  [/\bnew Date\(\)/, 'new Date() without a time (time is an input)'],
  [/\bset(Timeout|Interval|Immediate)\(/, 'a timer (engines return timer outputs)'],
  [/\bBuffer\b/, 'Buffer (use Uint8Array)'],
  [/\b(document|window|localStorage)\./, 'the DOM'],
  [/\bMath\.random\(/, 'Math.random() (randomness must be injected for replayable sessions)'],
];

describe('simulator core purity', () => {
  const files = sources(root).filter((f) => {
    const rel = relative(root, f);
    return !rel.startsWith('transports/node/') && !rel.startsWith('transports/relay/') && !rel.startsWith('testing/');
  });

  it('finds the sources', () => {
    expect(files.length).toBeGreaterThan(5);
  });

  for (const file of files) {
    it(relative(root, file), () => {
      const code = readFileSync(file, 'utf8').replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, '');
      const found = FORBIDDEN.filter(([re]) => re.test(code)).map(([, what]) => what);
      expect(found, `${relative(root, file)} uses ${found.join(', ')}`).toEqual([]);
    });
  }
});
