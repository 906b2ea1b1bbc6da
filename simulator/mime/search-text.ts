/** Decoded text for RFC 9051 §6.4.4 SEARCH keys (HEADER, SUBJECT, FROM..., BODY, TEXT). */
import type { MimePart } from './types.ts';
import { decodeEncodedWords } from './encoded-words.ts';
import { decodeBody } from './transfer-encoding.ts';
import { decodeCharset } from './charset.ts';
import { sameOctets } from './octets.ts';
import { parseMessage } from './parse.ts';

/** Every value of header field `name` (case-insensitive), unfolded, encoded words decoded. */
export function headerValues(part: MimePart, name: string): string[] {
  const lower = name.toLowerCase();
  return part.header.filter((f) => f.name.toLowerCase() === lower).map((f) => decodeEncodedWords(f.value));
}

/** Decoded text of one leaf text part (transfer encoding, then charset). */
function partText(part: MimePart): string {
  const body = part.raw.subarray(part.bodyStart, part.bodyEnd);
  const decoded = decodeBody(body, part.encoding) ?? body;
  return decodeCharset(decoded, part.params['charset']);
}

function collect(part: MimePart, out: string[]): void {
  if (part.type === 'multipart') {
    for (const child of part.parts) collect(child, out);
  } else if (part.message) {
    // An encapsulated message's header is part of the enclosing body.
    for (const f of part.message.header) out.push(`${f.name}: ${decodeEncodedWords(f.value)}`);
    collect(part.message, out);
  } else if (part.type === 'text') {
    out.push(partText(part));
  }
}

/**
 * The decoded body text of all text parts of `part` (nested messages included), joined by
 * newlines. Case-insensitive matching is the caller's job.
 * @rfc 9051#6.4.4
 */
export function searchableText(raw: Uint8Array, part: MimePart): string {
  const out: string[] = [];
  collect(sameOctets(part.raw, raw) ? part : parseMessage(raw), out);
  return out.join('\n');
}
