// A Vitest reporter for npm test's summary: every failure with where it happened and its message,
// hook errors included (the JSON reporter marks a file whose beforeAll threw as failed with an empty
// message and its tests as skipped). Writes a JSON array to the file named by MAILWIRE_VITEST_FAILURES.
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';

/** @param {{ message?: string, name?: string }} e */
function say(e) {
  return `${e.name && e.name !== 'Error' ? `${e.name}: ` : ''}${e.message ?? ''}`;
}

export default class FailuresReporter {
  /** @param {ReadonlyArray<import('vitest/node').TestModule>} modules @param {ReadonlyArray<{ message?: string, name?: string }>} unhandled */
  onTestRunEnd(modules, unhandled) {
    const out = process.env.MAILWIRE_VITEST_FAILURES;
    if (!out) return;
    /** @type {Array<{ where: string, message: string }>} */
    const failures = [];
    for (const module of modules) {
      const file = relative(process.cwd(), module.moduleId);
      for (const e of module.errors()) failures.push({ where: file, message: say(e) });
      for (const suite of module.children.allSuites()) {
        for (const e of suite.errors()) failures.push({ where: `${file} › ${suite.fullName}`, message: say(e) });
      }
      for (const test of module.children.allTests('failed')) {
        const e = test.result().errors?.[0];
        failures.push({ where: `${file} › ${test.fullName}`, message: e ? say(e) : '' });
      }
    }
    for (const e of unhandled) failures.push({ where: 'unhandled error', message: say(e) });
    writeFileSync(out, JSON.stringify(failures));
  }
}
