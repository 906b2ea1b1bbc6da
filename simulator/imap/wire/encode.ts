/**
 * IMAP values to octets (RFC 9051 §4): atoms, numbers, quoted strings with `"` and `\` escaped,
 * literals for what cannot be quoted (CR, LF, 8-bit before UTF-8 is enabled, long text), NIL,
 * and parenthesised lists.
 */
import { concatBytes, utf8Bytes } from '../../wire/bytes.ts';
import { isAstringChar } from '../parse/lexer.ts';
import { encodeMutf7 } from './mutf7.ts';
import { DEFAULT_ENCODE_OPTIONS, type EncodeOptions, type ImapValue } from './value.ts';

/** Whether `text` can be a quoted string (RFC 9051 §9 quoted: TEXT-CHARs, UTF-8 only if allowed). */
export function canQuote(text: string, opts: EncodeOptions = DEFAULT_ENCODE_OPTIONS): boolean {
  if (text.length > opts.maxQuoted) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0 || c === 0x0a || c === 0x0d) return false;
    if (c >= 0x80 && !opts.utf8) return false;
  }
  return true;
}

/** `"text"` with the quoted-specials escaped (RFC 9051 §4.3.1). */
export function quoteString(text: string): string {
  return `"${text.replace(/["\\]/g, (ch) => `\\${ch}`)}"`;
}

/**
 * RFC 9051 §9 astring without quoting: 1*ASTRING-CHAR. NIL would read as NIL, not a string, and
 * "[" is quoted too: clients read a bare "[" as the start of a section like `BODY[1]`.
 */
export function isBareAstring(text: string): boolean {
  if (!text.length || text.toUpperCase() === 'NIL' || text.includes('[')) return false;
  for (let i = 0; i < text.length; i++) if (!isAstringChar(text.charCodeAt(i))) return false;
  return true;
}

function literalHeader(length: number, binary: boolean): string {
  return `${binary ? '~' : ''}{${length}}\r\n`;
}

function checkAtom(atom: string): string {
  // Our own misuse: an atom with a line break would let data forge a response line.
  if (!atom.length || /[\r\n\0]/.test(atom)) throw new Error(`not an atom: ${JSON.stringify(atom)}`);
  return atom;
}

function isList(v: ImapValue): v is readonly ImapValue[] {
  return Array.isArray(v);
}

/** Appends the wire form of `v` to `out` (strings and byte arrays, joined once at the end). */
function encodeInto(v: ImapValue, opts: EncodeOptions, out: Array<string | Uint8Array>): void {
  if (v === null) out.push('NIL');
  else if (typeof v === 'number') {
    if (!Number.isSafeInteger(v) || v < 0) throw new Error(`not an IMAP number: ${v}`);
    out.push(String(v));
  } else if (typeof v === 'string') {
    // NUL cannot appear in a quoted string or literal (RFC 9051 §9 CHAR8): it is dropped.
    const text = v.includes('\0') ? v.replace(/\0/g, '') : v;
    if (canQuote(text, opts)) out.push(quoteString(text));
    else {
      const bytes = utf8Bytes(text);
      out.push(literalHeader(bytes.length, false), bytes);
    }
  } else if (isList(v)) {
    out.push('(');
    v.forEach((item: ImapValue, i: number) => {
      if (i) out.push(' ');
      encodeInto(item, opts, out);
    });
    out.push(')');
  } else if ('atom' in v) out.push(checkAtom(v.atom));
  else if ('astring' in v) {
    if (isBareAstring(v.astring)) out.push(v.astring);
    else encodeInto(v.astring, opts, out);
  } else {
    // RFC 9051 §9: a literal holds CHAR8 (no NUL); octets with NUL can only go as literal8.
    const binary = v.binary === true || v.literal.includes(0);
    out.push(literalHeader(v.literal.length, binary), v.literal);
  }
}

function join(parts: Array<string | Uint8Array>): Uint8Array {
  return concatBytes(parts.map((p) => (typeof p === 'string' ? utf8Bytes(p) : p)));
}

export function encodeValue(v: ImapValue, opts: EncodeOptions = DEFAULT_ENCODE_OPTIONS): Uint8Array {
  const out: Array<string | Uint8Array> = [];
  encodeInto(v, opts, out);
  return join(out);
}

/** Values separated by single spaces, as in the body of a response line. */
export function encodeValues(values: readonly ImapValue[], opts: EncodeOptions = DEFAULT_ENCODE_OPTIONS): Uint8Array {
  const out: Array<string | Uint8Array> = [];
  values.forEach((v, i) => {
    if (i) out.push(' ');
    encodeInto(v, opts, out);
  });
  return join(out);
}

/**
 * A mailbox name as this session must see it: UTF-8 once IMAP4rev2 or UTF8=ACCEPT is enabled
 * (RFC 9051 §5.1), modified UTF-7 for an IMAP4rev1 client (RFC 9051 Appendix A.1).
 */
export function mailboxValue(name: string, utf8: boolean): ImapValue {
  return { astring: utf8 ? name : encodeMutf7(name) };
}
