/**
 * Every RFC citation the site shows is right: in the tutorials (content/**\/*.mdx), in the data
 * modules and components of site/ (exercises, port facts, the lab), in the explanations
 * (simulator/explain/) and the port registry (simulator/world/ports.ts).
 *
 * - "RFC N §s" of an RFC kept in content/rfc (LOCAL_RFCS): section s exists in the text (for a
 *   range "§4–7" both ends do). `ref(N, 's')` in code is read as the same citation.
 * - An RFC not kept locally may only be cited if it is listed in EXTERNAL below: its sections
 *   are not checked, and the list must be exactly the external RFCs cited, no more.
 * - A quotation next to a citation (the shapes `findQuotes` documents: `"…" (RFC 5321 §4.1.4)`,
 *   `RFC 8314 §3 "…"`, a `>` blockquote whose last line or next line cites; and in the
 *   explanations' data `quote: '…', rfc: ref(5321, '4.1.4')`) is in that section or its
 *   subsections, whitespace collapsed; "…" separates fragments that must each be there.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { hasSection, quoteInSection } from '../site/components/rfc/rfc-texts.ts';
import { findCitations, findQuotes, type Citation, type Quote } from '../simulator/explain/rfc-citations.ts';
import { LOCAL_RFCS } from '../simulator/explain/rfc.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** RFCs cited without a local text: historical or background documents the site names but does not quote. */
const EXTERNAL: readonly number[] = [
  821, 1123, 1951, 2195, 3206, 3232, 3348, 3461, 3502, 3516, 4314, 4422, 4469, 4731, 4978, 5032, 5092, 5182, 5256, 5258, 5464, 5465,
  5819, 6125, 6855, 7162, 7628, 7677, 7889, 8437, 8438, 8474, 8514, 8551, 9208, 9228, 9580,
];

function walk(dir: string, keep: (f: string) => boolean): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const path = `${dir}/${e.name}`;
    if (e.isDirectory()) return walk(path, keep);
    return keep(path) ? [path] : [];
  });
}

const isSource = (f: string) => /\.(ts|tsx|astro)$/.test(f) && !/\.test\.ts$|\.test-data\.ts$/.test(f);
const FILES = [
  ...walk('content', (f) => f.endsWith('.mdx')),
  ...walk('site', isSource),
  ...walk('simulator/explain', isSource),
  'simulator/world/ports.ts',
];

/** Code comments lose their `//` and ` * ` so a quotation wrapped across comment lines reads as one. */
function prose(file: string): string {
  const text = readFileSync(join(ROOT, file), 'utf8');
  return file.endsWith('.mdx') ? text : text.replace(/^[ \t]*(?:\/\/|\*(?!\/))[ \t]?/gm, '');
}

/** `ref(5321, '4.2.1')` in the explanations' data is a citation too. */
function refCalls(text: string): Citation[] {
  return [...text.matchAll(/\bref\((\d+)(?:,\s*'([^']+)')?\)/g)].map((m) =>
    m[2] === undefined ? { rfc: Number(m[1]), start: m.index, end: m.index } : { rfc: Number(m[1]), section: m[2], start: m.index, end: m.index },
  );
}

/** The rule explanations' data: `quote: '…',` then `rfc: ref(N, 'S')` in the same object. */
function dataQuotes(text: string): Quote[] {
  return [...text.matchAll(/quote:\s*(['"])((?:(?!\1)[^\\]|\\.)*)\1,\s*rfc:\s*ref\((\d+)(?:,\s*'([^']+)')?\)/g)].map((m) => {
    const citation: Citation = { rfc: Number(m[3]), start: m.index, end: m.index };
    if (m[4] !== undefined) citation.section = m[4];
    return { quote: m[2]!.replace(/\\(.)/g, '$1'), citation };
  });
}

function label(c: Citation): string {
  return `RFC ${c.rfc}${c.section ? ` §${c.section}${c.rangeEnd ? `–${c.rangeEnd}` : ''}` : ''}`;
}

function lineOf(text: string, at: number): number {
  return text.slice(0, at).split('\n').length;
}

const externalSeen = new Set<number>();

describe('every RFC citation on the site', () => {
  for (const file of FILES) {
    const text = prose(file);
    const citations = [...findCitations(text), ...refCalls(text)];
    if (citations.length === 0) continue;
    it(`${relative(ROOT, join(ROOT, file))}: sections exist, quotations are in them`, () => {
      const failures: string[] = [];
      for (const c of citations) {
        if (!LOCAL_RFCS.includes(c.rfc)) {
          externalSeen.add(c.rfc);
          if (!EXTERNAL.includes(c.rfc)) failures.push(`line ${lineOf(text, c.start)}: ${label(c)} is neither in content/rfc nor listed as external`);
          continue;
        }
        for (const s of [c.section, c.rangeEnd]) {
          if (s !== undefined && !hasSection(c.rfc, s)) failures.push(`line ${lineOf(text, c.start)}: ${label(c)}: RFC ${c.rfc} has no section ${s}`);
        }
      }
      for (const q of [...findQuotes(text), ...dataQuotes(text)]) {
        const c = q.citation;
        if (!LOCAL_RFCS.includes(c.rfc) || (c.section !== undefined && !hasSection(c.rfc, c.section))) continue;
        if (!quoteInSection(c.rfc, c.section, q.quote)) failures.push(`line ${lineOf(text, c.start)}: "${q.quote.replace(/\s+/g, ' ')}" is not in ${label(c)}`);
      }
      expect([...new Set(failures)]).toEqual([]);
    });
  }

  it('the list of external RFCs is exactly those cited', () => {
    expect([...externalSeen].sort((a, b) => a - b)).toEqual([...EXTERNAL].sort((a, b) => a - b));
  });
});
