/**
 * The simulator's core is sans-I/O (../shared/STYLE.md): no DOM, no node:* modules, no timers,
 * no clock, no Buffer. Only simulator/transports/ may touch the operating system, the clock or
 * the system's randomness (randomness and time are inputs: ./random.ts, issue 16 item 5).
 *
 * The global sources of time and randomness are found in the syntax tree (TypeScript's parser),
 * not by a regex over the text: `globalThis.crypto.getRandomValues`, `crypto['randomUUID']()`,
 * `const { random } = Math`, `new Date` without arguments and the like are all caught, while a
 * word in a string or a comment is not. The negative cases below prove the check can fail.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = new URL('.', import.meta.url).pathname;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    // Test code (as .dependency-cruiser.cjs names it: tests, their helpers and data) runs under Node only.
    return /\.ts$/.test(name) && !/\.test(-helper|-data)?\.ts$/.test(name) ? [path] : [];
  });
}

/** Imports and names that are not about time or randomness, still checked as text. */
const FORBIDDEN_TEXT: Array<[RegExp, string]> = [
  [/from\s+['"]node:/, 'a node:* import'],
  [/\brequire\(/, 'require()'],
  [/\bset(Timeout|Interval|Immediate)\(/, 'a timer (engines return timer outputs)'],
  [/\bBuffer\b/, 'Buffer (use Uint8Array)'],
  [/\b(document|window|localStorage)\./, 'the DOM'],
];

/** `object.member` reads of a global source of time or randomness. */
const FORBIDDEN_MEMBERS: Record<string, { objects: readonly string[]; why: string }> = {
  getRandomValues: { objects: ['crypto'], why: 'crypto.getRandomValues (randomness is an input: RandomSource)' },
  randomUUID: { objects: ['crypto'], why: 'crypto.randomUUID (randomness is an input: RandomSource)' },
  random: { objects: ['Math'], why: 'Math.random (randomness is an input: RandomSource)' },
  now: { objects: ['Date', 'performance'], why: 'Date.now / performance.now (time is an input)' },
};

function memberName(node: ts.Node): string | null {
  if (ts.isPropertyAccessExpression(node)) return node.name.text;
  if (ts.isElementAccessExpression(node) && ts.isStringLiteralLike(node.argumentExpression)) return node.argumentExpression.text;
  return null;
}

/** The last name of an object expression: `globalThis.crypto` → crypto, `(self).Math` → Math. */
function objectName(node: ts.Expression): string | null {
  const inner = ts.isParenthesizedExpression(node) ? node.expression : node;
  if (ts.isIdentifier(inner)) return inner.text;
  return memberName(inner);
}

/** Where a file reads a global clock or random source, as "line: what". */
export function globalSources(code: string, fileName = 'code.ts'): string[] {
  const file = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const at = (node: ts.Node, what: string) => found.push(`${file.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${what}`);
  const visit = (node: ts.Node): void => {
    const name = memberName(node);
    if (name !== null && Object.hasOwn(FORBIDDEN_MEMBERS, name)) {
      const rule = FORBIDDEN_MEMBERS[name]!;
      const object = objectName((node as ts.PropertyAccessExpression | ts.ElementAccessExpression).expression);
      if (object !== null && rule.objects.includes(object)) at(node, rule.why);
    }
    // const { now } = Date; const { getRandomValues } = crypto
    if (ts.isVariableDeclaration(node) && node.initializer && ts.isObjectBindingPattern(node.name)) {
      const object = objectName(node.initializer);
      for (const element of node.name.elements) {
        const key = element.propertyName && ts.isIdentifier(element.propertyName) ? element.propertyName.text : ts.isIdentifier(element.name) ? element.name.text : null;
        if (key !== null && object !== null && Object.hasOwn(FORBIDDEN_MEMBERS, key) && FORBIDDEN_MEMBERS[key]!.objects.includes(object)) at(element, FORBIDDEN_MEMBERS[key]!.why);
      }
    }
    // new Date() and new Date read the clock; new Date(ms) does not.
    if (ts.isNewExpression(node) && objectName(node.expression) === 'Date' && (node.arguments === undefined || node.arguments.length === 0)) {
      at(node, 'new Date() without a time (time is an input)');
    }
    // Date() called as a function returns the current time as a string.
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'Date') at(node, 'Date() (time is an input)');
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe('the purity check finds global time and randomness (negative cases)', () => {
  const caught: Array<[string, string]> = [
    ['globalThis.crypto.getRandomValues(new Uint8Array(4));', 'getRandomValues'],
    ['const id = crypto.randomUUID();', 'randomUUID'],
    ["const id = crypto['randomUUID']();", 'randomUUID'],
    ['const x = Math.random();', 'Math.random'],
    ['const f = Math.random;', 'Math.random'],
    ['const t = Date.now();', 'Date.now'],
    ['const t = globalThis.Date.now();', 'Date.now'],
    ['const { now } = Date;', 'Date.now'],
    ['const { getRandomValues: fill } = globalThis.crypto;', 'getRandomValues'],
    ['const t = performance.now();', 'performance.now'],
    ['const d = new Date();', 'new Date()'],
    ['const d = new Date;', 'new Date()'],
    ['const s = Date();', 'Date()'],
  ];
  for (const [code, what] of caught) {
    it(`catches ${code}`, () => {
      const found = globalSources(code);
      expect(found).toHaveLength(1);
      expect(found[0]).toContain(what.replace('()', ''));
    });
  }

  it('lets through what does not read a global source', () => {
    const code = [
      'const d = new Date(ms);',
      'const t = Date.UTC(2026, 10, 26);',
      'const r = random.bytes(32);',
      "const s = 'Date.now() and Math.random() in a string';",
      '// crypto.getRandomValues in a comment',
      'const now = scheduler.now;',
      'const k = p256.utils.randomSecretKey(seed);',
    ].join('\n');
    expect(globalSources(code)).toEqual([]);
  });

  it('finds the line', () => {
    expect(globalSources('const a = 1;\n\nconst b = Date.now();')).toEqual(['3: Date.now / performance.now (time is an input)']);
  });
});

describe('simulator core purity', () => {
  // Transports other than node/ and relay/ (the virtual one, the browser bridge) stay free of the
  // OS too; any transport may hand the core the clock and the system's randomness.
  const files = sources(root).filter((f) => {
    const rel = relative(root, f);
    return !rel.startsWith('transports/node/') && !rel.startsWith('transports/relay/') && !rel.startsWith('testing/');
  });

  it('finds the sources', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files.some((f) => f.endsWith('tls/v13/record-layer.ts'))).toBe(true);
  });

  for (const file of files) {
    it(relative(root, file), () => {
      const text = readFileSync(file, 'utf8');
      const code = text.replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, '');
      const sourcesRead = relative(root, file).startsWith('transports/') ? [] : globalSources(text, file);
      const found = [...FORBIDDEN_TEXT.filter(([re]) => re.test(code)).map(([, what]) => what), ...sourcesRead];
      expect(found, `${relative(root, file)} uses ${found.join(', ')}`).toEqual([]);
    });
  }
});
