/**
 * What FETCH and SEARCH compute per stored message, computed once: the MIME tree (only when a
 * command needs the body's structure), the top-level header fields, and the wire form of
 * ENVELOPE, BODY and BODYSTRUCTURE, so a second FETCH 1:* of them only copies text.
 * Keyed weakly by the stored message, so an expunged message's caches go when the message does.
 * Stored messages are immutable (only their flags change), so nothing here goes stale.
 */
import { bodyStructure, envelopeOfHeader, parseMessage } from '../mime/index.ts';
import { parseHeaderBlock } from '../mime/header.ts';
import type { BodyStructure, HeaderField, MimePart } from '../mime/types.ts';
import type { StoredMessage } from '../store/types.ts';
import type { Piece, StringOptions } from './encode.ts';
import { bodyPieces, envelopePieces } from './fetch/structure.ts';

const trees = new WeakMap<StoredMessage, MimePart>();
const headers = new WeakMap<StoredMessage, HeaderField[]>();
const bodies = new WeakMap<StoredMessage, string>();
const structures = new WeakMap<StoredMessage, BodyStructure>();

export function parsed(message: StoredMessage): MimePart {
  let tree = trees.get(message);
  if (!tree) {
    tree = parseMessage(message.raw);
    trees.set(message, tree);
    headers.delete(message);
  }
  return tree;
}

/** The message's own header fields (RFC 5322 §2.2), without parsing its body. */
export function headerOf(message: StoredMessage): readonly HeaderField[] {
  const tree = trees.get(message);
  if (tree) return tree.header;
  let fields = headers.get(message);
  if (!fields) {
    fields = parseHeaderBlock(message.raw, 0, message.raw.length).fields;
    headers.set(message, fields);
  }
  return fields;
}

/** A slot for the lower-cased decoded body text SEARCH BODY/TEXT compares against. */
export function cachedBodyText(message: StoredMessage, compute: () => string): string {
  let text = bodies.get(message);
  if (text === undefined) {
    text = compute();
    bodies.set(message, text);
  }
  return text;
}

export function structureOf(message: StoredMessage): BodyStructure {
  let body = structures.get(message);
  if (!body) {
    body = bodyStructure(parsed(message));
    structures.set(message, body);
  }
  return body;
}

/**
 * Wire pieces per message and per kind of session: text is joined into one string; a session
 * that has not enabled UTF-8 (RFC 9051 Appendix E) may get other quoting than one that has,
 * unless the text is all ASCII, when both share one entry.
 */
class WireCache {
  private readonly plain = new WeakMap<StoredMessage, Piece[]>();
  private readonly utf8 = new WeakMap<StoredMessage, Piece[]>();

  constructor(private readonly compute: (m: StoredMessage, opts: StringOptions) => Piece[]) {}

  get(m: StoredMessage, opts: StringOptions): Piece[] {
    const mine = opts.utf8 ? this.utf8 : this.plain;
    let pieces = mine.get(m);
    if (!pieces) {
      pieces = joinText(this.compute(m, opts));
      mine.set(m, pieces);
      if (pieces.length === 1 && isAscii(pieces[0] as string)) (opts.utf8 ? this.plain : this.utf8).set(m, pieces);
    }
    return pieces;
  }
}

function joinText(pieces: Piece[]): Piece[] {
  const out: Piece[] = [];
  let text = '';
  for (const p of pieces) {
    if (typeof p === 'string') text += p;
    else {
      if (text) out.push(text);
      text = '';
      out.push(p);
    }
  }
  if (text || !out.length) out.push(text);
  return out;
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x80) return false;
  return true;
}

/** The header for a one-off use: parsed again rather than kept, when nothing cached it yet. */
function headerOnce(m: StoredMessage): readonly HeaderField[] {
  return trees.get(m)?.header ?? headers.get(m) ?? parseHeaderBlock(m.raw, 0, m.raw.length).fields;
}

// The envelope's text is kept, not the header fields it came from: one string per message.
const envelopes = new WireCache((m, opts) => envelopePieces(envelopeOfHeader(headerOnce(m)), opts));
const bodyStructures = new WireCache((m, opts) => bodyPieces(structureOf(m), true, opts));
const bodyForms = new WireCache((m, opts) => bodyPieces(structureOf(m), false, opts));

/** RFC 9051 §7.5.2 ENVELOPE of a message, as sent. */
export function envelopeWire(m: StoredMessage, opts: StringOptions): Piece[] {
  return envelopes.get(m, opts);
}

/** RFC 9051 §7.5.2 BODYSTRUCTURE (`extensible`) or BODY of a message, as sent. */
export function structureWire(m: StoredMessage, extensible: boolean, opts: StringOptions): Piece[] {
  return (extensible ? bodyStructures : bodyForms).get(m, opts);
}
