/**
 * Mailwire's layers, checked by `npm run check` (depcruise) on every import, type-only imports
 * included. docs/architecture.md explains each rule. No import breaks one today, so there is no
 * list of known violations: any broken rule fails the check.
 */

/** Test code runs under Node and may build whole worlds: the layer rules are about what ships. */
const TESTS = '(\\.test\\.ts|\\.test-helper\\.ts|\\.test-data\\.ts|/test-helpers?\\.ts|/test-support\\.ts|/fixtures\\.ts)$|^simulator/testing/|^site/terminal/testing/';
/** The core: the simulator apart from transports/, the only code that does I/O. */
const CORE = '^simulator/(?!transports/)';
/** The engines: sans-I/O protocol state machines. */
const ENGINES = '^simulator/(smtp|pop3|imap)/';
/** What runs the engines: the World and everything that hands it around. */
const WORLD_AND_NETWORK = '^simulator/(world|net|mta|scenarios)/';
/** Packages that need a browser (or a page framework): never in the core. */
const DOM_LIBRARIES = '(^|/)node_modules/(react|react-dom|@xterm|zustand|astro|@astrojs|@playwright|playwright)/';

const { readdirSync, readFileSync } = require('node:fs');
const { join, posix } = require('node:path');

/** Every index.ts under simulator/ (the fixture tree aside), as a path from the repository root. */
function indexFiles(dir) {
  return readdirSync(join(__dirname, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = posix.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'testing' ? [] : indexFiles(path);
    return entry.name === 'index.ts' ? [path] : [];
  });
}

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The core's public entry points for site/. Each area's index.ts declares them: the index itself,
 * and every module it exports from. The site may import those modules directly (so that pages keep
 * their lazy chunks: a page that needs only the port table does not load the network), and nothing
 * else. Beside them: the contracts at the top of simulator/, scenarios/compare-config.ts (data
 * that pages read without loading the scenario), the transports' browser halves, and the engines'
 * state.ts and registry.ts (the tables the lab draws and completes from).
 */
const ENTRY_POINTS = [
  '^simulator/[^/]+\\.ts$',
  '^simulator/scenarios/compare-config\\.ts$',
  '^simulator/transports/(bridge|virtual|system-random)\\.ts$',
  '^simulator/(smtp|pop3|imap)/(state|registry)\\.ts$',
  ...indexFiles('simulator').flatMap((index) => {
    const dir = posix.dirname(index);
    const named = [...readFileSync(join(__dirname, index), 'utf8').matchAll(/from '(\.\/[^']+)'/g)].map((m) => posix.join(dir, m[1]));
    return [index, ...named].map((path) => `^${escape(path)}$`);
  }),
];

module.exports = {
  forbidden: [
    {
      name: 'core-no-node',
      comment: 'The core is sans-I/O and runs in the browser: node:* only in simulator/transports/ (README, STYLE.md).',
      severity: 'error',
      from: { path: CORE, pathNot: TESTS },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'core-no-dom',
      comment: 'The core runs in Node too (npm run serve, the relay, tests): no browser or page-framework packages.',
      severity: 'error',
      from: { path: CORE, pathNot: TESTS },
      to: { path: DOM_LIBRARIES },
    },
    {
      name: 'core-no-site',
      comment:
        'The simulator never imports the UI (STYLE.md "Engines never import UI"). Tests may: the explain tests check every RFC citation against the RFC texts the site serves (site/components/rfc/rfc-texts.ts), the one copy of them.',
      severity: 'error',
      from: { path: '^simulator/', pathNot: TESTS },
      to: { path: '^site/' },
    },
    {
      name: 'engines-no-world',
      comment: 'Engines see a narrow mail backend, not the World, the network, the MTA or the scenarios (issue 16 item 3).',
      severity: 'error',
      from: { path: ENGINES, pathNot: TESTS },
      to: { path: WORLD_AND_NETWORK },
    },
    {
      name: 'site-through-entry-points',
      comment: "site/ uses the core through its public entry points (each area's index.ts; see ENTRY_POINTS).",
      severity: 'error',
      // A test may reach the simulator's test helpers and the module it checks directly.
      from: { path: '^site/', pathNot: TESTS },
      to: { path: '^simulator/', pathNot: ENTRY_POINTS },
    },
    {
      name: 'page-world-not-terminal',
      comment: "The page's world (site/world/) is shared by the lab, live mode and the terminal: it uses site/browser/ for page services, not the terminal's modules.",
      severity: 'error',
      from: { path: '^site/world/' },
      to: { path: '^site/terminal/' },
    },
    {
      name: 'no-circular',
      comment: 'No import cycles: a cycle makes two modules one, and load order fragile.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that resolves to nothing is a typo or a missing file.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true, pathNot: '^astro:' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|\\.astro)/|^simulator/testing/layers-fixture/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
