/**
 * One FETCH data item of one message in its wire form (RFC 9051 §7.5.2 FETCH response).
 */
import { decodeBody, findPart, sectionBytes } from '../../mime/index.ts';
import type { StoredMessage } from '../../store/types.ts';
import { literal, literalHead, type Piece, type StringOptions } from '../encode.ts';
import { flagList } from '../flags.ts';
import { envelopeWire, parsed, structureWire } from '../message-cache.ts';
import type { FetchItem, Partial, Section } from '../parse/ast.ts';
import { internalDate } from '../../mime/date.ts';
import { fetchItemLabel } from '../wire/fetch-label.ts';

export interface ItemContext {
  opts: StringOptions;
  /** The flags as the session shows them (with \Recent for IMAP4rev1). */
  flags: (m: StoredMessage) => string[];
}

/** Thrown for RFC 3516 §4.3 `NO [UNKNOWN-CTE]`: a BINARY fetch of a body we cannot decode. */
export class UnknownCte extends Error {
  constructor(readonly encoding: string) {
    super(`unknown Content-Transfer-Encoding ${encoding}`);
  }
}

/** Does fetching this item set \Seen (RFC 9051 §6.4.5: BODY[], BINARY[]; RFC 3501 RFC822, RFC822.TEXT)? */
export function setsSeen(item: FetchItem): boolean {
  if (item.item === 'BODY[]' || item.item === 'BINARY') return !item.peek;
  return item.item === 'RFC822' || item.item === 'RFC822.TEXT';
}

export function itemPieces(item: FetchItem, m: StoredMessage, ctx: ItemContext): Piece[] {
  switch (item.item) {
    case 'UID':
      return [`UID ${m.uid}`];
    case 'FLAGS':
      return [`FLAGS ${flagList(ctx.flags(m))}`];
    case 'INTERNALDATE':
      return [`INTERNALDATE "${internalDate(m.internalDate)}"`];
    case 'RFC822.SIZE':
      return [`RFC822.SIZE ${m.raw.length}`];
    case 'ENVELOPE':
      return labelled('ENVELOPE ', envelopeWire(m, ctx.opts));
    case 'BODYSTRUCTURE':
      return labelled('BODYSTRUCTURE ', structureWire(m, true, ctx.opts));
    case 'BODY':
      return labelled('BODY ', structureWire(m, false, ctx.opts));
    // RFC 3501 §6.4.5: RFC822 ≡ BODY[], RFC822.HEADER ≡ BODY.PEEK[HEADER], RFC822.TEXT ≡ BODY[TEXT].
    case 'RFC822':
      return ['RFC822 ', ...literal(m.raw)];
    case 'RFC822.HEADER':
      return ['RFC822.HEADER ', ...literal(sectionBytes(m.raw, parsed(m), { path: [], text: 'HEADER' }) ?? new Uint8Array(0))];
    case 'RFC822.TEXT':
      return ['RFC822.TEXT ', ...literal(sectionBytes(m.raw, parsed(m), { path: [], text: 'TEXT' }) ?? new Uint8Array(0))];
    case 'BODY[]':
      return sectionItem(item, m);
    case 'BINARY':
      return binaryItem(item.path, item.partial, m);
    case 'BINARY.SIZE':
      return [`BINARY.SIZE[${item.path.join('.')}] ${binaryBytes(item.path, m)?.length ?? 0}`];
  }
}

/**
 * `ENVELOPE (...)`: a cached wire form that is all text (the common case) becomes one string with
 * its label, not a new array of the label and a copy of the cached one — FETCH makes this per
 * message (issue 15: fewer objects per message of a FETCH 1:*).
 */
function labelled(label: string, wire: Piece[]): Piece[] {
  const [only] = wire;
  if (wire.length === 1 && typeof only === 'string') return [label + only];
  return [label, ...wire];
}

/**
 * The label of a BODY[] item as its response names it, made once per item of a command rather
 * than once per message (FETCH 1:* of 10,000 asks 10,000 times for the same label).
 */
const sectionLabels = new WeakMap<FetchItem, string>();

function sectionLabel(item: FetchItem & { item: 'BODY[]' }): string {
  let label = sectionLabels.get(item);
  if (label === undefined) {
    label = `${fetchItemLabel({ item: 'BODY[]', section: item.section, partial: item.partial, peek: false })} `;
    sectionLabels.set(item, label);
  }
  return label;
}

/** `BODY[1.HEADER.FIELDS (From)]<0>`: the response names the section as the client did, and only the origin of a partial. */
function sectionItem(item: FetchItem & { item: 'BODY[]' }, m: StoredMessage): Piece[] {
  const { section, partial } = item;
  const name = sectionLabel(item);
  // The whole message needs no MIME parse: the common UID FETCH 1:* BODY.PEEK[] stays fast.
  const bytes = section.path.length === 0 && section.text === undefined ? m.raw : sectionBytes(m.raw, parsed(m), section);
  if (bytes === null) return [name, 'NIL'];
  const octets = slice(bytes, partial);
  // The label and the literal's `{n}` CRLF as one piece of text.
  return [name + literalHead(octets), octets];
}

/** RFC 9051 §6.4.5 BINARY[]: the part with its Content-Transfer-Encoding undone. */
function binaryItem(path: number[], partial: Partial | null, m: StoredMessage): Piece[] {
  const name = `${fetchItemLabel({ item: 'BINARY', path, partial, peek: false })} `;
  const bytes = binaryBytes(path, m);
  if (bytes === null) return [name, 'NIL'];
  return [name, ...literal(slice(bytes, partial), true)];
}

function binaryBytes(path: number[], m: StoredMessage): Uint8Array | null {
  if (path.length === 0) return m.raw;
  const part = findPart(parsed(m), path);
  if (!part) return null;
  const body = part.raw.subarray(part.bodyStart, part.bodyEnd);
  if (part.type === 'multipart' || part.message) return body;
  const decoded = decodeBody(body, part.encoding);
  if (decoded === null) throw new UnknownCte(part.encoding);
  return decoded;
}

/** RFC 9051 §6.4.5 `<origin.octets>`: "If the origin is larger than the size, an empty string is returned." */
function slice(bytes: Uint8Array, partial: Partial | null): Uint8Array {
  if (!partial) return bytes;
  return bytes.subarray(Math.min(partial.offset, bytes.length), Math.min(partial.offset + partial.length, bytes.length));
}
