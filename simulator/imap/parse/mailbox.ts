/**
 * Mailbox names and LIST patterns: RFC 9051 §5.1 (UTF-8 names), Appendix A.1 / RFC 3501 §5.1.3
 * (modified UTF-7 for IMAP4rev1 clients), and "INBOX" being case-insensitive.
 */
import { decodeMutf7 } from '../wire/mutf7.ts';
import { Cursor, SyntaxFault, isListChar, text } from './lexer.ts';

export interface NameOptions {
  /**
   * The session treats names as UTF-8 only (IMAP4rev2 or UTF8=ACCEPT enabled, RFC 9051 §5.1):
   * "&" is then an ordinary character.
   */
  utf8Names: boolean;
}

/**
 * Turns a name as sent into the stored Unicode name. ASCII names from an IMAP4rev1 session are
 * modified UTF-7; 8-bit names are UTF-8 (RFC 9051 §5.1) and taken as they are.
 */
export function decodeName(bytes: Uint8Array, what: string, opts: NameOptions): string {
  const name = text(bytes, what);
  if (opts.utf8Names || bytes.some((b) => b >= 0x80)) return name;
  if (!name.includes('&')) return name;
  const decoded = decodeMutf7(name);
  if (decoded === null) {
    throw new SyntaxFault(`${what} "${name}" is not valid modified UTF-7 (write "&" as "&-")`);
  }
  return decoded;
}

/**
 * RFC 9051 §9 mailbox = "INBOX" / astring; "INBOX" in any case means INBOX (§5.1).
 * @rfc 9051#5.1
 */
export function parseMailbox(c: Cursor, opts: NameOptions, what = 'a mailbox name'): string {
  const name = decodeName(c.astringBytes(what), what, opts);
  return name.toUpperCase() === 'INBOX' ? 'INBOX' : name;
}

/** RFC 9051 §9 list-mailbox = 1*list-char / string: may hold the wildcards % and *. */
export function parseListMailbox(c: Cursor, opts: NameOptions, what = 'a mailbox pattern'): string {
  const name = decodeName(c.astringBytes(what, isListChar), what, opts);
  return name.toUpperCase() === 'INBOX' ? 'INBOX' : name;
}
