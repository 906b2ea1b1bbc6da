/**
 * Reads an RFC's plain text (content/rfc/rfcNNNN.txt) into its sections: number or appendix
 * letter, title and body, with the paginated format's page furniture (form feeds, the
 * "Author  Standards Track  [Page 12]" footers, the "RFC 5321  SMTP  October 2008" headers)
 * removed. Handles the old typewriter layout (RFC 1700, 1939) and the xml2rfc ones (RFC 5321,
 * 8446, and 9051 without pages). Pure: the caller supplies the text.
 */

export interface RfcSection {
  /** "4.5.3.1", "E" or "A.1" for an appendix, or null for an unnumbered heading ("Authors' Addresses"). */
  number: string | null;
  title: string;
  /** The fragment the RFC Editor uses too: `section-4.5.3.1`, `appendix-E`; `name-…` when unnumbered. */
  anchor: string;
  /** 1 for "4" or "A", 2 for "4.5" or "A.1", …; 1 for unnumbered headings. */
  depth: number;
  /** The lines under the heading up to the next one, common indentation removed. */
  body: string;
}

export interface RfcDocument {
  /** The document title, from the first page. */
  title: string;
  /** Everything before the first section: header block, title, abstract, status, contents. */
  front: string;
  /** The front's "Abstract" (or RFC 1939's "Status of this Memo" when there is none), dedented. */
  abstract: string;
  sections: RfcSection[];
}

const FOOTER = /^\S.*\s\[Page \d+\]\s*$/;
const HEADER = /^RFC \d{1,5} {2,}\S.*\d{4}\s*$/;
const TOC_LEADER = /\.(?: ?\.){2,}\s*\d+\s*$/;

/** The text's lines without page furniture; a page break inside a paragraph joins it up again. */
export function pageLines(text: string): string[] {
  const out: string[] = [];
  let broken = false;
  for (const raw of text.replace(/\r/g, '').split('\n')) {
    const hadFormFeed = raw.includes('\f');
    const line = raw.replace(/\f/g, '').trimEnd();
    if (FOOTER.test(line)) {
      while (out.length > 0 && out[out.length - 1] === '') out.pop();
      broken = true;
      continue;
    }
    if (hadFormFeed && line === '') {
      broken = true;
      continue;
    }
    if (HEADER.test(line) && (broken || hadFormFeed)) {
      broken = true;
      continue;
    }
    if (broken && line === '') continue;
    if (broken && out.length > 0 && !continuesParagraph(out[out.length - 1]!, line)) out.push('');
    broken = false;
    out.push(line);
  }
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out;
}

function indent(line: string): number {
  return line.length - line.trimStart().length;
}

/** Across a page break: the same indentation and no full stop before it means one paragraph. */
function continuesParagraph(before: string, after: string): boolean {
  return before !== '' && indent(before) === indent(after) && indent(after) > 0 && !/[.:]$/.test(before);
}

interface Heading {
  number: string | null;
  title: string;
  /** Lines the heading takes (a long title wraps onto an indented second line). */
  span: number;
}

const NUMBERED = /^(\d+(?:\.\d+)*)\.?\s+(\S.*)$/;
const APPENDIX = /^Appendix\s+([A-Z](?:\.\d+)*)(?:\.|:|\s+-+|\s)\s*(.*)$/;
const APPENDIX_SUB = /^([A-Z](?:\.\d+)+)\.?\s+(\S.*)$/;
/** "A. Appendix -- Compliance Checklist" (RFC 2595). */
const APPENDIX_LETTER = /^([A-Z])\.\s+(\S.*)$/;

/** Whether `next` may follow `prev` in the outline: a first child, or the next sibling at some level. */
export function followsInOutline(prev: string | null, next: string): boolean {
  const n = next.split('.');
  if (prev === null) return n.length === 1 && (n[0] === '1' || n[0] === 'A');
  const p = prev.split('.');
  if (n.length === p.length + 1 && n.slice(0, -1).join('.') === prev && (n.at(-1) === '1' || n.at(-1) === '0')) return true;
  if (n.length > p.length) return false;
  if (n.slice(0, -1).join('.') !== p.slice(0, n.length - 1).join('.')) return false;
  return successor(p[n.length - 1]!) === n.at(-1);
}

