/**
 * Each engine's commands/index.ts is generated from the files in its folder
 * (scripts/command-index.mjs, issue 16 item 2). The committed indexes must be what the generator
 * writes, so a command file added without `npm run gen:commands` fails here (and in `npm run
 * check`) instead of being silently missing from the registry. The generator itself is tried on a
 * copy of a folder in a temporary directory.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { checkIndexes, commandFiles, ENGINES, HEADER, staleIndex, writeIndex } from '../scripts/command-index.mjs';
import type * as ImapParser from './imap/parse/command.ts';
import type * as ImapRegistry from './imap/registry.ts';
import { IMAP_REGISTRY } from './imap/registry.ts';
import { POP3_REGISTRY } from './pop3/registry.ts';
import { SMTP_REGISTRY } from './smtp/registry.ts';

const root = join(new URL('.', import.meta.url).pathname, '..');
const script = join(root, 'scripts', 'command-index.mjs');
const engine = (dir: string) => ENGINES.find((e) => e.dir === dir)!;
const POP3 = engine('simulator/pop3/commands');
const IMAP = engine('simulator/imap/commands');

/** A command file as a developer would add it (its imports need not resolve: the generator only reads it). */
const XTND = `import type { Pop3Command } from './command.ts';

/** A made-up command for the generator's test. */
export const XTND: Pop3Command = {
  verb: 'XTND',
  order: 125,
  states: ['TRANSACTION'],
  syntax: 'XTND',
  rfc: rfc(1939, '7'),
  summary: 'nothing',
  args: { min: 0, max: 0 },
  handle: () => [],
};
`;

