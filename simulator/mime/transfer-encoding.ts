/** RFC 2045 §6 Content-Transfer-Encoding decoders. */

const B64 = new Int16Array(256).fill(-1);
'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'.split('').forEach((c, i) => {
  B64[c.charCodeAt(0)] = i;
});

/**
 * RFC 2045 §6.8: "All line breaks or other characters not found in Table 1 must be ignored by
 * decoding software"; decoding stops at the first `=` pad.
 */
export function decodeBase64(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(Math.floor((bytes.length * 3) / 4) + 3);
  let n = 0;
  let acc = 0;
  let bits = 0;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i] as number;
    if (c === 0x3d) break;
    const v = B64[c] as number;
    if (v < 0) continue;
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[n++] = (acc >> bits) & 0xff;
    }
  }
  return out.slice(0, n);
}

function hexValue(c: number | undefined): number {
  if (c === undefined) return -1;
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  return -1;
}

function isWsp(c: number | undefined): boolean {
  return c === 0x20 || c === 0x09;
}

/**
 * RFC 2045 §6.7 quoted-printable. Rule 3: trailing whitespace on a line "MUST be deleted";
 * rule 5: `=` at line end is a soft break; a malformed `=` is kept literally (robustness note).
 */
export function decodeQuotedPrintable(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length);
  let n = 0;
  let i = 0;
  while (i < bytes.length) {
    const c = bytes[i] as number;
    if (c === 0x3d) {
      const hi = hexValue(bytes[i + 1]);
      const lo = hexValue(bytes[i + 2]);
      if (hi >= 0 && lo >= 0) {
        out[n++] = (hi << 4) | lo;
        i += 3;
        continue;
      }
      let j = i + 1;
      while (isWsp(bytes[j])) j++;
      if (bytes[j] === 0x0d && bytes[j + 1] === 0x0a) j++;
      if (bytes[j] === 0x0a || j >= bytes.length) {
        i = j + 1;
        continue;
      }
      out[n++] = c;
      i++;
    } else if (isWsp(c)) {
      let j = i;
      while (isWsp(bytes[j])) j++;
      const atLineEnd = j >= bytes.length || bytes[j] === 0x0a || (bytes[j] === 0x0d && bytes[j + 1] === 0x0a);
      if (!atLineEnd) for (; i < j; i++) out[n++] = bytes[i] as number;
      i = j;
    } else {
      out[n++] = c;
      i++;
    }
  }
  return out.slice(0, n);
}

/** Decodes a body by its Content-Transfer-Encoding; null when the encoding is unknown (IMAP UNKNOWN-CTE).
 *  @rfc 2045#6 @rfc 9051#6.4.5 */
export function decodeBody(bytes: Uint8Array, encoding: string): Uint8Array | null {
  switch (encoding.trim().toLowerCase()) {
    case '':
    case '7bit':
    case '8bit':
    case 'binary':
      return bytes;
    case 'base64':
      return decodeBase64(bytes);
    case 'quoted-printable':
      return decodeQuotedPrintable(bytes);
    default:
      return null;
  }
}
