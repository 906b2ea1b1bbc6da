/**
 * Charset decoding for MIME text (RFC 2046 §4.1.2 charset parameter). UTF-8, US-ASCII,
 * ISO-8859-1 and windows-1252 are decoded here so the result does not depend on the
 * platform's ICU; other labels go to TextDecoder when it knows them.
 */
import { latin1Text, strictUtf8Text, utf8Text } from '../wire/bytes.ts';

/** windows-1252 0x80-0x9F (WHATWG index); undefined slots stay as the C1 control. */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d,
  0x017d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a,
  0x0153, 0x9d, 0x017e, 0x0178,
];

function cp1252Text(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += String.fromCharCode(b >= 0x80 && b < 0xa0 ? (CP1252_HIGH[b - 0x80] as number) : b);
  return out;
}

const decoders = new Map<string, TextDecoder | null>();

function platformDecoder(label: string): TextDecoder | null {
  if (!decoders.has(label)) {
    let d: TextDecoder | null = null;
    try {
      d = new TextDecoder(label, { fatal: false });
    } catch {
      d = null;
    }
    decoders.set(label, d);
  }
  return decoders.get(label) ?? null;
}

/** Unknown or unlabelled 8-bit text: UTF-8 if it is valid, else windows-1252 (what mail really is). */
function guess(bytes: Uint8Array): string {
  return strictUtf8Text(bytes) ?? cp1252Text(bytes);
}

/** Decodes `bytes` in `charset` (case-insensitive label). Never throws. */
export function decodeCharset(bytes: Uint8Array, charset: string | null | undefined): string {
  const label = (charset ?? '').trim().toLowerCase().replace(/^"|"$/g, '');
  switch (label) {
    case 'utf-8':
    case 'utf8':
      return utf8Text(bytes);
    case 'us-ascii':
    case 'ascii':
    case '':
      return guess(bytes);
    case 'iso-8859-1':
    case 'iso8859-1':
    case 'iso_8859-1':
    case 'latin1':
    case 'l1':
      return latin1Text(bytes);
    case 'windows-1252':
    case 'cp1252':
      return cp1252Text(bytes);
    default: {
      const d = platformDecoder(label);
      return d ? d.decode(bytes) : guess(bytes);
    }
  }
}
