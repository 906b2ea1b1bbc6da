/**
 * RFC 5322 §2.2 header block scanning over raw octets. Tolerant: bare LF line ends are
 * accepted, a line that is not a field starts the body, and input without a blank separator
 * line is all header.
 */
import type { HeaderField } from './types.ts';
import { asciiText, isAscii, octetText } from './octets.ts';

const LF = 0x0a;
const CR = 0x0d;
const SP = 0x20;
const HT = 0x09;
const COLON = 0x3a;

/** The header fields of [start, end), where the fields stop (headerEnd) and the body starts. */
export interface HeaderBlock {
  fields: HeaderField[];
  headerEnd: number;
  bodyStart: number;
}

/** End of the line starting at `pos` (just past its LF), or `end` for a final unterminated line. */
export function lineEnd(raw: Uint8Array, pos: number, end: number): number {
  const lf = raw.indexOf(LF, pos);
  return lf === -1 || lf >= end ? end : lf + 1;
}

/** Offset where the line content stops (before CRLF / LF). */
function contentEnd(raw: Uint8Array, lineStart: number, next: number): number {
  let e = next;
  if (e > lineStart && raw[e - 1] === LF) e--;
  if (e > lineStart && raw[e - 1] === CR) e--;
  return e;
}

/** Where one field lies: [start, end) in all, name before `colon`, body up to `stop`. */
interface Span {
  start: number;
  nameEnd: number;
  colon: number;
  stop: number;
  end: number;
}

/** RFC 5322 §2.2: the header ends at the first empty line. */
export function parseHeaderBlock(raw: Uint8Array, start: number, end: number): HeaderBlock {
  const { spans, headerEnd, bodyStart } = headerSpans(raw, start, end);
  return { fields: toFields(raw, start, headerEnd, spans), headerEnd, bodyStart };
}

/**
 * The fields of the message's own header named `name` (ASCII, any case), as `parseHeaderBlock`
 * gives them, without turning the other fields into text: SEARCH SUBJECT over a large mailbox
 * then makes one short string per message instead of every field of every header.
 */
export function fieldsNamed(raw: Uint8Array, name: string): HeaderField[] {
  const { spans } = headerSpans(raw, 0, raw.length);
  const out: HeaderField[] = [];
  for (const s of spans) {
    if (s.nameEnd - s.start !== name.length || !sameAsciiName(raw, s.start, name)) continue;
    out.push({ name: octetText(raw.subarray(s.start, s.nameEnd)), value: unfold(octetText(raw.subarray(s.colon + 1, s.stop))), start: s.start, end: s.end });
  }
  return out;
}

/** Is `field` named `name`? Field names are ASCII (RFC 5322 §3.6.8); only ASCII letters match without case. */
export function isNamed(field: HeaderField, name: string): boolean {
  if (field.name.length !== name.length) return false;
  for (let i = 0; i < name.length; i++) if (!sameLetter(field.name.charCodeAt(i), name.charCodeAt(i))) return false;
  return true;
}

/** Do the octets at `at` spell `name`, as `isNamed` compares? */
function sameAsciiName(raw: Uint8Array, at: number, name: string): boolean {
  for (let i = 0; i < name.length; i++) if (!sameLetter(raw[at + i] as number, name.charCodeAt(i))) return false;
  return true;
}

function sameLetter(a: number, b: number): boolean {
  if (a === b) return true;
  const lower = a | 0x20;
  return lower === (b | 0x20) && lower >= 0x61 && lower <= 0x7a;
}

/** Where each field of the header in [start, end) lies, where the header ends and the body starts. */
function headerSpans(raw: Uint8Array, start: number, end: number): { spans: Span[]; headerEnd: number; bodyStart: number } {
  const spans: Span[] = [];
  let pos = start;
  let headerEnd = end;
  let bodyStart = end;
  while (pos < end) {
    const next = lineEnd(raw, pos, end);
    const stop = contentEnd(raw, pos, next);
    // An empty line (the separator) ends the header; only when it really has a line end.
    if (stop === pos && next > pos) {
      headerEnd = pos;
      bodyStart = next;
      break;
    }
    let fieldEnd = next;
    // RFC 5322 §2.2.3 folding: continuation lines begin with WSP.
    while (fieldEnd < end && (raw[fieldEnd] === SP || raw[fieldEnd] === HT)) {
      fieldEnd = lineEnd(raw, fieldEnd, end);
    }
    const span = fieldSpan(raw, pos, fieldEnd, stop);
    if (!span) {
      // Not a field and not the blank line: the header ended without its separator. Like
      // Postfix's cleanup, treat this line as the first line of the body.
      headerEnd = pos;
      bodyStart = pos;
      break;
    }
    spans.push(span);
    pos = fieldEnd;
  }
  return { spans, headerEnd, bodyStart };
}

/** Decodes the spans; an all-ASCII header (the usual case) is turned into text once. */
function toFields(raw: Uint8Array, start: number, end: number, spans: readonly Span[]): HeaderField[] {
  const block = raw.subarray(start, end);
  const ascii = isAscii(block) ? asciiText(block) : null;
  const text = (from: number, to: number): string =>
    ascii === null ? octetText(raw.subarray(from, to)) : ascii.slice(from - start, to - start);
  return spans.map((s) => ({
    name: text(s.start, s.nameEnd),
    value: unfold(text(s.colon + 1, s.stop)),
    start: s.start,
    end: s.end,
  }));
}

/** The span of one field in [start, end); null for a line that has no colon (not a field). */
function fieldSpan(raw: Uint8Array, start: number, end: number, firstStop: number): Span | null {
  const colon = raw.indexOf(COLON, start);
  if (colon === -1 || colon >= firstStop) return null;
  // RFC 5322 §4.5.1 obs-optional: WSP may precede the colon.
  let nameEnd = colon;
  while (nameEnd > start && (raw[nameEnd - 1] === SP || raw[nameEnd - 1] === HT)) nameEnd--;
  if (nameEnd === start) return null;
  // RFC 5322 §3.6.8 ftext is printable US-ASCII without ":" — so "From sender date" or a
  // sentence with a colon in it is not a field.
  for (let i = start; i < nameEnd; i++) if ((raw[i] as number) <= SP || (raw[i] as number) >= 0x7f) return null;
  return { start, nameEnd, colon, stop: contentEnd(raw, colon + 1, end), end };
}

function isWsp(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0d;
}

/** RFC 5322 §2.2.3: unfolding removes each CRLF that is followed by WSP; outer WSP trimmed. */
export function unfold(text: string): string {
  const unfolded = text.indexOf('\n') === -1 ? text : text.replace(/\r?\n/g, '');
  let a = 0;
  let b = unfolded.length;
  while (a < b && isWsp(unfolded.charCodeAt(a))) a++;
  while (b > a && isWsp(unfolded.charCodeAt(b - 1))) b--;
  return a === 0 && b === unfolded.length ? unfolded : unfolded.slice(a, b);
}

/** First field named `name` (ASCII case-insensitive), or undefined. */
export function findField(fields: readonly HeaderField[], name: string): HeaderField | undefined {
  const lower = name.toLowerCase();
  for (const f of fields) if (f.name.length === lower.length && f.name.toLowerCase() === lower) return f;
  return undefined;
}