describe('the committed command indexes', () => {
  it('are what scripts/command-index.mjs writes from the files present', () => {
    const problems = checkIndexes(root);
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('carry the generated header, and every registry holds every command file', () => {
    const registries = { smtp: SMTP_REGISTRY, pop3: POP3_REGISTRY, imap: IMAP_REGISTRY };
    for (const [name, registry] of Object.entries(registries)) {
      const e = engine(`simulator/${name}/commands`);
      expect(readFileSync(join(root, e.dir, 'index.ts'), 'utf8').split('\n')[0]).toBe(HEADER);
      const files = commandFiles(join(root, e.dir), e).map((f) => f.name);
      expect(files.length).toBeGreaterThan(10);
      expect(registry.all.map((c) => c.verb).sort()).toEqual(files.sort());
    }
  });

  it('leave helpers and the command shape out (command.ts, select.ts exports a helper beside SELECT)', () => {
    const imap = commandFiles(join(root, 'simulator/imap/commands'), engine('simulator/imap/commands'));
    expect(imap.map((f) => f.file)).not.toContain('command.ts');
    expect(imap.find((f) => f.file === 'select.ts')?.name).toBe('SELECT');
    expect(commandFiles(join(root, 'simulator/smtp/commands'), engine('simulator/smtp/commands')).find((f) => f.file === 'auth.ts')?.name).toBe('AUTH');
  });
});

describe('the generator on a copy of the POP3 folder', () => {
  let tmp = '';
  let folder = '';
  beforeEach(() => {
    tmp = mkdtempSync(join(tmpdir(), 'mailwire-commands-'));
    folder = join(tmp, 'commands');
    cpSync(join(root, POP3.dir), folder, { recursive: true });
    // Current before each case, even when the real folder is stale (the first test reports that).
    writeIndex(folder, POP3);
  });
  afterEach(() => rmSync(tmp, { recursive: true, force: true }));

  it('finds a new command file stale, then lists it once regenerated', () => {
    expect(staleIndex(folder, POP3)).toBeNull();
    writeFileSync(join(folder, 'xtnd.ts'), XTND);
    expect(staleIndex(folder, POP3, 'index.ts')).toBe('index.ts is stale (not listing XTND): run npm run gen:commands');

    expect(writeIndex(folder, POP3)).toBe(true);
    const index = readFileSync(join(folder, 'index.ts'), 'utf8');
    expect(index).toContain("import { XTND } from './xtnd.ts';");
    expect(index).toMatch(/  USER,\n  XTND,\n/);
    expect(staleIndex(folder, POP3)).toBeNull();
    expect(writeIndex(folder, POP3)).toBe(false);
  });

  it('finds an index stale that still lists a deleted file, or that was edited by hand', () => {
    unlinkSync(join(folder, 'top.ts'));
    expect(staleIndex(folder, POP3, 'index.ts')).toBe('index.ts is stale (still listing TOP): run npm run gen:commands');
    writeIndex(folder, POP3);
    writeFileSync(join(folder, 'index.ts'), readFileSync(join(folder, 'index.ts'), 'utf8').replace('  APOP,\n', '  APOP, // first\n'));
    expect(staleIndex(folder, POP3, 'index.ts')).toMatch(/^index\.ts is stale \(it differs from what the generator writes\): run npm run gen:commands$/);
    unlinkSync(join(folder, 'index.ts'));
    expect(staleIndex(folder, POP3, 'index.ts')).toBe('index.ts is missing: run npm run gen:commands');
  });

  it('skips tests and helpers, and refuses a command it could not list', () => {
    writeFileSync(join(folder, 'xtnd.test.ts'), XTND);
    writeFileSync(join(folder, 'wrong-state.ts'), "export function wrongState(state: string) {\n  return {\n    verb: 'RETR',\n    state,\n  };\n}\n");
    expect(staleIndex(folder, POP3)).toBeNull();

    writeFileSync(join(folder, 'xtnd.ts'), XTND.replace('XTND: Pop3Command', 'XTND: Pop3Spec'));
    expect(() => commandFiles(folder, POP3)).toThrow(/xtnd\.ts has a verb but no `export const NAME: Pop3Command`/);
    writeFileSync(join(folder, 'xtnd.ts'), XTND + XTND.replace(/XTND/g, 'XPND'));
    expect(() => commandFiles(folder, POP3)).toThrow(/xtnd\.ts exports 2 commands \(XTND, XPND\); one command per file/);
  });
});

describe('node scripts/command-index.mjs', () => {
  let tmp = '';
  beforeEach(() => {
    tmp = mkdtempSync(join(tmpdir(), 'mailwire-checkout-'));
    for (const e of ENGINES) cpSync(join(root, e.dir), join(tmp, e.dir), { recursive: true });
    for (const e of ENGINES) writeIndex(join(tmp, e.dir), e);
  });
  afterEach(() => rmSync(tmp, { recursive: true, force: true }));
  const run = (...args: string[]) => spawnSync(process.execPath, [script, '--root', tmp, ...args], { encoding: 'utf8' });

  it('--check exits 1 naming the stale index and the fix; without it, writes the index', () => {
    expect(run('--check').status).toBe(0);
    writeFileSync(join(tmp, POP3.dir, 'xtnd.ts'), XTND);
    const stale = run('--check');
    expect(stale.status).toBe(1);
    expect(stale.stderr).toBe('simulator/pop3/commands/index.ts is stale (not listing XTND): run npm run gen:commands\n');

    const gen = run();
    expect(gen.status).toBe(0);
    expect(gen.stdout).toBe('wrote simulator/pop3/commands/index.ts\n');
    expect(run('--check').status).toBe(0);
  });

  it('--check refuses a commands/index.ts it has no engine for', () => {
    mkdirSync(join(tmp, 'simulator/lmtp/commands'), { recursive: true });
    writeFileSync(join(tmp, 'simulator/lmtp/commands/index.ts'), 'export const COMMANDS = [];\n');
    const r = run('--check');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^simulator\/lmtp\/commands\/index\.ts has no entry in ENGINES in scripts\/command-index\.mjs/);
  });
});

/** An IMAP command as a developer would add it: its shape, its grammar, its states and its place, in one file. */
const IMAP_XTND = `import { rfc } from '../../fsm.ts';
import type { ImapCommandSpec } from './command.ts';
import type { ArgParser } from '../parse/arg-parser.ts';
import type { Cmd } from '../parse/ast.ts';
import { done } from '../effects.ts';
import { ok } from '../responses.ts';

export type XtndCommand = Cmd<'XTND', { word: string }>;

const parse: ArgParser<XtndCommand> = (c, tag) => {
  c.sp('XTND');
  const word = c.keyword('a word');
  c.end();
  return { tag, name: 'XTND', word };
};

/** A made-up command for the generator's test. */
export const XTND: ImapCommandSpec<XtndCommand> = {
  name: 'XTND',
  verb: 'XTND',
  order: 215,
  states: ['authenticated'],
  summary: 'nothing',
  syntax: 'XTND word',
  rfc: rfc(9051, '6.3.13'),
  parse,
  handle: (_s, cmd) => [done(ok(cmd.word))],
};
`;

/** Uses XTND's shape as an ImapCommand: it compiles only when the generated union holds that shape. */
const PROBE = `import type { ImapCommand } from './registry.ts';

export const probe: ImapCommand = { tag: 'a1', name: 'XTND', word: 'HELLO' };
`;

/** The type errors in `file` (what it imports is compiled too, but only its own errors count). */
function typeErrors(file: string): string[] {
  const program = ts.createProgram([file], {
    strict: true,
    noUncheckedIndexedAccess: true,
    target: ts.ScriptTarget.ESNext,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    allowImportingTsExtensions: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
  });
  const source = program.getSourceFile(file)!;
  return [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)].map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

/**
 * The whole simulator copied, with XTND added to IMAP's folder: generated (as after
 * `npm run gen:commands`) or not. Each copy is its own module graph, so both can be loaded.
 */
function checkoutWithXtnd(generated: boolean): string {
  const tmp = mkdtempSync(join(tmpdir(), 'mailwire-imap-'));
  cpSync(join(root, 'simulator'), join(tmp, 'simulator'), { recursive: true, filter: (path) => !/\.test\.ts$/.test(path) });
  const folder = join(tmp, IMAP.dir);
  writeIndex(folder, IMAP);
  writeFileSync(join(folder, 'xtnd.ts'), IMAP_XTND);
  writeFileSync(join(tmp, 'simulator/imap/probe.ts'), PROBE);
  if (generated) writeIndex(folder, IMAP);
  return tmp;
}

describe('a new IMAP command file is the one place its grammar, shape and states live', () => {
  const line = (text: string) => new TextEncoder().encode(text);
  let stale = '';
  let current = '';
  beforeAll(() => {
    stale = checkoutWithXtnd(false);
    current = checkoutWithXtnd(true);
  });
  afterAll(() => {
    for (const tmp of [stale, current]) if (tmp) rmSync(tmp, { recursive: true, force: true });
  });
  const load = async <M>(tmp: string, module: string): Promise<M> => (await import(/* @vite-ignore */ join(tmp, 'simulator/imap', module))) as M;

  it('is listed by the generator, with its shape in the ImapCommand union', () => {
    expect(staleIndex(join(stale, IMAP.dir), IMAP, 'index.ts')).toBe('index.ts is stale (not listing XTND): run npm run gen:commands');
    expect(staleIndex(join(current, IMAP.dir), IMAP)).toBeNull();
    const index = readFileSync(join(current, IMAP.dir, 'index.ts'), 'utf8');
    expect(index).toContain("import { XTND } from './xtnd.ts';");
    expect(index).toMatch(/^  \| ShapeOf<typeof XTND>;?$/m);
  });

  it('type-checks as an ImapCommand only once the index is generated', () => {
    expect(typeErrors(join(current, 'simulator/imap/probe.ts'))).toEqual([]);
    expect(typeErrors(join(stale, 'simulator/imap/probe.ts')).join('\n')).toMatch(/"XTND"/);
  }, 60_000);

  it('is parsed by its own grammar, reached by its verb, and allowed in the states its spec names', async () => {
    const before = await load<typeof ImapParser>(stale, 'parse/command.ts');
    expect(before.parseCommand(line('a1 XTND hello'), { utf8Names: false })).toMatchObject({ kind: 'bad', message: 'unknown command "XTND"' });

    const { parseCommand } = await load<typeof ImapParser>(current, 'parse/command.ts');
    expect(parseCommand(line('a1 XTND hello'), { utf8Names: false })).toEqual({ kind: 'command', command: { tag: 'a1', name: 'XTND', word: 'HELLO' } });
    expect(parseCommand(line('a1 XTND'), { utf8Names: false })).toMatchObject({ kind: 'bad', message: expect.stringMatching(/^XTND: /) });
    // No parseUid in its spec: UID does not take it.
    expect(parseCommand(line('a1 UID XTND 1'), { utf8Names: false })).toMatchObject({ kind: 'bad', message: expect.stringContaining('UID must be followed by COPY') });

    const registry = await load<typeof ImapRegistry>(current, 'registry.ts');
    const authenticated = registry.allowedCommands('authenticated') as string[];
    expect(authenticated.slice(authenticated.indexOf('IDLE'), authenticated.indexOf('IDLE') + 2)).toEqual(['IDLE', 'XTND']);
    expect(registry.allowedCommands('selected')).not.toContain('XTND');
    expect(registry.COMMAND_STATES).toHaveProperty('XTND', ['authenticated']);
  }, 60_000);
});
