/**
 * The readable parts of a message for the message viewer: each text part decoded (transfer
 * encoding, then charset) as text; HTML shown as its source, never rendered (a message is
 * untrusted input); anything else named with its type and size.
 */
import { decodeBody, decodeCharset, type MimePart } from '../../../simulator/mime/index.ts';

export interface BodyPart {
  /** The IMAP part number (RFC 9051 §6.4.5): "1", "2.1"; "TEXT" for a single-part message. */
  section: string;
  type: string;
  /** 'text': shown as text; 'html': shown as source; 'other': only named. */
  show: 'text' | 'html' | 'other';
  /** The decoded text (at most MAX_CHARS), or null for 'other' or an encoding we cannot undo. */
  text: string | null;
  size: number;
  truncated: boolean;
}

/** More than this is cut (a viewer, not a download). */
export const MAX_CHARS = 20_000;

function decodedText(part: MimePart): string | null {
  const bytes = decodeBody(part.raw.subarray(part.bodyStart, part.bodyEnd), part.encoding);
  return bytes ? decodeCharset(bytes, part.params['charset']) : null;
}

function leaf(part: MimePart, section: string): BodyPart {
  const type = `${part.type}/${part.subtype}`;
  const show = part.type !== 'text' ? 'other' : part.subtype === 'html' ? 'html' : 'text';
  const full = show === 'other' ? null : decodedText(part);
  const text = full === null ? null : full.replace(/\r\n/g, '\n');
  return { section, type, show, text: text?.slice(0, MAX_CHARS) ?? null, size: part.size, truncated: (text?.length ?? 0) > MAX_CHARS };
}

/** The leaves of the MIME tree in order, with their part numbers. */
export function bodyParts(root: MimePart, prefix = ''): BodyPart[] {
  if (root.parts.length > 0) return root.parts.flatMap((p, i) => (p.parts.length > 0 ? bodyParts(p, `${prefix}${i + 1}.`) : [leaf(p, `${prefix}${i + 1}`)]));
  if (root.message) return bodyParts(root.message, prefix);
  return [leaf(root, prefix ? prefix.slice(0, -1) : 'TEXT')];
}
