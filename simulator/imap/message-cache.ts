/**
 * What FETCH and SEARCH compute per stored message, computed once: the MIME tree (only when a
 * command needs the body's structure), the top-level header fields, and the wire form of
 * ENVELOPE, BODY and BODYSTRUCTURE, so a second FETCH 1:* of them only copies text.
 * Keyed weakly by the stored message, so an expunged message's caches go when the message does.
 * Stored messages are immutable (only their flags change, and nothing here depends on flags),
 * so nothing here goes stale. Each kind of value has a budget (bounded-cache.ts): a mailbox far
 * larger than the budgets is served by computing again what was dropped, not by holding a
 * second copy of the mailbox in memory (issue 15: RSS under 2x the message octets).
 */
import { bodyStructure, envelopeOfHeader, parseMessage } from '../mime/index.ts';
import { parseHeaderBlock } from '../mime/header.ts';
import type { BodyStructure, HeaderField, MimePart } from '../mime/types.ts';
import type { StoredMessage } from '../store/types.ts';
import { BoundedCache } from './bounded-cache.ts';
import type { Piece, StringOptions } from './encode.ts';
import { bodyPieces, envelopePieces } from './fetch/structure.ts';

const MiB = 1 << 20;
/** Estimated octets of an object and its slot in a cache, beside its text. */
const OBJECT = 64;

/**
 * Budgets in estimated octets, about 64 MiB in all. Sized so that a 10,000-message mailbox of
 * ~2 KB messages (the bench's) stays cached between commands — about 1 KB of header fields,
 * 1 KB of MIME tree, 2 KB of searchable body text and 350 octets of ENVELOPE per message — while
 * a mailbox ten times larger, read end to end, adds at most these amounts to the server's memory
 * (unbounded, a 100,000-message mailbox held ~180 MB more after FETCH ENVELOPE and SEARCH SUBJECT
 * alone, and a SEARCH BODY kept a lower-cased copy of every body).
 */
export const CACHE_BUDGETS = {
  trees: 16 * MiB,
  headers: 12 * MiB,
  bodyText: 24 * MiB,
  envelopes: 6 * MiB,
  structures: 2 * MiB,
} as const;

function fieldsCost(fields: readonly HeaderField[]): number {
  let n = OBJECT;
  for (const f of fields) n += OBJECT + f.name.length + f.value.length;
  return n;
}

function treeCost(part: MimePart): number {
  let n = OBJECT * 2 + fieldsCost(part.header);
  for (const child of part.parts) n += treeCost(child);
  if (part.message) n += treeCost(part.message);
  return n;
}

const trees = new BoundedCache<StoredMessage, MimePart>(CACHE_BUDGETS.trees, treeCost);
const headers = new BoundedCache<StoredMessage, HeaderField[]>(CACHE_BUDGETS.headers, fieldsCost);
const bodies = new BoundedCache<StoredMessage, string>(CACHE_BUDGETS.bodyText, (text) => OBJECT + text.length);
const structures = new BoundedCache<StoredMessage, BodyStructure>(CACHE_BUDGETS.structures, () => OBJECT * 8);

export function parsed(message: StoredMessage): MimePart {
  let tree = trees.get(message);
  if (!tree) {
    tree = parseMessage(message.raw);
    // The header fields stay cached on their own too: trees are dropped far sooner (their budget
    // holds fewer), and SEARCH on header fields should not have to parse them again when they are.
    trees.set(message, tree);
  }
  return tree;
}

/** The message's own header fields (RFC 5322 §2.2), without parsing its body. */
export function headerOf(message: StoredMessage): readonly HeaderField[] {
  const tree = trees.get(message);
  if (tree) return tree.header;
  return headers.getOrCompute(message, (m) => parseHeaderBlock(m.raw, 0, m.raw.length).fields);
}

/** A slot for the lower-cased decoded body text SEARCH BODY/TEXT compares against. */
export function cachedBodyText(message: StoredMessage, compute: () => string): string {
  return bodies.getOrCompute(message, compute);
}

export function structureOf(message: StoredMessage): BodyStructure {
  return structures.getOrCompute(message, (m) => bodyStructure(parsed(m)));
}

/**
 * Wire pieces per message and per kind of session: text is joined into one string; a session
 * that has not enabled UTF-8 (RFC 9051 Appendix E) may get other quoting than one that has,
 * unless the text is all ASCII, when the second kind reuses what the first computed.
 */
class WireCache {
  private readonly plain: BoundedCache<StoredMessage, Piece[]>;
  private readonly utf8: BoundedCache<StoredMessage, Piece[]>;

  constructor(
    budget: number,
    private readonly compute: (m: StoredMessage, opts: StringOptions) => Piece[],
  ) {
    this.plain = new BoundedCache(budget, piecesCost);
    this.utf8 = new BoundedCache(budget, piecesCost);
  }

  get(m: StoredMessage, opts: StringOptions): Piece[] {
    const mine = opts.utf8 ? this.utf8 : this.plain;
    let pieces = mine.get(m);
    if (!pieces) {
      // All-ASCII text is the same for both kinds of session: the other's, when it has it.
      const other = (opts.utf8 ? this.plain : this.utf8).get(m);
      pieces = other && other.length === 1 && isAscii(other[0] as string) ? other : joinText(this.compute(m, opts));
      mine.set(m, pieces);
    }
    return pieces;
  }
}

function piecesCost(pieces: Piece[]): number {
  let n = OBJECT;
  for (const p of pieces) n += typeof p === 'string' ? p.length : OBJECT + p.length;
  return n;
}

/**
 * Adjacent text pieces joined into one string each (literals stay apart). `join` makes a flat
 * string; `+=` would make a tree of the parts, which V8 walks part by part each time a cached
 * copy is encoded (measured on Node 22: FETCH 1:* ENVELOPE of 10,000 took 4x as long).
 */
export function joinText(pieces: Piece[]): Piece[] {
  const out: Piece[] = [];
  let text: string[] = [];
  for (const p of pieces) {
    if (typeof p === 'string') text.push(p);
    else {
      if (text.length) out.push(text.join(''));
      text = [];
      out.push(p);
    }
  }
  if (text.length || !out.length) out.push(text.join(''));
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
const envelopes = new WireCache(CACHE_BUDGETS.envelopes, (m, opts) => envelopePieces(envelopeOfHeader(headerOnce(m)), opts));
const bodyStructures = new WireCache(CACHE_BUDGETS.structures, (m, opts) => bodyPieces(structureOf(m), true, opts));
const bodyForms = new WireCache(CACHE_BUDGETS.structures, (m, opts) => bodyPieces(structureOf(m), false, opts));

/** RFC 9051 §7.5.2 ENVELOPE of a message, as sent. */
export function envelopeWire(m: StoredMessage, opts: StringOptions): Piece[] {
  return envelopes.get(m, opts);
}

/** RFC 9051 §7.5.2 BODYSTRUCTURE (`extensible`) or BODY of a message, as sent. */
export function structureWire(m: StoredMessage, extensible: boolean, opts: StringOptions): Piece[] {
  return (extensible ? bodyStructures : bodyForms).get(m, opts);
}
