/**
 * Response pieces for the command handlers: text and octets gathered per command (session.ts), so a
 * FETCH of a large body is not copied through strings. Strings, quoting and literals are the
 * wire helpers' (./wire/encode.ts, RFC 9051 §4.3); this file only adds the session's options.
 */
import { canQuote, encodeValue, isBareAstring, quoteString } from './wire/encode.ts';
import { encodeMutf7 } from './wire/mutf7.ts';
import type { EncodeOptions } from './wire/value.ts';

export type Piece = string | Uint8Array;

export interface StringOptions {
  /**
   * The client may receive UTF-8 in quoted strings (it ENABLEd IMAP4rev2 or UTF8=ACCEPT).
   * RFC 9051 Appendix A: servers advertising both revisions "MUST NOT generate UTF-8-quoted
   * strings unless the client has issued ENABLE IMAP4rev2" — such text goes as a literal.
   */
  utf8: boolean;
}

const MAX_QUOTED = 1000;

function encodeOptions(opts: StringOptions): EncodeOptions {
  return { utf8: opts.utf8, maxQuoted: MAX_QUOTED };
}

/** RFC 9051 §9 quoted: TEXT-CHARs; here only SP to "~" without the quoted-specials `"` and `\`. */
function isPlainQuotable(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x20 || c > 0x7e || c === 0x22 || c === 0x5c) return false;
  }
  return true;
}

/** A string as `"quoted"` where it may be, otherwise as a `{n}` literal; null is NIL. */
export function nstring(value: string | null, opts: StringOptions): Piece[] {
  return value === null ? ['NIL'] : istring(value, opts);
}

/**
 * `"value"` when the value may be quoted as it is (printable ASCII with nothing to escape, as most
 * header text is), else null: the caller then takes istring's general path.
 */
function plainQuoted(value: string): string | null {
  return value.length <= MAX_QUOTED && isPlainQuotable(value) ? `"${value}"` : null;
}

export function istring(value: string, opts: StringOptions): Piece[] {
  return [istringPiece(value, opts)];
}

/** RFC 9051 §9 string as the one piece it always is: quoted text, or a literal. */
function istringPiece(value: string, opts: StringOptions): Piece {
  // Printable ASCII with nothing to escape (most header text): quoted as it is, no scan twice.
  const plain = plainQuoted(value);
  if (plain !== null) return plain;
  // The common case stays a string piece: joined with its neighbours and encoded once.
  const options = encodeOptions(opts);
  if (canQuote(value, options) && !value.includes('\0')) return quoteString(value);
  return encodeValue(value, options);
}

/**
 * nstring's piece pushed onto `out`, with no array of its own: an ENVELOPE spelled with one
 * array per value made some forty per message, and FETCH 1:* ENVELOPE of 10,000 not yet cached
 * spent about 4 µs a message of ~8 making and joining them.
 */
export function pushNstring(out: Piece[], value: string | null, opts: StringOptions): void {
  out.push(value === null ? 'NIL' : istringPiece(value, opts));
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

/** `"text"` for ASCII we produce ourselves (media types, tags). */
export function quote(value: string): string {
  return `"${value.replace(/["\\]/g, (c) => '\\' + c)}"`;
}

/** A `{n}` literal, or `~{n}` literal8 when `binary` and the octets hold NUL (RFC 3516 §4.3). */
export function literal(bytes: Uint8Array, binary = false): Piece[] {
  return [literalHead(bytes, binary), bytes];
}

/** What goes before a literal's octets: `{n}` CRLF, or `~{n}` CRLF for a literal8 (RFC 9051 §4.3, RFC 3516 §4.3). */
export function literalHead(bytes: Uint8Array, binary = false): string {
  const prefix = binary && bytes.includes(0) ? '~' : '';
  return `${prefix}{${bytes.length}}\r\n`;
}

/**
 * A mailbox name as this session should see it: UTF-8, or modified UTF-7 for IMAP4rev1
 * (RFC 9051 Appendix A.1); bare when it is an astring (§9 mailbox = "INBOX" / astring).
 */
export function mailboxName(name: string, opts: StringOptions): Piece[] {
  const wire = opts.utf8 ? name : encodeMutf7(name);
  return isBareAstring(wire) ? [wire] : istring(wire, opts);
}

/** Pieces of a parenthesised list, with SP between the items. */
export function list(items: readonly Piece[][]): Piece[] {
  const out: Piece[] = ['('];
  items.forEach((item, i) => {
    if (i) out.push(' ');
    out.push(...item);
  });
  out.push(')');
  return out;
}
