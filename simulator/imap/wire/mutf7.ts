/**
 * Modified UTF-7 mailbox names (RFC 3501 §5.1.3, RFC 9051 Appendix A.1), the IMAP4rev1
 * convention for non-ASCII names: "&" shifts to modified base64 of UTF-16 ("," for "/",
 * no padding), "-" shifts back, "&-" is a literal "&".
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+,';
const VALUE = new Map([...ALPHABET].map((c, i) => [c, i]));

/** RFC 9051 §A.1: printable US-ASCII except "&" represents itself (0x20-0x25, 0x27-0x7e). */
function isDirect(code: number): boolean {
  return code >= 0x20 && code <= 0x7e && code !== 0x26;
}

function base64Utf16(units: number[]): string {
  const bytes: number[] = [];
  for (const u of units) bytes.push(u >> 8, u & 0xff);
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a = 0, b = 0, c = 0] = [bytes[i], bytes[i + 1], bytes[i + 2]];
    const n = (a << 16) | (b << 8) | c;
    const chars = Math.ceil(((Math.min(3, bytes.length - i)) * 8) / 6);
    for (let k = 0; k < chars; k++) out += ALPHABET[(n >> (18 - 6 * k)) & 63];
  }
  return out;
}

/**
 * Encodes a Unicode mailbox name for an IMAP4rev1 client.
 * @rfc 9051#A.1 @rfc 3501#5.1.3
 */
export function encodeMutf7(name: string): string {
  let out = '';
  let run: number[] = [];
  const flush = (): void => {
    if (run.length) out += `&${base64Utf16(run)}-`;
    run = [];
  };
  for (let i = 0; i < name.length; i++) {
    const code = name.charCodeAt(i);
    if (isDirect(code)) {
      flush();
      out += name[i];
    } else if (code === 0x26) {
      flush();
      out += '&-';
    } else {
      run.push(code);
    }
  }
  flush();
  return out;
}

/** Decodes one base64 run into UTF-16 units, or null if it is not canonical modified base64. */
function decodeRun(run: string): number[] | null {
  let bits = 0;
  let acc = 0;
  const bytes: number[] = [];
  for (const ch of run) {
    const v = VALUE.get(ch);
    if (v === undefined) return null;
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((acc >> bits) & 0xff);
      acc &= (1 << bits) - 1;
    }
  }
  // Leftover bits must be fewer than 6 and zero, and the bytes whole UTF-16 units.
  if (acc !== 0 || bytes.length % 2 !== 0 || bytes.length === 0) return null;
  const units: number[] = [];
  for (let i = 0; i < bytes.length; i += 2) units.push((bytes[i]! << 8) | bytes[i + 1]!);
  return units;
}

function validUtf16(units: number[]): boolean {
  for (let i = 0; i < units.length; i++) {
    const u = units[i]!;
    // RFC 9051 §A.1: "MUST NOT be used to represent any printing of a US-ASCII character".
    if (isDirect(u) || u === 0x26) return false;
    if (u >= 0xd800 && u <= 0xdbff) {
      const next = units[i + 1];
      if (next === undefined || next < 0xdc00 || next > 0xdfff) return false;
      i++;
    } else if (u >= 0xdc00 && u <= 0xdfff) {
      return false;
    }
  }
  return true;
}

/**
 * Decodes a modified UTF-7 name, or returns null if it is not in the canonical form RFC 9051
 * §A.1 requires (no superfluous shifts, no encoded printable ASCII, ends in US-ASCII).
 */
export function decodeMutf7(wire: string): string | null {
  let out = '';
  let i = 0;
  let lastShiftEnd = -1;
  while (i < wire.length) {
    const code = wire.charCodeAt(i);
    if (code !== 0x26) {
      if (!isDirect(code)) return null;
      out += wire[i];
      i++;
      continue;
    }
    const close = wire.indexOf('-', i + 1);
    if (close < 0) return null;
    if (close === i + 1) {
      out += '&';
      i += 2;
      continue;
    }
    // "-&" null shifts are not permitted: two runs must have been one.
    if (lastShiftEnd === i) return null;
    const units = decodeRun(wire.slice(i + 1, close));
    if (!units || !validUtf16(units)) return null;
    out += String.fromCharCode(...units);
    i = close + 1;
    lastShiftEnd = i;
  }
  return out;
}
