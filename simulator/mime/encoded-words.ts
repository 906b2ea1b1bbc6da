/**
 * RFC 2047 encoded words in header text: `=?charset?B|Q?text?=`. Malformed words are left as
 * written (§6.3 "any 'encoded-word' ... which is not correctly formed ... displayed as is").
 */
import { decodeCharset } from './charset.ts';
import { decodeBase64 } from './transfer-encoding.ts';

/** RFC 2047 §2 encoded-word; charset may carry an RFC 2231 §5 `*language` suffix. */
const WORD = /=\?([^?\s()<>@,;:"/[\]=]+)\?([bBqQ])\?([^?\s]*)\?=/g;

interface Decoded {
  charset: string;
  bytes: Uint8Array;
}

/** RFC 2047 §4.2 Q: `_` is SP, `=XX` an octet; anything else itself. */
function decodeQ(text: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5f) out.push(0x20);
    else if (c === 0x3d && /^[0-9a-fA-F]{2}$/.test(text.slice(i + 1, i + 3))) {
      out.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else out.push(c & 0xff);
  }
  return Uint8Array.from(out);
}

function decodeWord(charset: string, encoding: string, text: string): Decoded | null {
  const cs = (charset.split('*')[0] ?? '').toLowerCase();
  if (encoding === 'b' || encoding === 'B') {
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return null;
    const bytes = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    return { charset: cs, bytes: decodeBase64(bytes) };
  }
  return { charset: cs, bytes: decodeQ(text) };
}

function joinBytes(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/**
 * Decodes every encoded word. RFC 2047 §6.2: "any 'linear-white-space' that separates a pair
 * of adjacent 'encoded-word's is ignored". Adjacent words in the same charset are joined as
 * octets first, so a multi-byte character split across two words survives.
 * @rfc 2047#6.2
 */
export function decodeEncodedWords(text: string): string {
  if (text.indexOf('=?') === -1) return text;
  let out = '';
  let last = 0;
  let pending: Decoded | null = null;
  const flush = (): void => {
    if (pending) out += decodeCharset(pending.bytes, pending.charset);
    pending = null;
  };
  for (const m of text.matchAll(WORD)) {
    const index = m.index ?? 0;
    const between = text.slice(last, index);
    const word = decodeWord(m[1] as string, m[2] as string, m[3] as string);
    if (!word) continue;
    const adjacent = pending !== null && /^[ \t\r\n]*$/.test(between);
    if (adjacent && pending !== null && (pending as Decoded).charset === word.charset) {
      pending = { charset: word.charset, bytes: joinBytes((pending as Decoded).bytes, word.bytes) };
    } else {
      flush();
      if (!adjacent) out += between;
      pending = word;
    }
    last = index + m[0].length;
  }
  flush();
  return out + text.slice(last);
}
