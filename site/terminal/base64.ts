/**
 * Base64 (RFC 4648 §4) for the `/base64` command, with C-style escapes so that the NUL bytes of
 * AUTH PLAIN (RFC 4616 §2: `[authzid] NUL authcid NUL passwd`) can be typed as `\0`.
 */
import { decodeBase64Lenient } from '../../simulator/wire/base64.ts';

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

/** `\0` NUL, `\n`, `\r`, `\t`, `\\` and `\xHH`; any other backslash is an error, not a guess. */
export function unescapeText(text: string): Result<Uint8Array> {
  const parts: number[] = [];
  const encoder = new TextEncoder();
  let i = 0;
  while (i < text.length) {
    const ch = text[i] ?? '';
    if (ch !== '\\') {
      const cp = text.codePointAt(i) ?? 0;
      const s = String.fromCodePoint(cp);
      parts.push(...encoder.encode(s));
      i += s.length;
      continue;
    }
    const next = text[i + 1];
    const simple: Record<string, number> = { '0': 0, n: 0x0a, r: 0x0d, t: 0x09, '\\': 0x5c };
    if (next !== undefined && next in simple) {
      parts.push(simple[next] ?? 0);
      i += 2;
    } else if (next === 'x' && /^[0-9a-fA-F]{2}$/.test(text.slice(i + 2, i + 4))) {
      parts.push(parseInt(text.slice(i + 2, i + 4), 16));
      i += 4;
    } else {
      return { ok: false, error: `unknown escape "\\${next ?? ''}" (use \\0 \\n \\r \\t \\\\ or \\xHH)` };
    }
  }
  return { ok: true, value: Uint8Array.from(parts) };
}

/** Shows bytes as text with the same escapes, so decoding AUTH PLAIN shows `\0alice\0…`. */
export function escapeBytes(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return Array.from(bytes, (b) => (b >= 0x20 && b < 0x7f ? escapeChar(String.fromCharCode(b)) : hex(b))).join('');
  }
  return Array.from(text, escapeChar).join('');
}

function hex(b: number): string {
  return `\\x${b.toString(16).padStart(2, '0')}`;
}

function escapeChar(c: string): string {
  switch (c) {
    case '\0': return '\\0';
    case '\n': return '\\n';
    case '\r': return '\\r';
    case '\t': return '\\t';
    case '\\': return '\\\\';
    default: {
      const code = c.codePointAt(0) ?? 0;
      return code < 0x20 || code === 0x7f ? hex(code) : c;
    }
  }
}

/**
 * Typed base64 for `/base64 -d`, with a message for what is wrong (RFC 4648 §3.3: reject
 * characters outside the alphabet). Missing `=` padding is accepted, since the length alone says
 * how many bytes the last group holds; the decoding itself is wire/base64.ts's.
 */
export function readBase64(text: string): Result<Uint8Array> {
  const body = text.replace(/=+$/, '');
  if (text.length - body.length > 2) return { ok: false, error: 'too much "=" padding' };
  const bad = Array.from(body).find((c) => !/^[A-Za-z0-9+/]$/.test(c));
  if (bad !== undefined) return { ok: false, error: `"${bad}" is not a Base64 character` };
  if (body.length % 4 === 1) return { ok: false, error: `length ${body.length} cannot be Base64` };
  if (text.length !== body.length && text.length % 4 !== 0) return { ok: false, error: 'wrong "=" padding' };
  return { ok: true, value: decodeBase64Lenient(body) };
}
