/**
 * The layer rules of .dependency-cruiser.cjs bite: cruised over a miniature tree
 * (testing/layers-fixture/) in which each file breaks one rule, every rule reports exactly the
 * file that breaks it, and the imports the rules allow (node:* in transports/node/, site/ through
 * an area's index.ts or a module it names) are not reported.
 */
import { createRequire } from 'node:module';
import { cruise, type ICruiseResult } from 'dependency-cruiser';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const config = require('../.dependency-cruiser.cjs') as { forbidden: unknown[] };
const fixture = new URL('./testing/layers-fixture/', import.meta.url).pathname;

describe('layer rules (.dependency-cruiser.cjs)', () => {
  it('reports each broken rule at the import that breaks it, and nothing else', async () => {
    const result = await cruise(['simulator', 'site'], {
      baseDir: fixture,
      ruleSet: { forbidden: config.forbidden } as never,
      validate: true,
      tsPreCompilationDeps: true,
      doNotFollow: { path: 'node_modules' },
    });
    const output = result.output as ICruiseResult;
    const found = output.summary.violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`).sort();
    expect(found).toEqual([
      'core-no-dom: simulator/wire/dom.ts -> ../../../node_modules/react/index.js',
      'core-no-node: simulator/wire/io.ts -> fs',
      'core-no-site: simulator/wire/ui.ts -> site/page.ts',
      'engines-no-world: simulator/smtp/server.ts -> simulator/world/world.ts',
      'no-circular: simulator/mime/a.ts -> simulator/mime/b.ts',
      'page-world-not-terminal: site/world/page-network.ts -> site/terminal/history.ts',
      'site-through-entry-points: site/page.ts -> simulator/world/seed-messages.ts',
    ]);
  }, 60_000);
});
