/** RFC 9051 §6.4.5.1 section specifications: IMAP part numbers and the octets each names. */
import type { MimePart, SectionSpec } from './types.ts';
import { sameOctets } from './octets.ts';
import { parseMessage } from './parse.ts';

const CRLF = new Uint8Array([0x0d, 0x0a]);

/** The parts a number selects among, below a message (root or encapsulated) or a body part. */
function children(node: MimePart, isMessage: boolean): MimePart[] {
  if (node.type === 'multipart') return node.parts;
  // "Messages that do not use MIME, and MIME messages that are not multipart and have no
  // encapsulated message within them, only have a part 1" — the body itself.
  if (isMessage) return [node];
  // "A part of type MESSAGE/RFC822 or MESSAGE/GLOBAL also has nested part numbers, referring
  // to parts of the MESSAGE part's body."
  if (node.message) return children(node.message, true);
  return [];
}

/** @rfc 9051#6.4.5.1 IMAP part numbering. `[]` is the message itself. */
export function findPart(root: MimePart, path: readonly number[]): MimePart | null {
  let node = root;
  let isMessage = true;
  for (const n of path) {
    const next = children(node, isMessage)[n - 1];
    if (!next || n < 1) return null;
    node = next;
    isMessage = false;
  }
  return node;
}

/**
 * RFC 9051 §6.4.5.1: "the blank line is included in all header fetches, except in the case of
 * a message that has no body and no blank line". A header that ran straight into its body
 * (no separator in the octets) gets one, so clients still see where it ends.
 */
function needsBlankLine(part: MimePart): boolean {
  return part.bodyStart === part.headerEnd && part.bodyEnd > part.bodyStart;
}

/** Header block of `part` including the blank line. */
export function headerBytes(part: MimePart): Uint8Array {
  const header = part.raw.subarray(part.headerStart, part.bodyStart);
  if (!needsBlankLine(part)) return header;
  const out = new Uint8Array(header.length + 2);
  out.set(header);
  out.set(CRLF, header.length);
  return out;
}

/** The MIME header of a body part: the same octets, named for MIME (RFC 9051 §6.4.5.1). */
export function mimeHeaderBytes(part: MimePart): Uint8Array {
  return headerBytes(part);
}

/** Body of a message without its header (TEXT). */
export function textBytes(part: MimePart): Uint8Array {
  return part.raw.subarray(part.bodyStart, part.bodyEnd);
}

/** What a numeric section returns: the part's body octets (for message/rfc822, the whole
 *  encapsulated message). */
export function bodyBytes(part: MimePart): Uint8Array {
  return part.raw.subarray(part.bodyStart, part.bodyEnd);
}

/** Header and body together (BODY[] for the root). */
export function messageBytes(part: MimePart): Uint8Array {
  return part.raw.subarray(part.headerStart, part.bodyEnd);
}

/**
 * HEADER.FIELDS / HEADER.FIELDS.NOT: matching fields in message order ("ASCII-range case
 * insensitive but is otherwise exact"), then the delimiting blank line.
 * @rfc 9051#6.4.5.1
 */
export function headerFieldsBytes(part: MimePart, names: readonly string[], not: boolean): Uint8Array {
  const wanted = new Set(names.map((n) => n.toLowerCase()));
  const picked = part.header.filter((f) => wanted.has(f.name.toLowerCase()) !== not);
  const hasBlank = part.bodyStart > part.headerEnd || needsBlankLine(part);
  let length = hasBlank ? 2 : 0;
  for (const f of picked) length += f.end - f.start;
  const out = new Uint8Array(length);
  let at = 0;
  for (const f of picked) {
    out.set(part.raw.subarray(f.start, f.end), at);
    at += f.end - f.start;
  }
  if (hasBlank) out.set(CRLF, at);
  return out;
}

/**
 * The octets of a section, or null when the part does not exist. HEADER/TEXT after a part
 * number address the encapsulated message of a message/rfc822 part; MIME needs a part number.
 */
export function sectionBytes(raw: Uint8Array, root: MimePart, spec: SectionSpec): Uint8Array | null {
  const node = findPart(sameOctets(root.raw, raw) ? root : parseMessage(raw), spec.path);
  if (!node) return null;
  if (spec.text === undefined) return spec.path.length === 0 ? raw : bodyBytes(node);
  if (spec.text === 'MIME') return spec.path.length === 0 ? null : mimeHeaderBytes(node);
  const message = spec.path.length === 0 ? node : node.message;
  if (!message) return null;
  switch (spec.text) {
    case 'HEADER':
      return headerBytes(message);
    case 'TEXT':
      return textBytes(message);
    case 'HEADER.FIELDS':
      return headerFieldsBytes(message, spec.fields ?? [], false);
    case 'HEADER.FIELDS.NOT':
      return headerFieldsBytes(message, spec.fields ?? [], true);
  }
}
