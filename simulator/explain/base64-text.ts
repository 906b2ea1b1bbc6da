/**
 * Base64 in SASL exchanges (RFC 4954 §4, RFC 5034 §4, RFC 9051 §6.2.2), decoded for display:
 * NUL as \0 (SASL PLAIN separates its fields with it, RFC 4616 §2), other controls and non-UTF-8
 * octets as \xNN.
 */
import { decodeBase64 } from '../wire/base64.ts';
import { strictUtf8Text } from '../wire/bytes.ts';

/** Strict base64 (RFC 4648 §4, canonical padding) of at least one quantum, or null. */
export function decodeStrict(text: string): Uint8Array | null {
  if (text.length < 4 || !/^[A-Za-z0-9+/]+={0,2}$/.test(text)) return null;
  return decodeBase64(text);
}

export function displayBytes(bytes: Uint8Array): string {
  const text = strictUtf8Text(bytes);
  if (text === null) return Array.from(bytes, (b) => (b >= 0x20 && b < 0x7f && b !== 0x5c ? String.fromCharCode(b) : hex(b))).join('');
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code === 0) out += '\\0';
    else if (ch === '\\') out += '\\\\';
    else if (code < 0x20 || code === 0x7f) out += hex(code);
    else out += ch;
  }
  return out;
}

function hex(b: number): string {
  return `\\x${b.toString(16).padStart(2, '0')}`;
}

/** True when the decoded octets read as text: printable UTF-8, with NULs allowed as separators. */
export function looksLikeText(bytes: Uint8Array): boolean {
  const text = strictUtf8Text(bytes);
  if (text === null || text.length === 0) return false;
  return !/[\x01-\x1f\x7f]/.test(text) && /[^\0]/.test(text);
}
