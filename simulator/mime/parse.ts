/**
 * The MIME tree (RFC 2045, RFC 2046) over raw message octets. Tolerant by design: any input
 * yields a tree, and every offset stays within the input.
 */
import type { Disposition, HeaderField, MimePart } from './types.ts';
import { findField, parseHeaderBlock } from './header.ts';
import { parseContentType, parseDisposition, stripComments } from './params.ts';
import { findBoundaries } from './multipart.ts';

/** Deeper nesting than this is left unparsed (a hostile message must not exhaust the stack). */
const MAX_DEPTH = 40;

/** Parses a whole message. Never throws.
 *  @rfc 2045#5.2 @rfc 2046#5.1.1 @rfc 2046#5.2.1 */
export function parseMessage(raw: Uint8Array): MimePart {
  return parsePart(raw, 0, raw.length, false, 0);
}

/**
 * One entity in [start, end): header, then body. `inDigest` selects the RFC 2046 §5.1.5
 * default: "the default Content-Type value for a body part is changed from text/plain to
 * message/rfc822".
 */
export function parsePart(raw: Uint8Array, start: number, end: number, inDigest: boolean, depth: number): MimePart {
  const block = parseHeaderBlock(raw, start, end);
  const part = describe(raw, block.fields, inDigest);
  part.headerStart = start;
  part.headerEnd = block.headerEnd;
  part.bodyStart = block.bodyStart;
  part.bodyEnd = end;
  part.size = end - block.bodyStart;
  if (depth < MAX_DEPTH) {
    if (part.type === 'multipart') addChildren(part, depth);
    else if (isMessageType(part)) part.message = parsePart(raw, part.bodyStart, end, false, depth + 1);
  }
  if (part.type === 'text' || part.message) part.lines = countLines(raw, part.bodyStart, end);
  return part;
}

/** RFC 2046 §5.2.1 message/rfc822 (and RFC 6532 §3.5 message/global) encapsulate a message;
 *  only in an identity encoding are its octets there to parse (RFC 2046 §5.2.1). */
function isMessageType(part: MimePart): boolean {
  if (part.type !== 'message' || (part.subtype !== 'rfc822' && part.subtype !== 'global')) return false;
  return part.encoding === '7bit' || part.encoding === '8bit' || part.encoding === 'binary';
}

function addChildren(part: MimePart, depth: number): void {
  const boundary = part.params['boundary'];
  if (!boundary) return;
  const digest = part.subtype === 'digest';
  for (const [s, e] of findBoundaries(part.raw, part.bodyStart, part.bodyEnd, boundary)) {
    part.parts.push(parsePart(part.raw, s, e, digest, depth + 1));
  }
}

/** RFC 2045 §5.2: no or an invalid Content-Type means text/plain; charset=us-ascii. */
function describe(raw: Uint8Array, header: HeaderField[], inDigest: boolean): MimePart {
  const value = (name: string): string | null => findField(header, name)?.value ?? null;
  const ct = value('content-type');
  const parsed = ct === null ? null : parseContentType(ct);
  const fallback: { type: string; subtype: string; params: Record<string, string> } = inDigest
    ? { type: 'message', subtype: 'rfc822', params: {} }
    : { type: 'text', subtype: 'plain', params: { charset: 'us-ascii' } };
  const { type, subtype, params } = parsed ?? fallback;
  const cte = value('content-transfer-encoding');
  const encoding = cte === null ? '' : stripComments(cte).trim().toLowerCase();
  return {
    raw, header, headerStart: 0, headerEnd: 0, bodyStart: 0, bodyEnd: 0,
    type, subtype, params,
    id: value('content-id'),
    description: value('content-description'),
    encoding: encoding === '' ? '7bit' : encoding,
    disposition: disposition(value('content-disposition')),
    language: language(value('content-language')),
    location: value('content-location'),
    md5: value('content-md5'),
    lines: 0, size: 0, parts: [], message: null,
  };
}

function disposition(text: string | null): Disposition | null {
  return text === null ? null : parseDisposition(text);
}

/** RFC 3282 §2: Content-Language is a comma-separated list of language tags. */
function language(text: string | null): string[] | null {
  if (text === null) return null;
  const tags = stripComments(text).split(',').map((t) => t.trim()).filter((t) => t !== '');
  return tags.length ? tags : null;
}

/** Text lines: each LF ends one, and a final line without one still counts. */
export function countLines(raw: Uint8Array, start: number, end: number): number {
  let lines = 0;
  let pos = raw.indexOf(0x0a, start);
  while (pos !== -1 && pos < end) {
    lines++;
    pos = raw.indexOf(0x0a, pos + 1);
  }
  if (end > start && raw[end - 1] !== 0x0a) lines++;
  return lines;
}
