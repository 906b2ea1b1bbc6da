/**
 * The RFC texts of content/rfc/, read at build time (and in tests) through Vite's glob import, so
 * nothing reads files outside the repository and no browser bundle carries them: only the reader
 * pages and the tests import this module.
 */
import { LOCAL_RFCS } from '../../../simulator/explain/rfc.ts';
import { quoteFragments } from '../../../simulator/explain/rfc-citations.ts';
import { findSection, flatten, parseRfc, sectionFlatText, type RfcDocument } from '../../../simulator/explain/rfc-text.ts';

const FILES = import.meta.glob<string>('../../../content/rfc/rfc*.txt', { query: '?raw', import: 'default', eager: true });

const documents = new Map<number, RfcDocument>();

/** The RFC's text as published, or undefined when content/rfc has no such file. */
export function rfcText(rfc: number): string | undefined {
  return FILES[`../../../content/rfc/rfc${rfc}.txt`];
}

/** The numbers of the texts on disk, ascending (a test compares them with LOCAL_RFCS). */
export function rfcFileNumbers(): number[] {
  return Object.keys(FILES)
    .map((f) => Number(/rfc(\d+)\.txt$/.exec(f)?.[1]))
    .sort((a, b) => a - b);
}

/** The parsed RFC; throws for an RFC that is not kept locally (a bug in the caller). */
export function rfcDocument(rfc: number): RfcDocument {
  let doc = documents.get(rfc);
  if (!doc) {
    const text = rfcText(rfc);
    if (text === undefined || !LOCAL_RFCS.includes(rfc)) throw new Error(`RFC ${rfc} is not in content/rfc (LOCAL_RFCS)`);
    doc = parseRfc(text);
    documents.set(rfc, doc);
  }
  return doc;
}

/** Whether the local RFC has this section ("4.2.1", or "E" for Appendix E). */
export function hasSection(rfc: number, section: string): boolean {
  return findSection(rfcDocument(rfc), section) !== undefined;
}

/**
 * Whether every fragment of the quotation is in the section or its subsections (the whole RFC when
 * no section is cited), whitespace collapsed; the first letter's case may differ, as a quotation
 * may start mid-sentence.
 */
export function quoteInSection(rfc: number, section: string | undefined, quote: string): boolean {
  const doc = rfcDocument(rfc);
  const where = (section === undefined ? flatten(doc.sections.map((s) => `${s.title}\n${s.body}`).join('\n')) : sectionFlatText(doc, section)).replace(/[‘’]/g, "'");
  return quoteFragments(quote).every((f) => [f, f[0]!.toLowerCase() + f.slice(1), f[0]!.toUpperCase() + f.slice(1)].some((v) => where.includes(v)));
}
