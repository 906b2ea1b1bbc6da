/**
 * RFC 5322 §3.4 address lists into RFC 9051 §7.5.2 address structures. Tolerant of the
 * obsolete forms (§4.4: obs-route, obs-local-part with CFWS, empty list elements) and of
 * common breakage (missing `>`, missing domain, unterminated groups). Never throws.
 * Names stay as written (quotes removed, encoded words not decoded): IMAP sends header text.
 */
import type { Address } from './types.ts';
import { tokenize, type Token } from './address-tokens.ts';

function isSpecial(t: Token | undefined, c: string): boolean {
  return t !== undefined && t.kind === 'special' && t.text === c;
}

/** Words of a phrase: single spaces where the source had whitespace (obs-phrase dots kept). */
function phraseText(tokens: readonly Token[]): string {
  let out = '';
  for (const t of tokens) {
    if (t.kind === 'comment') continue;
    if (out !== '' && t.spaced) out += ' ';
    out += t.text;
  }
  return out;
}

function quoteIfNeeded(t: Token): string {
  return t.kind === 'quoted' ? `"${t.text.replace(/(["\\])/g, '\\$1')}"` : t.text;
}

/** RFC 5322 §3.4.1 addr-spec (and §4.4 obs-local-part / obs-domain: CFWS around dots dropped). */
function addrSpec(tokens: readonly Token[]): { mailbox: string; host: string } {
  const words = tokens.filter((t) => t.kind !== 'comment');
  let at = -1;
  for (let i = words.length - 1; i >= 0; i--) if (isSpecial(words[i], '@')) { at = i; break; }
  const local = (at === -1 ? words : words.slice(0, at)).map(quoteIfNeeded).join('');
  const host = at === -1 ? '' : words.slice(at + 1).map((t) => t.text).join('');
  return { mailbox: local, host };
}

/** RFC 5322 §3.4 name-addr: `[display-name] "<" [obs-route] addr-spec ">"`. */
function nameAddr(tokens: readonly Token[], open: number): Address {
  const phrase = phraseText(tokens.slice(0, open));
  let close = tokens.findIndex((t, i) => i > open && isSpecial(t, '>'));
  if (close === -1) close = tokens.length;
  let inner = tokens.slice(open + 1, close).filter((t) => t.kind !== 'comment');
  let adl: string | null = null;
  // RFC 5322 §4.4 obs-route: `@a,@b:` before the addr-spec; RFC 9051 calls it the at-domain-list.
  if (isSpecial(inner[0], '@')) {
    const colon = inner.findIndex((t) => isSpecial(t, ':'));
    if (colon !== -1) {
      adl = inner.slice(0, colon).map((t) => t.text).join('');
      inner = inner.slice(colon + 1);
    }
  }
  const spec = addrSpec(inner);
  return { name: phrase === '' ? null : phrase, adl, mailbox: spec.mailbox, host: spec.host };
}

/** One mailbox from its tokens; null when there is nothing but whitespace/comments. */
function mailbox(tokens: readonly Token[]): Address | null {
  const open = tokens.findIndex((t) => isSpecial(t, '<'));
  if (open !== -1) return nameAddr(tokens, open);
  if (!tokens.some((t) => t.kind !== 'comment')) return null;
  const spec = addrSpec(tokens);
  // Old style `user@host (Real Name)`: the comment is the only name there is.
  const comments = tokens.filter((t) => t.kind === 'comment' && t.text.trim() !== '');
  const last = comments[comments.length - 1];
  return { name: last ? last.text.trim() : null, adl: null, mailbox: spec.mailbox, host: spec.host };
}

class ListParser {
  readonly out: Address[] = [];
  private current: Token[] = [];
  private inGroup = false;
  private angle = false;

  feed(t: Token): void {
    if (t.kind === 'special' && !this.angle) {
      if (t.text === ',') return this.flush();
      if (t.text === ';') return this.endGroup();
      if (t.text === ':' && !this.inGroup) return this.startGroup();
    }
    if (isSpecial(t, '<')) this.angle = true;
    if (isSpecial(t, '>')) this.angle = false;
    this.current.push(t);
  }

  finish(): Address[] {
    this.flush();
    if (this.inGroup) this.endGroup();
    return this.out;
  }

  private flush(): void {
    const a = mailbox(this.current);
    if (a) this.out.push(a);
    this.current = [];
    this.angle = false;
  }

  /** RFC 9051 §7.5.2: group start marker has host NIL and the group name as mailbox. */
  private startGroup(): void {
    this.out.push({ name: null, adl: null, mailbox: phraseText(this.current), host: null });
    this.current = [];
    this.inGroup = true;
  }

  /** End of group marker: mailbox and host NIL. A stray `;` outside a group just ends a mailbox. */
  private endGroup(): void {
    this.flush();
    if (!this.inGroup) return;
    this.out.push({ name: null, adl: null, mailbox: null, host: null });
    this.inGroup = false;
  }
}

/** RFC 5322 §3.4 address-list (also mailbox-list, obs-addr-list).
 *  @rfc 5322#3.4 @rfc 5322#4.4 @rfc 9051#7.5.2 */
export function parseAddressList(text: string): Address[] {
  const simple = simpleMailbox(text);
  return simple ? [simple] : parseTokenized(text);
}

/** The full parser, token by token: every form RFC 5322 allows or obsoletes. */
export function parseTokenized(text: string): Address[] {
  const parser = new ListParser();
  for (const t of tokenize(text)) parser.feed(t);
  return parser.finish();
}

/** RFC 5322 §3.2.3 atext, and dot-atom-text built from it. */
const ATEXT = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
const DOT_ATOM = `${ATEXT}(?:\\.${ATEXT})*`;
/** `Word Word <local@domain>` or `local@domain`: no quotes, comments, groups, lists or dots in the name. */
const SIMPLE = new RegExp(`^(?:(${ATEXT}(?: ${ATEXT})*) <(${DOT_ATOM})@(${DOT_ATOM})>|(${DOT_ATOM})@(${DOT_ATOM}))$`);

/**
 * The one-mailbox forms most mail carries, read without tokenizing (FETCH ENVELOPE of a large
 * mailbox spends its time here); anything else goes through the full parser, which gives the
 * same answer for these (address.test.ts checks both).
 */
export function simpleMailbox(text: string): Address | null {
  const m = SIMPLE.exec(text);
  if (!m) return null;
  if (m[2] !== undefined) return { name: m[1]!, adl: null, mailbox: m[2], host: m[3]! };
  return { name: null, adl: null, mailbox: m[4]!, host: m[5]! };
}
