/** RFC 5322 §3.2 lexical tokens for address parsing: atoms, quoted strings, domain literals, specials. */

export type TokenKind = 'atom' | 'quoted' | 'literal' | 'special' | 'comment';

export interface Token {
  kind: TokenKind;
  /** atom text; quoted-string content (escapes removed); `[...]` literal as written; the special char. */
  text: string;
  /** Whitespace or a comment came before this token (phrases keep single spaces there). */
  spaced: boolean;
}

/** RFC 5322 §3.2.3 specials (the dot is a special too; obs-phrase allows it in names). */
const SPECIALS = '()<>[]:;@\\,."';

function readQuoted(text: string, pos: number): { value: string; next: number } {
  let value = '';
  let i = pos + 1;
  for (; i < text.length && text[i] !== '"'; i++) {
    // RFC 5322 §3.2.1 quoted-pair; §3.2.2 FWS inside quotes unfolds to its WSP.
    if (text[i] === '\\' && i + 1 < text.length) i++;
    if (text[i] !== '\r' && text[i] !== '\n') value += text[i];
  }
  return { value, next: i + 1 };
}

function readComment(text: string, pos: number): { value: string; next: number } {
  let depth = 0;
  let value = '';
  let i = pos;
  for (; i < text.length; i++) {
    const c = text[i] as string;
    if (c === '\\' && i + 1 < text.length) {
      value += text[++i];
      continue;
    }
    if (c === '(') depth++;
    else if (c === ')') depth--;
    if (depth === 0) break;
    if (!(c === '(' && depth === 1)) value += c;
  }
  return { value, next: i + 1 };
}

/** Splits a header value into tokens. Never throws; unknown octets become atom text. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let spaced = false;
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n') {
      spaced = true;
      i++;
      continue;
    }
    if (c === '(') {
      const r = readComment(text, i);
      tokens.push({ kind: 'comment', text: r.value, spaced });
      spaced = true;
      i = r.next;
      continue;
    }
    if (c === '"') {
      const r = readQuoted(text, i);
      tokens.push({ kind: 'quoted', text: r.value, spaced });
      i = r.next;
    } else if (c === '[') {
      const close = text.indexOf(']', i);
      const next = close === -1 ? text.length : close + 1;
      tokens.push({ kind: 'literal', text: text.slice(i, next), spaced });
      i = next;
    } else if (SPECIALS.includes(c)) {
      tokens.push({ kind: 'special', text: c, spaced });
      i++;
    } else {
      let j = i + 1;
      while (j < text.length && !SPECIALS.includes(text[j] as string) && !/\s/.test(text[j] as string)) j++;
      tokens.push({ kind: 'atom', text: text.slice(i, j), spaced });
      i = j;
    }
    spaced = false;
  }
  return tokens;
}
