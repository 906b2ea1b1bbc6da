// Checks how much JavaScript each built page ships on first load, gzipped:
//   pages without an island (tutorials, reference)  <= 10 KiB
//   pages with islands (the lab), before the terminal's lazy xterm.js loads  <= 100 KiB
// "First load" = classic and module <script>s, inline scripts, modulepreloads, and each island's
// component and renderer, with everything they import statically. Dynamic import() is not counted.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { gzipSync } from 'node:zlib';

const DIST = resolve(process.argv[2] ?? 'dist');
const KIB = 1024;
const BUDGET_STATIC = 10 * KIB;
const BUDGET_ISLAND = 100 * KIB;

function htmlFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'pagefind' ? [] : htmlFiles(p);
    return e.name.endsWith('.html') ? [p] : [];
  });
}

const gzipCache = new Map();
function gzipSize(key, bytes) {
  if (!gzipCache.has(key)) gzipCache.set(key, gzipSync(bytes, { level: 9 }).length);
  return gzipCache.get(key);
}

/** Maps a URL in the page to a file in dist (site-absolute or relative to the page). */
function fileFor(url, fromFile) {
  if (/^[a-z]+:/i.test(url)) return null;
  const path = url.split(/[?#]/)[0];
  return path.startsWith('/') ? join(DIST, path) : resolve(dirname(fromFile), path);
}

/** Static imports of a bundled module: import/export ... from "x", import "x" (not import()). */
const STATIC_IMPORT = /\b(?:import|export)\s*(?:[^'"();]*?\bfrom\s*)?["']([^"']+\.m?js)["']/g;

function addModule(file, seen) {
  if (!file || seen.has(file) || !existsSync(file)) return;
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  for (const m of code.matchAll(STATIC_IMPORT)) addModule(fileFor(m[1], file), seen);
}

function attr(tag, name) {
  return new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1] ?? null;
}

function measure(htmlFile) {
  const html = readFileSync(htmlFile, 'utf8');
  const files = new Set();
  let inline = 0;
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    const tagAttrs = m[1] ?? '';
    const type = attr(tagAttrs, 'type');
    if (type && !/module|javascript/.test(type)) continue; // JSON-LD, templates: not executed
    const src = attr(tagAttrs, 'src');
    if (src) addModule(fileFor(src, htmlFile), files);
    else if ((m[2] ?? '').trim()) inline += gzipSize(`inline:${m[2]}`, Buffer.from(m[2] ?? ''));
  }
  for (const m of html.matchAll(/<link\b[^>]*rel="modulepreload"[^>]*>/g)) addModule(fileFor(attr(m[0], 'href') ?? '', htmlFile), files);
  const islands = [...html.matchAll(/<astro-island\b[^>]*>/g)];
  for (const m of islands) {
    for (const a of ['component-url', 'renderer-url']) {
      const url = attr(m[0], a);
      if (url) addModule(fileFor(url, htmlFile), files);
    }
  }
  let external = 0;
  for (const f of files) external += gzipSize(f, readFileSync(f));
  return { islands: islands.length, inline, external, files: [...files].map((f) => relative(DIST, f)) };
}

if (!existsSync(DIST)) {
  console.error(`bundle-budget: ${DIST} does not exist; run the build first.`);
  process.exit(1);
}

let failed = 0;
const rows = htmlFiles(DIST).sort().map((file) => {
  const page = '/' + relative(DIST, file).replace(/index\.html$/, '');
  const r = measure(file);
  const total = r.inline + r.external;
  const budget = r.islands > 0 ? BUDGET_ISLAND : BUDGET_STATIC;
  const ok = total <= budget;
  if (!ok) failed++;
  return { page, total, budget, ok, ...r };
});

const kib = (n) => `${(n / KIB).toFixed(1)} KiB`;
console.log('First-load JavaScript per page (gzip):');
for (const r of rows) {
  const what = r.islands > 0 ? `${r.islands} island(s), before lazy xterm.js` : 'no island';
  console.log(`  ${r.ok ? 'ok  ' : 'OVER'} ${r.page.padEnd(32)} ${kib(r.total).padStart(10)} of ${kib(r.budget)}  (${what}; inline ${kib(r.inline)}, ${r.files.length} file(s))`);
}
if (failed > 0) {
  for (const r of rows.filter((x) => !x.ok)) console.log(`  ${r.page} loads: ${r.files.join(', ')}`);
  console.log(`bundle-budget: ${failed} page(s) over budget`);
  process.exit(1);
}
console.log(`bundle-budget: all ${rows.length} pages within budget`);
