/**
 * Finds the RFC citations in prose and code as the site writes them: "RFC 5321", "RFC 5321 §4.2.1",
 * "RFC 9051 §E" (an appendix), ranges "RFC 1939 §§4–7", "§4.1.1.2–3", and chains
 * "RFC 5321 §3.1, §4.2" (each § after the first belongs to the same RFC). The site's Markdown
 * plugin turns them into links to the reader; the citation test checks each against the text.
 */

export interface Citation {
  rfc: number;
  /** "4.2.1", "E", "A.1"; absent when the whole RFC is cited. */
  section?: string;
  /** The last section of a range, written out: "§4.1.1.2–3" ends at "4.1.1.3". */
  rangeEnd?: string;
  /** Where the cited text starts and ends in the source ("RFC 5321 §4.2.1", or "§4.2" in a chain). */
  start: number;
  end: number;
}

const SECTION = String.raw`(?:\d+|[A-Z])(?:\.\d+)*`;
const RANGE = String.raw`(?:\s?–\s?§?(${SECTION}))?`;
const HEAD = new RegExp(String.raw`\bRFC[ \u00a0](\d{3,5})\b(?:[ \u00a0]§§?[ \u00a0]?(${SECTION})${RANGE})?`, 'g');
const CHAINED = new RegExp(String.raw`^(?:,\s*|\s+and\s+|,\s+and\s+)(§§?[ \u00a0]?(${SECTION})${RANGE})`);

/** "4.1.1.2" to "3" is 4.1.1.3; "7.2" to "7.5" is itself. */
function rangeEnd(first: string, end: string | undefined): string | undefined {
  if (end === undefined) return undefined;
  const a = first.split('.');
  const b = end.split('.');
  return b.length >= a.length ? end : [...a.slice(0, a.length - b.length), ...b].join('.');
}

export function findCitations(text: string): Citation[] {
  const out: Citation[] = [];
  for (const m of text.matchAll(HEAD)) {
    const rfc = Number(m[1]);
    const start = m.index;
    let end = start + m[0].length;
    out.push(cite(rfc, m[2], m[3], start, end));
    if (m[2] === undefined) continue;
    for (let next = CHAINED.exec(text.slice(end)); next; next = CHAINED.exec(text.slice(end))) {
      const at = end + next[0].length - next[1]!.length;
      end += next[0].length;
      out.push(cite(rfc, next[2], next[3], at, end));
    }
  }
  return out;
}

function cite(rfc: number, section: string | undefined, end: string | undefined, from: number, to: number): Citation {
  const c: Citation = { rfc, start: from, end: to };
  if (section !== undefined) c.section = section;
  const last = section === undefined ? undefined : rangeEnd(section, end);
  if (last !== undefined) c.rangeEnd = last;
  return c;
}

/** A passage quoted from an RFC and the citation it is attributed to. */
export interface Quote {
  quote: string;
  citation: Citation;
}

const QUOTED = /["“]([^"“”\n]*(?:\n[^"“”\n]*){0,3})["”]/g;
const WORD = /^[A-Za-z][A-Za-z'’-]*[.,;:!?]?$/;

/** Scare quotes and tokens ("+OK", "MAIL FROM") are not quotations: a quotation has three words. */
function isQuotation(s: string): boolean {
  return s.split(/\s+/).filter((w) => WORD.test(w)).length >= 3;
}

/**
 * The quotations next to a citation, in the three shapes the site uses:
 * - `"…" (RFC 5321 §4.1.4)`: a quotation, then the citation opening a parenthesis right after it;
 * - `RFC 8314 §3 "…"` or `RFC 3207 §4: "…"`: the citation, then within 30 characters of the same
 *   sentence a quotation;
 * - a Markdown blockquote (`> …` lines) whose last line, or the line right after it, cites.
 * Ellipses (… or ...) in a quotation separate fragments, each of which must be in the section.
 */
export function findQuotes(text: string): Quote[] {
  const citations = findCitations(text).filter((c) => c.section !== undefined);
  const out: Quote[] = [];
  for (const q of text.matchAll(QUOTED)) {
    const body = q[1]!;
    if (!isQuotation(body)) continue;
    const qEnd = q.index + q[0].length;
    const after = citations.find((c) => c.start >= qEnd && /^\s*\(\s*$/.test(text.slice(qEnd, c.start)));
    // Within the sentence: no full stop, no other quotation, no code punctuation between (a list of claims is not a quotation).
    const before = [...citations].reverse().find((c) => c.end <= q.index && /^[^.!?"“”'{}[\]]{0,30}$/.test(text.slice(c.end, q.index)));
    const by = after ?? before;
    if (by) out.push({ quote: body, citation: by });
  }
  return [...out, ...blockquotes(text, citations)];
}

function blockquotes(text: string, citations: Citation[]): Quote[] {
  const out: Quote[] = [];
  for (const m of text.matchAll(/(?:^|\n)((?:>[^\n]*\n?)+)([^\n]*)/g)) {
    const blockStart = m.index + (m[0].startsWith('\n') ? 1 : 0);
    const blockEnd = blockStart + m[1]!.length;
    const followEnd = blockEnd + m[2]!.length;
    const cited = citations.find((c) => c.start >= blockStart && c.start < followEnd);
    if (!cited) continue;
    const quoted = text
      .slice(blockStart, Math.min(cited.start, blockEnd))
      .replace(/^>\s?/gm, '')
      .replace(/[\s(—–-]+$/, '');
    if (isQuotation(quoted)) out.push({ quote: quoted, citation: cited });
  }
  return out;
}

/** The quotation's fragments (split at ellipses), markup and typographic quotes undone. */
export function quoteFragments(quote: string): string[] {
  return quote
    .replace(/[*_`]/g, '')
    .replace(/[‘’]/g, "'")
    .split(/\s*(?:\[…\]|…|\.\.\.)\s*/)
    .map((f) => f.replace(/\s+/g, ' ').trim())
    .filter((f) => f.length > 0);
}
