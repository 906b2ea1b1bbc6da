/** The data values of IMAP responses (RFC 9051 §4): what `encodeValue` writes and `decodeValues` reads. */

export type ImapValue =
  /** NIL (RFC 9051 §4.5). */
  | null
  /** A non-negative integer (RFC 9051 §4.2). */
  | number
  /** A string: quoted when it can be, else a literal (RFC 9051 §4.3). */
  | string
  /** Written verbatim: atoms, flags (`\Seen`), keywords, response labels like `BODY[TEXT]<0>`. */
  | { atom: string }
  /** An astring: bare when every character is an ASTRING-CHAR, else a string (RFC 9051 §9 astring). */
  | { astring: string }
  /** Octets as a literal; `binary` (or a NUL among them) makes it a literal8 `~{n}` (RFC 3516). */
  | { literal: Uint8Array; binary?: boolean }
  /** A parenthesised list (RFC 9051 §4.4). */
  | readonly ImapValue[];

export interface EncodeOptions {
  /**
   * 8-bit UTF-8 may go in quoted strings: the client ENABLEd IMAP4rev2 or UTF8=ACCEPT.
   * RFC 9051 Appendix E: until then UTF-8 text goes as a literal.
   */
  utf8: boolean;
  /** Strings longer than this go as literals (easier to read on a terminal, and no escaping). */
  maxQuoted: number;
}

export const DEFAULT_ENCODE_OPTIONS: EncodeOptions = { utf8: false, maxQuoted: 1000 };
