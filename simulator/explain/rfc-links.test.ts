/**
 * Every RFC reference in the knowledge base and in the rule explanations points at a local RFC
 * text whose section exists, or is explicitly external; every quoted rule is in its section.
 */
import { describe, expect, it } from 'vitest';
import { hasSection, quoteInSection, rfcFileNumbers, rfcText } from '../../site/components/rfc/rfc-texts.ts';
import { KNOWLEDGE } from './knowledge.ts';
import { LOCAL_RFCS, rfcUrl } from './rfc.ts';
import { RULE_CASES } from './rule-cases.test-data.ts';
import { explainRuleBreak } from './rule-break.ts';
import type { RfcRef } from './types.ts';

function checkRef(r: RfcRef, what: string): void {
  expect(r.url, what).toBe(rfcUrl(r.rfc, r.section));
  expect(r.url, what).toMatch(/^https:\/\/www\.rfc-editor\.org\/rfc\/rfc\d+(#(section|appendix)-[\dA-Z.]+)?$/);
  if (r.external) {
    expect(LOCAL_RFCS.includes(r.rfc), what).toBe(false);
    expect(rfcText(r.rfc), `${what}: RFC ${r.rfc} is local, so it must not be marked external`).toBeUndefined();
    return;
  }
  expect(rfcText(r.rfc), `${what}: content/rfc/rfc${r.rfc}.txt`).toBeDefined();
  if (r.section) expect(hasSection(r.rfc, r.section), `${what}: RFC ${r.rfc} has no section ${r.section}`).toBe(true);
}

describe('RFC references', () => {
  it('LOCAL_RFCS is exactly the RFC texts in content/rfc', () => {
    expect([...LOCAL_RFCS].sort((a, b) => a - b)).toEqual(rfcFileNumbers());
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

  it('every rule explanation cites an existing section, and its quote is in that section', () => {
    for (const c of RULE_CASES) {
      const found = explainRuleBreak(c.protocol, c.state, c.command, c.reply);
      expect(found, `${c.protocol} ${c.state} ${c.command} → ${c.reply}`).not.toBeNull();
      checkRef(found!.rfc, c.command);
      if (found!.quote) {
        const where = `RFC ${found!.rfc.rfc}${found!.rfc.section ? ` §${found!.rfc.section}` : ''}`;
        expect(quoteInSection(found!.rfc.rfc, found!.rfc.section, found!.quote), `"${found!.quote}" is not in ${where}`).toBe(true);
      }
    }
  });
});
