/**
 * RFC 4648 §4 base64 with the standard alphabet and padding, on Uint8Array (no Buffer, no atob:
 * the simulator core must not depend on either).
 *
 * The decoder is strict, as SASL needs: @rfc 4648#3.3 "Implementations MUST reject the encoded
 * data if it contains characters outside the base alphabet", and RFC 5034 §4 forbids "=" anywhere
 * but the end. Use `decodeBase64Lenient` for MIME bodies, where line breaks are part of the data.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** char code → 6-bit value, or -1 outside the alphabet. */
const VALUES = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) VALUES[ALPHABET.charCodeAt(i)] = i;

export function encodeBase64(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]! + ALPHABET[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i]! << 16;
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + '==';
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]! + '=';
  }
  return out;
}

/**
 * Decodes canonical base64: length a multiple of 4, only alphabet characters, at most two "="
 * and only at the end, and zero pad bits (@rfc 4648#3.5: a decoder MAY reject non-zero pad bits;
 * we do, so that every byte string has exactly one accepted encoding). Returns null otherwise.
 */
export function decodeBase64(text: string): Uint8Array | null {
  if (text.length % 4 !== 0) return null;
  const pad = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((text.length / 4) * 3 - pad);
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    const last = i + 4 === text.length;
    const a = value(text, i);
    const b = value(text, i + 1);
    const c = last && pad === 2 ? 0 : value(text, i + 2);
    const d = last && pad >= 1 ? 0 : value(text, i + 3);
    if (a < 0 || b < 0 || c < 0 || d < 0) return null;
    const n = (a << 18) | (b << 12) | (c << 6) | d;
    if (last && pad === 2 && (n & 0xffff) !== 0) return null;
    if (last && pad === 1 && (n & 0xff) !== 0) return null;
    out[o++] = n >> 16;
    if (o < out.length) out[o++] = (n >> 8) & 0xff;
    if (o < out.length) out[o++] = n & 0xff;
  }
  return out;
}

/**
 * RFC 2045 §6.8: "All line breaks or other characters not found in Table 1 must be ignored by
 * decoding software"; decoding stops at the first "=". Never fails.
 */
export function decodeBase64Lenient(text: string): Uint8Array {
  let clean = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0x3d) break;
    if (ch < 128 && VALUES[ch]! >= 0) clean += text[i];
  }
  const whole = clean.length - (clean.length % 4);
  const tail = clean.slice(whole);
  // A lone trailing sextet carries no complete octet; 2 or 3 sextets carry 1 or 2.
  const padded = tail.length === 2 ? tail + '==' : tail.length === 3 ? tail + '=' : '';
  const head = decodeBase64(clean.slice(0, whole)) ?? new Uint8Array(0);
  const end = padded ? (decodeBase64Loose(padded) ?? new Uint8Array(0)) : new Uint8Array(0);
  const out = new Uint8Array(head.length + end.length);
  out.set(head);
  out.set(end, head.length);
  return out;
}

/** Like decodeBase64 but ignores non-zero pad bits (for the lenient tail only). */
function decodeBase64Loose(quad: string): Uint8Array | null {
  const a = value(quad, 0);
  const b = value(quad, 1);
  const c = quad[2] === '=' ? 0 : value(quad, 2);
  if (a < 0 || b < 0 || c < 0) return null;
  const n = (a << 18) | (b << 12) | (c << 6);
  return quad[2] === '=' ? Uint8Array.of(n >> 16) : Uint8Array.of(n >> 16, (n >> 8) & 0xff);
}

function value(text: string, i: number): number {
  const ch = text.charCodeAt(i);
  return ch < 128 ? VALUES[ch]! : -1;
}
