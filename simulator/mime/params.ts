/**
 * RFC 2045 §5.1 Content-Type and RFC 2183 Content-Disposition values: `type/subtype; name=value`.
 * Tolerant of RFC 822 comments, unquoted values with spaces and stray semicolons.
 */
import { decodeCharset } from './charset.ts';

export interface ParsedContentType {
  type: string;
  subtype: string;
  params: Record<string, string>;
}

/** RFC 2045 §5.1 tspecials plus SP and CTLs end a token. */
const TOKEN = /^[^\s()<>@,;:\\"/[\]?=\x00-\x1f\x7f]+/;

/** Removes RFC 822 comments outside quoted strings (nested comments allowed). */
export function stripComments(text: string): string {
  if (text.indexOf('(') === -1) return text;
  let out = '';
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === '\\' && (quoted || depth > 0)) {
      if (depth === 0) out += c + (text[i + 1] ?? '');
      i++;
    } else if (quoted) {
      out += c;
      if (c === '"') quoted = false;
    } else if (c === '(') depth++;
    else if (c === ')' && depth > 0) depth--;
    else if (depth === 0) {
      if (c === '"') quoted = true;
      out += c;
    }
  }
  return out;
}

/** `type/subtype; params` (Content-Type); null when the type is not syntactically valid. */
export function parseContentType(value: string): ParsedContentType | null {
  const text = stripComments(value).trim();
  const m = /^([^\s/;]+)\s*\/\s*([^\s;]+)\s*(?:;|$)/.exec(text);
  if (!m || !TOKEN.test(m[1] as string) || !TOKEN.test(m[2] as string)) return null;
  return {
    type: (m[1] as string).toLowerCase(),
    subtype: (m[2] as string).toLowerCase(),
    params: parseParams(text.slice(m[0].length)),
  };
}

/** `value; params` (Content-Disposition, RFC 2183 §2); null when there is no type token. */
export function parseDisposition(value: string): { type: string; params: Record<string, string> } | null {
  const text = stripComments(value).trim();
  const m = /^([^\s;]+)\s*(?:;|$)/.exec(text);
  if (!m) return null;
  return { type: (m[1] as string).toLowerCase(), params: parseParams(text.slice(m[0].length)) };
}

/** Reads `name=value` pairs separated by `;`; RFC 2231 sections are joined afterwards. */
export function parseParams(text: string): Record<string, string> {
  const raw: Array<[string, string]> = [];
  let pos = 0;
  while (pos < text.length) {
    const m = /^[\s;]*([^\s=;]+)\s*=\s*/.exec(text.slice(pos));
    if (!m) break;
    pos += m[0].length;
    const { value, next } = readValue(text, pos);
    raw.push([(m[1] as string).toLowerCase(), value]);
    pos = next;
  }
  return joinRfc2231(raw);
}

function readValue(text: string, pos: number): { value: string; next: number } {
  if (text[pos] === '"') {
    let value = '';
    let i = pos + 1;
    for (; i < text.length && text[i] !== '"'; i++) {
      if (text[i] === '\\' && i + 1 < text.length) i++;
      value += text[i];
    }
    return { value, next: i + 1 };
  }
  // Tolerant: an unquoted value runs to the next `;` (real mail has unquoted spaces in names).
  const semi = text.indexOf(';', pos);
  const end = semi === -1 ? text.length : semi;
  return { value: text.slice(pos, end).trim(), next: end };
}

interface Section {
  index: number;
  encoded: boolean;
  value: string;
}

/**
 * RFC 2231 §3-4: `name*0`, `name*1*`… are joined in order; `name*` / `name*0*` carry
 * `charset'language'%XX` and are decoded to text.
 */
function joinRfc2231(raw: ReadonlyArray<[string, string]>): Record<string, string> {
  const out: Record<string, string> = {};
  let sections: Map<string, Section[]> | null = null;
  for (const [name, value] of raw) {
    const m = name.indexOf('*') === -1 ? null : /^(.+?)\*(?:(\d{1,3})(\*)?)?$/.exec(name);
    if (!m) {
      if (!(name in out)) out[name] = value;
      continue;
    }
    sections ??= new Map();
    const base = m[1] as string;
    const index = m[2] === undefined ? 0 : Number(m[2]);
    const encoded = m[2] === undefined ? true : m[3] === '*';
    const list = sections.get(base) ?? [];
    list.push({ index, encoded, value });
    sections.set(base, list);
  }
  for (const [base, list] of sections ?? []) out[base] = decodeSections(list.sort((a, b) => a.index - b.index));
  return out;
}

function decodeSections(list: readonly Section[]): string {
  let charset = 'us-ascii';
  const bytes: number[] = [];
  list.forEach((s, i) => {
    let value = s.value;
    if (i === 0 && s.encoded) {
      const m = /^([^']*)'[^']*'/.exec(value);
      if (m) {
        charset = m[1] || 'us-ascii';
        value = value.slice(m[0].length);
      }
    }
    if (s.encoded) pushPercentDecoded(bytes, value);
    else for (const b of new TextEncoder().encode(value)) bytes.push(b);
  });
  return decodeCharset(Uint8Array.from(bytes), charset);
}

function pushPercentDecoded(out: number[], text: string): void {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x25 && /^[0-9a-fA-F]{2}$/.test(text.slice(i + 1, i + 3))) {
      out.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (c < 0x80) out.push(c);
    else for (const b of new TextEncoder().encode(text[i] as string)) out.push(b);
  }
}
