/**
 * MD5 (RFC 1321) in pure TypeScript, for APOP (RFC 1939 §7). The simulator core runs in the
 * browser and cannot import node:crypto, and WebCrypto has no MD5 and is asynchronous.
 * MD5 is broken for collision resistance; APOP is here because the RFC has it and learners meet it.
 */

/** RFC 1321 §3.4: the per-round shift amounts. */
const SHIFTS = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21] as const;

/** RFC 1321 §3.4: T[i] = floor(2^32 × |sin(i + 1)|). */
const T = Array.from({ length: 64 }, (_, i) => Math.floor(Math.abs(Math.sin(i + 1)) * 2 ** 32) >>> 0);

/** The 16-octet digest of `bytes`. */
export function md5(bytes: Uint8Array): Uint8Array {
  const state = new Uint32Array([0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476]);
  const padded = pad(bytes);
  const view = new DataView(padded.buffer, padded.byteOffset, padded.byteLength);
  const x = new Uint32Array(16);
  for (let block = 0; block < padded.length; block += 64) {
    for (let j = 0; j < 16; j++) x[j] = view.getUint32(block + j * 4, true);
    compress(state, x);
  }
  const out = new Uint8Array(16);
  const outView = new DataView(out.buffer);
  for (let j = 0; j < 4; j++) outView.setUint32(j * 4, state[j]!, true);
  return out;
}

/** The digest as 32 lower-case hex digits, as APOP sends it (RFC 1939 §7). */
export function md5Hex(bytes: Uint8Array): string {
  let hex = '';
  for (const b of md5(bytes)) hex += b.toString(16).padStart(2, '0');
  return hex;
}

/** RFC 1321 §3.1-3.2: append 0x80, zeros to 56 mod 64, then the bit length, little-endian. */
function pad(bytes: Uint8Array): Uint8Array {
  const total = (((bytes.length + 8) >> 6) + 1) * 64;
  const out = new Uint8Array(total);
  out.set(bytes);
  out[bytes.length] = 0x80;
  const view = new DataView(out.buffer);
  const bits = bytes.length * 8;
  view.setUint32(total - 8, bits >>> 0, true);
  view.setUint32(total - 4, Math.floor(bits / 2 ** 32), true);
  return out;
}

/** RFC 1321 §3.4: the four rounds of sixteen operations on one 512-bit block. */
function compress(state: Uint32Array, x: Uint32Array): void {
  let a = state[0]!;
  let b = state[1]!;
  let c = state[2]!;
  let d = state[3]!;
  for (let i = 0; i < 64; i++) {
    const round = i >> 4;
    let f: number;
    let k: number;
    if (round === 0) {
      f = (b & c) | (~b & d);
      k = i;
    } else if (round === 1) {
      f = (b & d) | (c & ~d);
      k = (5 * i + 1) & 15;
    } else if (round === 2) {
      f = b ^ c ^ d;
      k = (3 * i + 5) & 15;
    } else {
      f = c ^ (b | ~d);
      k = (7 * i) & 15;
    }
    const s = SHIFTS[round * 4 + (i & 3)]!;
    const sum = (a + f + T[i]! + x[k]!) >>> 0;
    a = d;
    d = c;
    c = b;
    b = (b + ((sum << s) | (sum >>> (32 - s)))) >>> 0;
  }
  state[0] = (state[0]! + a) >>> 0;
  state[1] = (state[1]! + b) >>> 0;
  state[2] = (state[2]! + c) >>> 0;
  state[3] = (state[3]! + d) >>> 0;
}
