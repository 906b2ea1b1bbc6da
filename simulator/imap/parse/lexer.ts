/**
 * A cursor over the bytes of one complete command (its lines joined by CRLF, literals inline,
 * without the final CRLF), with the lexical rules of RFC 9051 §4 and §9.
 * Syntax errors throw `SyntaxFault` (caught by `parseCommand`, never by the server). Reaching a
 * literal whose content has not arrived yet is not an error: the cursor records what it needs
 * (`needed`) and stops there as if the command ended, and `parseCommand` returns the need.
 */
import { latin1Text, strictUtf8Text } from '../../wire/bytes.ts';

export class SyntaxFault extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SyntaxFault';
  }
}

/** What a literal holds decides its size limit: an APPEND message or any other string. */
export type LiteralPurpose = 'message' | 'string';

/** RFC 9051 §4.3: the literal the parse reached before its octets arrived. */
export interface LiteralNeed {
  size: number;
  /** `{n}`: the client waits for a continuation; `{n+}` (RFC 7888) does not. */
  sync: boolean;
  binary: boolean;
  purpose: LiteralPurpose;
}

const SP = 0x20;
const DQUOTE = 0x22;
const BACKSLASH = 0x5c;
const CR = 0x0d;
const LF = 0x0a;

/** RFC 9051 §9 atom-specials: "(" ")" "{" SP CTL list-wildcards quoted-specials resp-specials. */
const ATOM_CHARS = new Uint8Array(256).map((_, b) =>
  b > 0x20 && b < 0x7f && !'(){%*"\\]'.includes(String.fromCharCode(b)) ? 1 : 0,
);

export function isAtomChar(b: number): boolean {
  return ATOM_CHARS[b] === 1;
}

/** RFC 9051 §9 ASTRING-CHAR = ATOM-CHAR / resp-specials. */
export function isAstringChar(b: number): boolean {
  return isAtomChar(b) || b === 0x5d;
}

/** RFC 9051 §9 list-char = ATOM-CHAR / list-wildcards / resp-specials. */
export function isListChar(b: number): boolean {
  return isAstringChar(b) || b === 0x25 || b === 0x2a;
}

/** Shows a byte to a learner: `"x"`, `end of line`, or `0x07`. */
export function describeByte(b: number | undefined): string {
  if (b === undefined) return 'end of line';
  if (b === CR || b === LF) return 'a line break';
  if (b === SP) return 'a space';
  if (b > 0x20 && b < 0x7f) return `"${String.fromCharCode(b)}"`;
  if (b >= 0x80) return `the 8-bit byte 0x${b.toString(16)} (8-bit text must be "quoted" or a literal)`;
  return `byte 0x${b.toString(16).padStart(2, '0')}`;
}

export class Cursor {
  pos = 0;
  /** Set when the parse reached the pending literal: the command needs these octets first. */
  needed: LiteralNeed | null = null;

  /**
   * @param pendingAt where a literal whose octets have not arrived yet would start (the buffer
   *   end while the reader probes a command line that ends in a literal header), or -1.
   */
  constructor(
    readonly buf: Uint8Array,
    readonly pendingAt = -1,
  ) {}

  peek(offset = 0): number | undefined {
    return this.buf[this.pos + offset];
  }

  atEnd(): boolean {
    return this.pos >= this.buf.length;
  }

  fail(expected: string): never {
    throw new SyntaxFault(`expected ${expected}, got ${this.describeHere()}`);
  }

  describeHere(): string {
    if (this.atEnd()) return 'end of line';
    const word = this.preview();
    return word.length > 1 ? `"${word}"` : describeByte(this.peek());
  }

  /** Up to 20 printable bytes from here, for error messages. */
  private preview(): string {
    let out = '';
    for (let i = this.pos; i < this.buf.length && out.length < 20; i++) {
      const b = this.buf[i]!;
      if (b <= SP || b >= 0x7f) break;
      out += String.fromCharCode(b);
    }
    return out;
  }

  /** Consumes `b` if it is next. */
  accept(b: number): boolean {
    if (this.peek() !== b) return false;
    this.pos++;
    return true;
  }

  expectByte(b: number, what: string): void {
    if (!this.accept(b)) this.fail(what);
  }

  /** RFC 9051 §9 note 2: exactly one SP, never other whitespace. */
  sp(after: string): void {
    if (!this.accept(SP)) this.fail(`a space after ${after}`);
  }

  end(): void {
    if (!this.atEnd()) this.fail('end of line');
  }

  /** 1* bytes matching `pred`, as ASCII text. */
  token(pred: (b: number) => boolean, what: string): string {
    const start = this.pos;
    while (!this.atEnd() && pred(this.buf[this.pos]!)) this.pos++;
    if (this.pos === start) this.fail(what);
    return latin1Text(this.buf.subarray(start, this.pos));
  }

  atom(what = 'an atom'): string {
    return this.token(isAtomChar, what);
  }

  /** An atom compared case-insensitively: returns it upper-cased. */
  keyword(what: string): string {
    return this.token(isAtomChar, what).toUpperCase();
  }

