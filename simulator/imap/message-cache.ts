/**
 * What FETCH and SEARCH compute per stored message, computed once: SEARCH BODY's text and the
 * wire form of ENVELOPE, BODY and BODYSTRUCTURE, so a second FETCH 1:* of them only copies text.
 * Header fields are not kept: SEARCH on a field turns only that field into text (mime/header.ts
 * `fieldsNamed`), which costs less than looking a cached copy up did; nor are MIME trees (below).
 * Keyed weakly by the stored message, so an expunged message's caches go when the message does.
 * Stored messages are immutable (only their flags change, and nothing here depends on flags),
 * so nothing here goes stale. Each kind of value has a budget (bounded-cache.ts): a mailbox far
 * larger than the budgets is served by computing again what was dropped, not by holding a
 * second copy of the mailbox in memory (issue 15: RSS under 2x the message octets).
 */
import { bodyStructure, envelopeOfHeader, parseMessage } from '../mime/index.ts';
import { fieldsNamed, isNamed, parseHeaderBlock } from '../mime/header.ts';
import type { BodyStructure, HeaderField, MimePart } from '../mime/types.ts';
import type { StoredMessage } from '../store/types.ts';
import { BoundedCache } from './bounded-cache.ts';
import { joinText, type Piece, type StringOptions } from './encode.ts';
import { bodyPieces, envelopePieces } from './fetch/structure.ts';

const MiB = 1 << 20;
/** Estimated octets of an object and its slot in a cache, beside its text. */
const OBJECT = 64;

/**
 * Budgets in estimated octets, about 32 MiB in all. Sized so that a 10,000-message mailbox of
 * ~2 KB messages (the bench's) stays cached between commands — 2 KB of searchable body text and
 * 350 octets of ENVELOPE per message — while a mailbox ten times larger, read end to end, adds at
 * most these amounts to the server's memory (unbounded, a 100,000-message mailbox held ~180 MB more
 * after FETCH ENVELOPE and SEARCH SUBJECT alone, and a SEARCH BODY kept a lower-cased copy of
 * every body). Only text is kept: strings, not object trees.
 */
export const CACHE_BUDGETS = {
  bodyText: 24 * MiB,
  envelopes: 6 * MiB,
  structures: 2 * MiB,
  /** Per field SEARCH names by a key of its own (FROM, TO, CC, BCC, SUBJECT). */
  fieldText: 2 * MiB,
} as const;

const bodies = new BoundedCache<StoredMessage, string>(CACHE_BUDGETS.bodyText, (text) => OBJECT + text.length);

/**
 * The MIME tree of the message last parsed, for the other items of the same FETCH response or the
 * other keys of the same SEARCH on it. Trees are not cached beyond that: when the first thousands
 * of a scan were kept, V8 learnt that the parser's objects live long and made the rest of them in
 * the old generation, where they stayed as garbage until a full collection (measured over
 * 100,000 messages: FETCH BODYSTRUCTURE then SEARCH BODY left RSS at 664 MB with a tree cache,
 * 444 MB without, and both ran faster). What is derived from a tree and worth keeping is text:
 * the BODYSTRUCTURE and BODY wire forms and SEARCH BODY's text.
 */
let last: { message: StoredMessage; tree: MimePart } | null = null;

export function parsed(message: StoredMessage): MimePart {
  if (last?.message !== message) last = { message, tree: parseMessage(message.raw) };
  return last.tree;
}

/** The message's own header fields (RFC 5322 §2.2), without parsing its body. */
export function headerOf(message: StoredMessage): readonly HeaderField[] {
  return last?.message === message ? last.tree.header : parseHeaderBlock(message.raw, 0, message.raw.length).fields;
}

/** The message's own header fields named `name` (ASCII, any case), in order. */
export function fieldsOf(message: StoredMessage, name: string): readonly HeaderField[] {
  if (last?.message !== message) return fieldsNamed(message.raw, name);
  return last.tree.header.filter((f) => isNamed(f, name));
}

/** The header fields SEARCH has keys for (RFC 9051 §6.4.4); HEADER with another name is not cached. */
const SEARCHED_FIELDS = ['bcc', 'cc', 'from', 'subject', 'to'];
/** A field's decoded, lower-cased values: the one string, or each when the field repeats. */
type FieldText = string | string[];
const fieldCost = (t: FieldText): number => (typeof t === 'string' ? OBJECT + t.length : t.reduce((n, v) => n + OBJECT + v.length, OBJECT));
const fieldTexts = new Map(SEARCHED_FIELDS.map((name) => [name, new BoundedCache<StoredMessage, FieldText>(CACHE_BUDGETS.fieldText, fieldCost)]));