function successor(part: string): string {
  return /^\d+$/.test(part) ? String(Number(part) + 1) : String.fromCharCode(part.charCodeAt(0) + 1);
}

/** The last number seen of each outline: sections 1, 2, … and appendices A, B, … (RFC 5322 puts §7 after them). */
interface Outline {
  section: string | null;
  appendix: string | null;
}

function numberedHeading(line: string, next: string | undefined, afterNext: string | undefined, outline: Outline): Heading | null {
  if (indent(line) > 0 || TOC_LEADER.test(line)) return null;
  const m = APPENDIX.exec(line) ?? APPENDIX_LETTER.exec(line) ?? APPENDIX_SUB.exec(line) ?? NUMBERED.exec(line);
  if (!m) return null;
  const number = m[1]!;
  if (!followsInOutline(isAppendix(number) ? outline.appendix : outline.section, number)) return null;
  const title = m[2]!.trim();
  const titleColumn = line.length - m[2]!.length;
  // A long title wraps onto the next line, indented to the title's column (RFC 9051 §A.1).
  if (next && next.trim() !== '' && indent(next) === titleColumn && titleColumn > 3) {
    return afterNext === '' || afterNext === undefined ? { number, title: `${title} ${next.trim()}`, span: 2 } : null;
  }
  // A heading stands alone: a blank line follows (a table row numbered 1, 2, 3 does not).
  return next === '' || next === undefined ? { number, title, span: 1 } : null;
}

function isAppendix(number: string): boolean {
  return /^[A-Z]/.test(number);
}

/**
 * An unnumbered heading ("Authors' Addresses"): at the margin, short, between blank lines, words
 * rather than grammar (no "=", no closing punctuation). In capitals only in RFC 1700, never elsewhere.
 */
function plainHeading(line: string, before: string | undefined, next: string | undefined, capsOnly: boolean): Heading | null {
  if (indent(line) > 0 || line.length > 64 || before !== '' || (next !== undefined && next !== '')) return null;
  if (/[.,;:=]$|=|^[^A-Z]/.test(line)) return null;
  if (capsOnly ? !/^[A-Z0-9][A-Z0-9 ,/()'-]*$/.test(line) : !/[a-z]/.test(line)) return null;
  return { number: null, title: line.trim(), span: 1 };
}

function slug(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function anchorFor(number: string | null, title: string, taken: Set<string>): string {
  if (number !== null) return isAppendix(number) ? `appendix-${number}` : `section-${number}`;
  const base = `name-${slug(title)}`;
  let anchor = base;
  for (let i = 2; taken.has(anchor); i++) anchor = `${base}-${i}`;
  return anchor;
}

function dedent(lines: string[]): string {
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start] === '') start++;
  while (end > start && lines[end - 1] === '') end--;
  const kept = lines.slice(start, end);
  const cut = Math.min(...kept.filter((l) => l !== '').map(indent), Infinity);
  return kept.map((l) => l.slice(Number.isFinite(cut) ? cut : 0)).join('\n');
}

function documentTitle(lines: string[]): string {
  // The header block (author, RFC number, category, date) comes first; the title is the next paragraph.
  let i = lines.findIndex((l) => l !== '');
  while (i < lines.length && lines[i] !== '') i++;
  while (i < lines.length && lines[i] === '') i++;
  const title: string[] = [];
  while (i < lines.length && lines[i] !== '') title.push(lines[i++]!.trim());
  return title.join(' ');
}

export function parseRfc(text: string): RfcDocument {
  const lines = pageLines(text);
  const headings = findHeadings(lines, false);
  // Documents without numbered sections (RFC 1700, a set of registries) are split at their
  // capitalised titles instead.
  const found = headings.filter((h) => h.heading.number !== null).length >= 2 ? headings : findHeadings(lines, true);
  const taken = new Set<string>();
  const sections: RfcSection[] = found.map((h, k) => {
    const anchor = anchorFor(h.heading.number, h.heading.title, taken);
    taken.add(anchor);
    const end = found[k + 1]?.at ?? lines.length;
    return {
      number: h.heading.number,
      title: h.heading.title,
      anchor,
      depth: h.heading.number ? h.heading.number.split('.').length : 1,
      body: dedent(lines.slice(h.at + h.heading.span, end)),
    };
  });
  const front = lines.slice(0, found[0]?.at ?? lines.length);
  return { title: documentTitle(lines), front: front.join('\n'), abstract: frontPart(front, /^Abstract\s*$/) || frontPart(front, /^Status of [Tt]his Memo\s*$/), sections };
}

/** The paragraphs under a heading of the front matter, up to the next line at the margin. */
function frontPart(front: string[], heading: RegExp): string {
  const at = front.findIndex((l) => heading.test(l));
  if (at < 0) return '';
  const end = front.findIndex((l, i) => i > at && l !== '' && indent(l) === 0);
  return dedent(front.slice(at + 1, end < 0 ? front.length : end));
}

function findHeadings(lines: string[], capsOnly: boolean): { at: number; heading: Heading }[] {
  const out: { at: number; heading: Heading }[] = [];
  const outline: Outline = { section: null, appendix: null };
  let started = capsOnly;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '') continue;
    const numbered = capsOnly ? null : numberedHeading(line, lines[i + 1], lines[i + 2], outline);
    const heading = numbered ?? (started ? plainHeading(line, lines[i - 1], lines[i + 1], capsOnly) : null);
    if (!heading) continue;
    if (heading.number) outline[isAppendix(heading.number) ? 'appendix' : 'section'] = heading.number;
    started = true;
    out.push({ at: i, heading });
    i += heading.span - 1;
  }
  return out;
}

