import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const SCRIPT = join(import.meta.dirname, 'check-links.mjs');

function site(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'links-'));
  for (const [path, html] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), html);
  }
  return root;
}

function run(root: string): { code: number; out: string } {
  try {
    return { code: 0, out: execFileSync(process.execPath, [SCRIPT, root], { encoding: 'utf8', stdio: 'pipe' }) };
  } catch (e) {
    const err = e as { status: number; stderr: string };
    return { code: err.status, out: err.stderr };
  }
}

describe('check-links', () => {
  it('passes a site whose links and anchors all resolve', () => {
    const root = site({
      'index.html': '<a href="/learn/smtp/">x</a> <a href="/learn/smtp/#dot">y</a> <a href="#top">z</a> <a href="https://example.com/x">ext</a> <a href="mailto:a@b">m</a><h1 id="top">t</h1>',
      'learn/smtp/index.html': '<h2 id="dot">dot</h2><a href="../../">home</a><img src="/a.png">',
      'a.png': 'png',
    });
    expect(run(root)).toMatchObject({ code: 0 });
  });

  it('takes the ids an island renders in the browser from data-island-ids', () => {
    const root = site({
      'index.html': '<a href="/lab/#missions">m</a>',
      'lab/index.html': '<div data-island-ids="missions wire">island</div>',
    });
    expect(run(root)).toMatchObject({ code: 0 });
    const without = site({ 'index.html': '<a href="/lab/#missions">m</a>', 'lab/index.html': '<div>island</div>' });
    expect(run(without).code).toBe(1);
  });

  it('fails on a missing page and a missing anchor, naming both', () => {
    const root = site({ 'index.html': '<a href="/nope/">x</a> <a href="/#missing">y</a>' });
    const { code, out } = run(root);
    expect(code).toBe(1);
    expect(out).toContain('/nope/ (no such page)');
    expect(out).toContain('no element with id "missing"');
  });
});