/** A slot for what SEARCH compares a header key against, kept for the fields it has keys for. */
export function cachedFieldText(message: StoredMessage, name: string, compute: () => FieldText): FieldText {
  const cache = fieldTexts.get(name.toLowerCase());
  return cache ? cache.getOrCompute(message, compute) : compute();
}

/** A slot for the lower-cased decoded body text SEARCH BODY/TEXT compares against. */
export function cachedBodyText(message: StoredMessage, compute: () => string): string {
  return bodies.getOrCompute(message, compute);
}

export function structureOf(message: StoredMessage): BodyStructure {
  return bodyStructure(parsed(message));
}

/**
 * Wire pieces per message and per kind of session: text is joined into one string; a session
 * that has not enabled UTF-8 (RFC 9051 Appendix E) may get other quoting than one that has,
 * unless the text is all ASCII, when the second kind reuses what the first computed.
 * What is all text is kept as the string alone, not in an array (one object fewer per entry).
 * Not as octets: sent as octets, each cached ENVELOPE cut the response's text into small pieces
 * to encode one by one (FETCH 1:* ENVELOPE of 10,000 in-process: 11-51 ms instead of 7-18 ms),
 * and as an ArrayBuffer each, 10,000 of them slowed every command of a real client 2-4x.
 */
export class WireCache {
  private readonly plain: BoundedCache<StoredMessage, Wire>;
  private readonly utf8: BoundedCache<StoredMessage, Wire>;

  constructor(
    budget: number,
    private readonly compute: (m: StoredMessage, opts: StringOptions) => Piece[],
  ) {
    this.plain = new BoundedCache(budget, wireCost);
    this.utf8 = new BoundedCache(budget, wireCost);
  }

  newPass(walk: number): void {
    this.plain.newPass(walk);
    this.utf8.newPass(walk);
  }

  get(m: StoredMessage, opts: StringOptions): Piece[] {
    const mine = opts.utf8 ? this.utf8 : this.plain;
    let wire = mine.get(m);
    if (wire === undefined) {
      // All-ASCII text is the same for both kinds of session: the other's, when it has it.
      const other = (opts.utf8 ? this.plain : this.utf8).get(m);
      if (typeof other === 'string' && isAscii(other)) wire = other;
      else {
        const pieces = joinText(this.compute(m, opts));
        wire = pieces.length === 1 && typeof pieces[0] === 'string' ? pieces[0] : pieces;
      }
      mine.set(m, wire);
    }
    return typeof wire === 'string' ? [wire] : wire;
  }
}

/** A cached wire form: its one string, or its pieces when it holds a literal. */
type Wire = string | Piece[];

function wireCost(wire: Wire): number {
  if (typeof wire === 'string') return OBJECT + wire.length;
  let n = OBJECT;
  for (const p of wire) n += typeof p === 'string' ? p.length : OBJECT + p.length;
  return n;
}

// The envelope's text is kept, not the header fields it came from: one string per message.
const envelopes = new WireCache(CACHE_BUDGETS.envelopes, (m, opts) => envelopePieces(envelopeOfHeader(headerOf(m)), opts));
const bodyStructures = new WireCache(CACHE_BUDGETS.structures, (m, opts) => bodyPieces(structureOf(m), true, opts));
const bodyForms = new WireCache(CACHE_BUDGETS.structures, (m, opts) => bodyPieces(structureOf(m), false, opts));

/**
 * A command starts its walk over messages (FETCH, SEARCH): each cache keeps what this walk uses
 * over what earlier ones did, and a walk over more messages than a cache holds keeps the first
 * that fit instead of churning it (bounded-cache.ts). `walk`: how many messages it will read.
 */
export function beginPass(walk: number): void {
  bodies.newPass(walk);
  for (const cache of fieldTexts.values()) cache.newPass(walk);
  for (const cache of [envelopes, bodyStructures, bodyForms]) cache.newPass(walk);
}

/** RFC 9051 §7.5.2 ENVELOPE of a message, as sent. */
export function envelopeWire(m: StoredMessage, opts: StringOptions): Piece[] {
  return envelopes.get(m, opts);
}

/** RFC 9051 §7.5.2 BODYSTRUCTURE (`extensible`) or BODY of a message, as sent. */
export function structureWire(m: StoredMessage, extensible: boolean, opts: StringOptions): Piece[] {
  return (extensible ? bodyStructures : bodyForms).get(m, opts);
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x80) return false;
  return true;
}