/** A section by its number ("4.5.3.1", "E", "A.1"), or undefined. */
export function findSection(doc: RfcDocument, number: string): RfcSection | undefined {
  return doc.sections.find((s) => s.number === number);
}

/** The section and its subsections: "4.5.3" holds 4.5.3.1 and 4.5.3.2. */
export function sectionWithSubsections(doc: RfcDocument, number: string): RfcSection[] {
  return doc.sections.filter((s) => s.number !== null && (s.number === number || s.number.startsWith(`${number}.`)));
}

/** Whitespace collapsed to single spaces, as quotes are compared. */
export function flatten(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The section's text and its subsections', flattened, to look a quote up in. */
export function sectionFlatText(doc: RfcDocument, number: string): string {
  return flatten(sectionWithSubsections(doc, number).map((s) => `${s.title}\n${s.body}`).join('\n'));
}

/** A paragraph of running text, or anything laid out by column (figures, ABNF, tables, lists). */
export interface BodyBlock {
  kind: 'prose' | 'figure';
  /** Prose: the lines joined into one; a figure: its lines as written. */
  text: string;
  /** Columns the block is indented by within the body. */
  indent: number;
}

/** Spaces inside a line that align columns (not the two after a full stop). */
const ALIGNED = /[^\s.:?!)"]\s{2,}\S/;

/**
 * The body cut at blank lines into blocks: a block whose lines share one indentation, fill the line
 * and align nothing is prose, and can be reflowed to the reader's width; anything else keeps its
 * layout.
 */
export function bodyBlocks(body: string): BodyBlock[] {
  return body
    .split(/\n{2,}/)
    .filter((b) => b.trim() !== '')
    .map((block) => {
      const lines = block.split('\n');
      const at = indent(lines[0]!);
      const prose =
        lines.every((l) => indent(l) === at && !ALIGNED.test(l.trim())) &&
        lines.slice(0, -1).every((l) => l.length >= 40) &&
        /[.:;,?!)"']$/.test(lines.at(-1)!) &&
        !/^(?:[-o*+]|\d+\.|[a-z]\))\s/.test(lines[0]!.trim());
      return prose ? { kind: 'prose', text: lines.map((l) => l.trim()).join(' '), indent: at } : { kind: 'figure', text: dedent(lines), indent: Math.min(...lines.map(indent)) };
    });
}
