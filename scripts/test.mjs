// npm test: every suite in order, each one's result, then one line "N passed, N failed".
//   check (astro check + tsc)   1 test      vitest             its tests
//   ensure-browser              1 test      build              1 test
//   bundle budget               1 test      playwright         its tests
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const work = mkdtempSync(join(tmpdir(), 'mailwire-test-'));
/** @type {Array<{ suite: string, passed: number, failed: number, note: string }>} */
const results = [];
// What failed, by name and first line of its error: CI shows only the end of the output, so the
// summary must say which test or file to look at.
/** @type {string[]} */
const failures = [];

function firstLine(text) {
  // Without the colour codes Playwright puts in its messages.
  const plain = String(text ?? '').replace(/\x1b\[[0-9;]*m/g, '');
  const line = plain.split('\n').find((l) => l.trim() !== '') ?? '';
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}

function banner(text) {
  console.log(`\n=== ${text} ${'='.repeat(Math.max(0, 70 - text.length))}`);
}

function run(command, args, env = {}) {
  const r = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status ?? 1;
}

function single(suite, title, command, args, env) {
  banner(title);
  const ok = run(command, args, env) === 0;
  results.push({ suite, passed: ok ? 1 : 0, failed: ok ? 0 : 1, note: ok ? 'ok' : 'FAILED' });
  return ok;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

function vitest() {
  banner('unit tests (vitest)');
  const out = join(work, 'vitest.json');
  const failuresOut = join(work, 'vitest-failures.json');
  const status = run(
    npx,
    ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`, '--reporter=./scripts/vitest-failures.mjs'],
    { MAILWIRE_VITEST_FAILURES: failuresOut },
  );
  const report = readJson(out);
  if (!report) {
    results.push({ suite: 'vitest', passed: 0, failed: 1, note: `no report (exit ${status})` });
    return;
  }
  // A file that fails outside its tests (import error, failing hook) counts as one failure more.
  const brokenFiles = (report.testResults ?? []).filter(
    (f) => f.status === 'failed' && !(f.assertionResults ?? []).some((a) => a.status === 'failed'),
  ).length;
  for (const f of readJson(failuresOut) ?? []) failures.push(`vitest ${f.where}: ${firstLine(f.message)}`);
  const failed = (report.numFailedTests ?? 0) + brokenFiles;
  const passed = report.numPassedTests ?? 0;
  const bad = status !== 0 && failed === 0 ? 1 : 0;
  results.push({ suite: 'vitest', passed, failed: failed + bad, note: `${report.numTotalTests ?? 0} tests in ${(report.testResults ?? []).length} files, ${(report.numPendingTests ?? 0) + (report.numTodoTests ?? 0)} skipped${brokenFiles ? `, ${brokenFiles} file(s) failed outside their tests` : ''}` });
}

function playwright() {
  banner('end-to-end tests (playwright, headless Chromium)');
  const out = join(work, 'playwright.json');
  const status = run(npx, ['playwright', 'test', '--reporter=list,json'], { MAILWIRE_BUILT: '1', PLAYWRIGHT_JSON_OUTPUT_NAME: out });
  const report = readJson(out);
  const stats = report?.stats;
  if (!stats) {
    results.push({ suite: 'playwright', passed: 0, failed: 1, note: `no report (exit ${status})` });
    return;
  }
  collectPlaywrightFailures(report);
  const failed = (stats.unexpected ?? 0) + (report.errors?.length ?? 0);
  const bad = status !== 0 && failed === 0 ? 1 : 0;
  results.push({ suite: 'playwright', passed: (stats.expected ?? 0) + (stats.flaky ?? 0), failed: failed + bad, note: `${stats.skipped ?? 0} skipped, ${stats.flaky ?? 0} flaky` });
}

function collectPlaywrightFailures(report) {
  for (const e of report.errors ?? []) failures.push(`playwright: ${firstLine(e.message)}`);
  const walk = (suite, titles) => {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        if (t.status !== 'unexpected') continue;
        const last = t.results?.[t.results.length - 1];
        failures.push(`playwright [${t.projectName}] ${spec.file}:${spec.line} › ${[...titles, spec.title].join(' › ')}: ${firstLine(last?.error?.message)}`);
      }
    }
    for (const child of suite.suites ?? []) walk(child, [...titles, child.title]);
  };
  for (const suite of report.suites ?? []) walk(suite, []);
}

function notRun(suite, why) {
  results.push({ suite, passed: 0, failed: 1, note: `not run: ${why}` });
}

single('check', 'type check (astro check + tsc --noEmit)', npm, ['run', 'check']);
// The real clients and servers the conformance and bridge tests drive (fetchmail, Dovecot, Postfix).
single('test tools', 'test tools (real mail clients and servers)', 'bash', ['simulator/transports/node/conformance-tools.sh']);
vitest();
const haveBrowser = single('ensure-browser', 'ensure-browser', 'node', ['scripts/ensure-browser.mjs']);
const built = single('build', 'build (astro build)', npm, ['run', 'build']);
if (built && existsSync('dist')) {
  single('bundle budget', 'bundle budget (first-load JS, gzip)', 'node', ['scripts/bundle-budget.mjs']);
  single('links', 'internal links and anchors of the built site', 'node', ['content/check-links.mjs', 'dist']);
} else {
  notRun('bundle budget', 'the build failed');
  notRun('links', 'the build failed');
}
if (!built) notRun('playwright', 'the build failed');
else if (!haveBrowser) notRun('playwright', 'no browser');
else playwright();

rmSync(work, { recursive: true, force: true });

banner('summary');
if (failures.length > 0) {
  console.log('  what failed:');
  for (const f of failures.slice(0, 12)) console.log(`    ${f}`);
  if (failures.length > 12) console.log(`    … and ${failures.length - 12} more above`);
}
for (const r of results) {
  console.log(`  ${r.failed ? 'FAIL' : 'pass'}  ${r.suite.padEnd(16)} ${String(r.passed).padStart(4)} passed ${String(r.failed).padStart(4)} failed  ${r.note}`);
}
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