  /** Consumes `word` (case-insensitive) if it is next and followed by a non-atom char. */
  acceptWord(word: string): boolean {
    for (let i = 0; i < word.length; i++) {
      const b = this.peek(i);
      if (b === undefined || String.fromCharCode(b).toUpperCase() !== word[i]) return false;
    }
    const after = this.peek(word.length);
    if (after !== undefined && isAtomChar(after)) return false;
    this.pos += word.length;
    return true;
  }

  /** RFC 9051 §9 number: 1*DIGIT, kept within JavaScript's exact integers. */
  number(what = 'a number'): number {
    const digits = this.token((b) => b >= 0x30 && b <= 0x39, what);
    const n = Number(digits);
    if (!Number.isSafeInteger(n)) throw new SyntaxFault(`${what} is too large: ${digits}`);
    return n;
  }

  nzNumber(what = 'a non-zero number'): number {
    const start = this.pos;
    const n = this.number(what);
    if (n === 0) {
      this.pos = start;
      this.fail(what);
    }
    return n;
  }

  /** RFC 9051 §4.3: astring = atom-ish / quoted / literal; returned as raw bytes. */
  astringBytes(what: string, isChar: (b: number) => boolean = isAstringChar): Uint8Array {
    const b = this.peek();
    if (b === DQUOTE) return this.quoted();
    if (b === 0x7b) return this.literal('string');
    const start = this.pos;
    while (!this.atEnd() && isChar(this.buf[this.pos]!)) this.pos++;
    if (this.pos === start) this.fail(what);
    return this.buf.subarray(start, this.pos);
  }

  astring(what: string): string {
    return text(this.astringBytes(what), what);
  }

  /** RFC 9051 §4.3 string = quoted / literal. */
  string(what: string): string {
    const b = this.peek();
    if (b === DQUOTE) return text(this.quoted(), what);
    if (b === 0x7b) return text(this.literal('string'), what);
    this.fail(what);
  }

  /** RFC 9051 §4.5: nstring = string / NIL. */
  nstring(what: string): string | null {
    if (this.acceptWord('NIL')) return null;
    return this.string(`${what} or NIL`);
  }

  /** RFC 9051 §4.3.1: quoted-specials only after a backslash; no CR or LF inside. */
  quoted(): Uint8Array {
    this.expectByte(DQUOTE, 'a quoted string');
    const out: number[] = [];
    for (;;) {
      const b = this.peek();
      if (b === undefined || b === CR || b === LF) this.fail('a closing quote (")');
      this.pos++;
      if (b === DQUOTE) return Uint8Array.from(out);
      if (b === 0) throw new SyntaxFault('NUL is not allowed in a quoted string');
      if (b === BACKSLASH) {
        const next = this.peek();
        if (next !== DQUOTE && next !== BACKSLASH) {
          throw new SyntaxFault(`only \\" and \\\\ may follow a backslash in a quoted string, got ${describeByte(next)}`);
        }
        this.pos++;
        out.push(next);
      } else {
        out.push(b);
      }
    }
  }

  /**
   * RFC 9051 §4.3 literal `{n}` / `{n+}` CRLF n octets; `~{n}` literal8 only where `binaryOk`
   * (RFC 3516: APPEND). A literal whose octets end at or past the buffer end is pending.
   */
  literal(purpose: LiteralPurpose, binaryOk = false): Uint8Array {
    return this.literalWithKind(purpose, binaryOk).bytes;
  }

  literalWithKind(purpose: LiteralPurpose, binaryOk: boolean): { bytes: Uint8Array; binary: boolean } {
    const binary = this.accept(0x7e);
    if (binary && !binaryOk) throw new SyntaxFault('a literal8 (~{n}) is only allowed for the APPEND message');
    this.expectByte(0x7b, 'a literal ({n})');
    const size = this.number('the literal size');
    const sync = !this.accept(0x2b);
    this.expectByte(0x7d, 'a closing brace (}) after the literal size');
    if (!this.accept(CR) || !this.accept(LF)) this.fail('a line break after the literal header');
    if (this.pos === this.pendingAt) {
      // Need more bytes: note it and stop here; whatever the parser says next is moot.
      this.needed = { size, sync, binary, purpose };
      this.pos = this.buf.length;
      return { bytes: new Uint8Array(0), binary };
    }
    if (this.pos + size > this.buf.length) throw new SyntaxFault('the literal is shorter than its announced size');
    const bytes = this.buf.subarray(this.pos, this.pos + size);
    this.pos += size;
    if (!binary && bytes.includes(0)) throw new SyntaxFault('NUL is not allowed in a literal (use ~{n} for binary)');
    return { bytes, binary };
  }
}

/** IMAP strings are UTF-8 (RFC 9051 §4.3: "8-bit ... UTF-8"); anything else is refused. */
export function text(bytes: Uint8Array, what: string): string {
  const s = strictUtf8Text(bytes);
  if (s === null) throw new SyntaxFault(`${what} is not valid UTF-8`);
  return s;
}
