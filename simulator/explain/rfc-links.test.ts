/**
 * Every RFC reference in the knowledge base and in the rule explanations points at a local RFC
 * text whose section heading exists, or is explicitly external; every quoted rule is in its RFC.
 */
import { fileURLToPath } from 'node:url';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KNOWLEDGE } from './knowledge.ts';
import { LOCAL_RFCS, rfcUrl } from './rfc.ts';
import { RULE_CASES } from './rule-cases.test-data.ts';
import { explainRuleBreak } from './rule-break.ts';
import type { RfcRef } from './types.ts';

/** The RFC texts the site cites, kept in the repository (content/rfc/). */
const RFC_DIR = fileURLToPath(new URL('../../content/rfc', import.meta.url));
const texts = new Map<number, string>();

function rfcText(n: number): string {
  if (!texts.has(n)) texts.set(n, readFileSync(`${RFC_DIR}/rfc${n}.txt`, 'utf8'));
  return texts.get(n)!;
}

/** The text without page headers/footers, whitespace collapsed: quotes may span a page break. */
function flatText(n: number): string {
  return rfcText(n)
    .split('\n')
    .filter((l) => !/\[Page \d+\]\s*$/.test(l) && !/^\f?RFC \d+ .*\d{4}\s*$/.test(l) && !l.startsWith('\f'))
    .join(' ')
    .replace(/\s+/g, ' ');
}

function hasHeading(n: number, section: string): boolean {
  const escaped = section.replace(/\./g, '\\.');
  const re = /^[A-Z]$/.test(section) ? new RegExp(`^Appendix ${section}\\.`, 'm') : new RegExp(`^${escaped}\\.?\\s+\\S`, 'm');
  return re.test(rfcText(n));
}

function checkRef(r: RfcRef, what: string): void {
  expect(r.url, what).toBe(rfcUrl(r.rfc, r.section));
  expect(r.url, what).toMatch(/^https:\/\/www\.rfc-editor\.org\/rfc\/rfc\d+(#(section|appendix)-[\dA-Z.]+)?$/);
  const file = `${RFC_DIR}/rfc${r.rfc}.txt`;
  if (r.external) {
    expect(LOCAL_RFCS.includes(r.rfc), what).toBe(false);
    expect(existsSync(file), `${what}: RFC ${r.rfc} is local, so it must not be marked external`).toBe(false);
    return;
  }
  expect(existsSync(file), `${what}: ${file}`).toBe(true);
  if (r.section) expect(hasHeading(r.rfc, r.section), `${what}: RFC ${r.rfc} has no section ${r.section}`).toBe(true);
}

describe('RFC references', () => {
  it('LOCAL_RFCS is exactly the RFC texts in content/rfc', () => {
    const listed = readdirSync(RFC_DIR)
      .flatMap((f) => /^rfc(\d+)\.txt$/.exec(f)?.[1] ?? [])
      .map(Number)
      .sort((a, b) => a - b);
    expect([...LOCAL_RFCS].sort((a, b) => a - b)).toEqual(listed);
  });

  for (const [protocol, entries] of Object.entries(KNOWLEDGE)) {
    it(`every ${protocol} entry links to an existing RFC section or is marked external`, () => {
      for (const e of entries) checkRef(e.rfc, `${protocol} ${e.kind} ${e.token}`);
    });

    it(`every ${protocol} entry has a title and a short plain-English meaning`, () => {
      for (const e of entries) {
        expect(e.title.length, e.token).toBeGreaterThan(0);
        expect(e.meaning.length, e.token).toBeGreaterThan(10);
        expect(e.meaning.length, `${e.token}: keep it to one or two sentences`).toBeLessThan(320);
        expect(e.meaning, e.token).toMatch(/[.)]$/);
      }
    });
  }

  it('every rule explanation cites an existing section, and its quote is in that RFC', () => {
    for (const c of RULE_CASES) {
      const found = explainRuleBreak(c.protocol, c.state, c.command, c.reply);
      expect(found, `${c.protocol} ${c.state} ${c.command} → ${c.reply}`).not.toBeNull();
      checkRef(found!.rfc, c.command);
      if (found!.quote) expect(flatText(found!.rfc.rfc), `quote in RFC ${found!.rfc.rfc}`).toContain(found!.quote.replace(/\s+/g, ' '));
    }
  });
});
