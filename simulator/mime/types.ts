/**
 * The MIME layer's data model: a parsed message tree with byte offsets into the original octets,
 * and the plain data behind IMAP's ENVELOPE and BODYSTRUCTURE (RFC 9051 §7.5.2).
 *
 * Functions (all exported from `./index.ts`):
 *   parseMessage(raw): MimePart                      parse.ts   never throws
 *   envelope(part): Envelope                         envelope.ts
 *   bodyStructure(part): BodyStructure               body-structure.ts
 *   findPart(root, path): MimePart | null            section.ts (IMAP part numbers, §6.4.5)
 *   headerBytes / textBytes / mimeHeaderBytes / bodyBytes / messageBytes(part): Uint8Array
 *     (headerBytes adds the blank line when the octets ran from header straight into a body)
 *   headerFieldsBytes(part, names, not): Uint8Array  section.ts
 *   sectionBytes(raw, root, spec): Uint8Array | null section.ts (null: no such part)
 *   decodeEncodedWords(text): string                 encoded-words.ts (RFC 2047)
 *   decodeBody(bytes, encoding): Uint8Array | null   transfer-encoding.ts (null: unknown CTE)
 *   decodeCharset(bytes, charset): string            charset.ts
 *   parseDate(text): number | null                   date.ts (RFC 5322 §3.3, ms since epoch)
 *   parseDateTime(text) / sentDay(text)              date.ts (fields as written; the written day
 *                                                    at 00:00 UTC, for SENTBEFORE/SENTON/SENTSINCE)
 *   parseAddressList(text): Address[]                address.ts (IMAP address structures)
 *   headerValues(part, name): string[]               search-text.ts (unfolded, encoded words decoded)
 *   searchableText(raw, part): string                search-text.ts (decoded text of text/* parts)
 *
 * Text encoding of strings: header octets are decoded as UTF-8 when they are valid UTF-8
 * (RFC 6532), otherwise one char per octet (latin1). So ASCII headers round-trip exactly through
 * `utf8Bytes`, and so do RFC 6532 UTF-8 headers. Strings in Envelope/BodyStructure are NOT
 * RFC 2047-decoded: IMAP sends the header text as it is (RFC 9051 §7.5.2).
 */

/** One header field (RFC 5322 §2.2). */
export interface HeaderField {
  /** Field name as written (case preserved); compare case-insensitively. */
  name: string;
  /** Unfolded body (RFC 5322 §2.2.3: CRLF before WSP removed), leading/trailing WSP trimmed; raw. */
  value: string;
  /** Offset of the field's first octet in the raw message. */
  start: number;
  /** Offset just past the field's last line ending (CRLF or LF). */
  end: number;
}

/** RFC 2183 Content-Disposition. Parameter names lower-cased. */
export interface Disposition {
  type: string;
  params: Record<string, string>;
}

/**
 * A message or body part. Offsets index the same `raw` octets the root was parsed from.
 * The header block, including its blank separator line, is [headerStart, bodyStart);
 * the fields end at headerEnd (== bodyStart when there is no blank line).
 */
export interface MimePart {
  /** The octets the whole tree was parsed from (shared by every part). */
  raw: Uint8Array;
  header: HeaderField[];
  headerStart: number;
  headerEnd: number;
  bodyStart: number;
  bodyEnd: number;
  /** Lower-cased. RFC 2045 §5.2 default text/plain; message/rfc822 inside multipart/digest. */
  type: string;
  subtype: string;
  /** Content-Type parameters; names lower-cased, RFC 2231 continuations joined and decoded. */
  params: Record<string, string>;
  /** Content-ID, Content-Description (raw header text), null when absent. */
  id: string | null;
  description: string | null;
  /** Content-Transfer-Encoding, lower-cased; default '7bit' (RFC 2045 §6.1). */
  encoding: string;
  disposition: Disposition | null;
  /** RFC 3282 Content-Language tags. */
  language: string[] | null;
  /** RFC 2557 Content-Location. */
  location: string | null;
  /** RFC 1864 Content-MD5. */
  md5: string | null;
  /** Body lines (LF count, plus one for a final unterminated line); meaningful for text/* and message/rfc822. */
  lines: number;
  /** Body octets: bodyEnd - bodyStart. */
  size: number;
  /** Children of a multipart (in order). Empty for anything else. */
  parts: MimePart[];
  /** The embedded message of a message/rfc822 (or message/global) part, else null. */
  message: MimePart | null;
}

/** RFC 9051 §7.5.2 address structure. Groups (RFC 5322 §3.4) are bracketed by markers:
 *  start: {name:null, adl:null, mailbox: groupName, host:null}; end: all four null. */
export interface Address {
  name: string | null;
  adl: string | null;
  mailbox: string | null;
  host: string | null;
}

/** RFC 9051 §7.5.2 ENVELOPE. Address lists are null when the header is absent or empty
 *  (IMAP NIL); sender and replyTo default to from. */
export interface Envelope {
  date: string | null;
  subject: string | null;
  from: Address[] | null;
  sender: Address[] | null;
  replyTo: Address[] | null;
  to: Address[] | null;
  cc: Address[] | null;
  bcc: Address[] | null;
  inReplyTo: string | null;
  messageId: string | null;
}

/** The body-fields every non-multipart body carries (RFC 9051 §9 body-fields) plus extension data. */
export interface SinglePartFields {
  type: string;
  subtype: string;
  params: Record<string, string>;
  id: string | null;
  description: string | null;
  encoding: string;
  size: number;
  /** Extension data (BODYSTRUCTURE only): body-ext-1part. */
  md5: string | null;
  disposition: Disposition | null;
  language: string[] | null;
  location: string | null;
}

/** Any type other than text/*, message/rfc822|global and multipart/* (body-type-basic). */
export interface BasicStructure extends SinglePartFields {
  kind: 'basic';
}

/** text/* (body-type-text): adds body-fld-lines. */
export interface TextStructure extends SinglePartFields {
  kind: 'text';
  lines: number;
}

/** message/rfc822 and message/global (body-type-msg): envelope, nested body, lines. */
export interface MessageStructure extends SinglePartFields {
  kind: 'message';
  envelope: Envelope;
  body: BodyStructure;
  lines: number;
}

/** multipart/* (body-type-mpart). `parts` is never empty (an empty text/plain stands in). */
export interface MultipartStructure {
  kind: 'multipart';
  parts: BodyStructure[];
  subtype: string;
  /** Extension data (BODYSTRUCTURE only): body-ext-mpart. */
  params: Record<string, string>;
  disposition: Disposition | null;
  language: string[] | null;
  location: string | null;
}

export type BodyStructure = BasicStructure | TextStructure | MessageStructure | MultipartStructure;

/** RFC 9051 §6.4.5 section-spec: numeric path then an optional text part. */
export interface SectionSpec {
  /** IMAP part numbers, 1-based; [] is the whole message. */
  path: number[];
  text?: 'HEADER' | 'HEADER.FIELDS' | 'HEADER.FIELDS.NOT' | 'TEXT' | 'MIME';
  /** Field names for HEADER.FIELDS / HEADER.FIELDS.NOT. */
  fields?: string[];
}
