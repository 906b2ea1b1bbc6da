#!/usr/bin/env node
// Checks every internal link and anchor in the built site: each href/src that points into the
// site must name a file that exists, and each #fragment an element id on the target page.
// Usage: node content/check-links.mjs [dist-dir]   (default: dist). Exits 1 on a broken link.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

const root = resolve(process.argv[2] ?? 'dist');
if (!existsSync(root)) {
  console.error(`check-links: ${root} does not exist; build the site first.`);
  process.exit(2);
}

/** Every file under `dir`, as absolute paths. */
function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    return e.isDirectory() ? walk(path) : [path];
  });
}

const pages = walk(root).filter((f) => f.endsWith('.html'));
const idCache = new Map();

/**
 * The ids (and legacy a[name]s) a page defines, and those its islands render in the browser,
 * declared in the static HTML as data-island-ids="a b" (the lab's panels).
 */
function idsOf(file) {
  let ids = idCache.get(file);
  if (!ids) {
    const html = readFileSync(file, 'utf8');
    ids = new Set([...html.matchAll(/\s(?:id|name)\s*=\s*["']([^"']+)["']/g)].map((m) => decodeEntities(m[1])));
    for (const m of html.matchAll(/\sdata-island-ids\s*=\s*["']([^"']+)["']/g)) {
      for (const id of decodeEntities(m[1]).split(/\s+/)) ids.add(id);
    }
    idCache.set(file, ids);
  }
  return ids;
}

function decodeEntities(s) {
  return s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');
}

/** The built file a site path resolves to (directory index, .html, or the file itself), or null. */
function targetFile(pathname) {
  const clean = decodeURIComponent(pathname).replace(/\/+$/, '');
  const base = join(root, clean);
  for (const candidate of [base, join(base, 'index.html'), `${base}.html`]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** Internal links of one page: href/src attributes that are site-relative or page-relative. */
function linksOf(file) {
  const html = readFileSync(file, 'utf8').replace(/<script[\s\S]*?<\/script>/gi, '');
  return [...html.matchAll(/\s(?:href|src)\s*=\s*["']([^"']*)["']/g)].map((m) => decodeEntities(m[1]));
}

const broken = [];
let checked = 0;
for (const page of pages) {
  const pageUrl = new URL(`http://site/${relative(root, page).split(sep).join('/')}`);
  for (const href of linksOf(page)) {
    if (href === '' || /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(href)) continue; // external, mailto:, data:
    const url = new URL(href, pageUrl);
    checked++;
    const file = url.pathname === pageUrl.pathname ? page : targetFile(url.pathname);
    if (!file) {
      broken.push(`${relative(root, page)}: ${href} (no such page)`);
      continue;
    }
    const fragment = decodeURIComponent(url.hash.slice(1));
    if (fragment && file.endsWith('.html') && !idsOf(file).has(fragment)) {
      broken.push(`${relative(root, page)}: ${href} (no element with id "${fragment}")`);
    }
  }
}

if (broken.length) {
  console.error(`check-links: ${broken.length} broken internal link(s) of ${checked}:`);
  for (const b of broken) console.error(`  ${b}`);
  process.exit(1);
}
console.log(`check-links: ${checked} internal links in ${pages.length} pages, all good`);
