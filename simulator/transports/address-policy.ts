/**
 * Which network addresses the bridge relay may connect to. A relay that reaches loopback, the
 * private ranges or a cloud metadata address would let any web page probe the network it runs in,
 * so those are refused unless the operator allows them. The ranges are the IANA special-purpose
 * address registries' (special-purpose.ts).
 */
import { IPV4_SPECIAL, IPV6_SPECIAL, type AddressClass, type SpecialRange } from './special-purpose.ts';

export type { AddressClass, SpecialRange } from './special-purpose.ts';

/** A range of the registries, parsed once: base and mask as 128-bit numbers (IPv4 in the low 32). */
interface ParsedRange {
  base: bigint;
  bits: number;
  width: 32 | 128;
  row: SpecialRange;
}

function parseBlock(row: SpecialRange, width: 32 | 128): ParsedRange {
  const [address, bits] = row.block.split('/') as [string, string];
  const base = width === 32 ? BigInt(parseIPv4(address)!) : groupsToBig(parseIPv6(address)!);
  return { base, bits: Number(bits), width, row };
}

function groupsToBig(groups: readonly number[]): bigint {
  return groups.reduce((n, g) => (n << 16n) | BigInt(g), 0n);
}

let parsed: { v4: ParsedRange[]; v6: ParsedRange[] } | null = null;
function ranges(): { v4: ParsedRange[]; v6: ParsedRange[] } {
  parsed ??= { v4: IPV4_SPECIAL.map((r) => parseBlock(r, 32)), v6: IPV6_SPECIAL.map((r) => parseBlock(r, 128)) };
  return parsed;
}

/** The most specific registry row holding `value`, or null. */
function mostSpecific(list: readonly ParsedRange[], value: bigint): ParsedRange | null {
  let best: ParsedRange | null = null;
  for (const r of list) {
    const shift = BigInt(r.width - r.bits);
    if (value >> shift === r.base >> shift && (!best || r.bits > best.bits)) best = r;
  }
  return best;
}

/** What the policy found: the class, and the registry row when the address is in one. */
export interface AddressVerdict {
  cls: AddressClass;
  row: SpecialRange | null;
}

const PUBLIC: AddressVerdict = { cls: 'public', row: null };

/**
 * Parses IPv4 the way inet_aton does, so odd spellings are recognised for what they are:
 * `2130706433`, `0x7f.1`, `0177.0.0.1` and `127.1` all mean 127.0.0.1. Returns null for non-IPv4.
 */
export function parseIPv4(text: string): number | null {
  const parts = text.split('.');
  if (parts.length < 1 || parts.length > 4) return null;
  const values: number[] = [];
  for (const part of parts) {
    let value: number;
    if (/^0x[0-9a-f]*$/i.test(part)) value = part.length === 2 ? 0 : parseInt(part.slice(2), 16);
    else if (/^0[0-7]*$/.test(part)) value = part.length === 1 ? 0 : parseInt(part.slice(1), 8);
    else if (/^[1-9][0-9]*$/.test(part)) value = parseInt(part, 10);
    else return null;
    values.push(value);
  }
  const last = values.pop()!;
  if (values.some((v) => v > 255)) return null;
  if (last >= 2 ** (8 * (4 - values.length))) return null;
  return values.reduce((n, v, i) => n + v * 2 ** (8 * (3 - i)), 0) + last;
}

export function formatIPv4(value: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.');
}

function classify4(value: number): AddressVerdict {
  const found = mostSpecific(ranges().v4, BigInt(value));
  return found ? { cls: found.row.cls, row: found.row } : PUBLIC;
}

/** Parses an IPv6 address (with an optional embedded IPv4 tail or zone) into 8 groups. */
export function parseIPv6(text: string): number[] | null {
  let s = text.replace(/^\[|\]$/g, '');
  const zone = s.indexOf('%');
  if (zone >= 0) s = s.slice(0, zone);
  if (!s.includes(':')) return null;
  const lastColon = s.lastIndexOf(':');
  const last = s.slice(lastColon + 1);
  if (last.includes('.')) {
    // RFC 4291 §2.2 form 3: the last 32 bits written as dotted-decimal IPv4.
    const v4 = /^\d{1,3}(\.\d{1,3}){3}$/.test(last) ? parseIPv4(last) : null;
    if (v4 === null) return null;
    s = `${s.slice(0, lastColon + 1)}${Math.floor(v4 / 65536).toString(16)}:${(v4 % 65536).toString(16)}`;
  }
  const halves = s.split('::');
  if (halves.length > 2) return null;
  const parse = (h: string) => (h === '' ? [] : h.split(':'));
  const head = parse(halves[0]!);
  const tail = halves.length === 2 ? parse(halves[1]!) : [];
  if ([...head, ...tail].some((g) => !/^[0-9a-f]{1,4}$/i.test(g))) return null;
  const count = head.length + tail.length;
  if (halves.length === 1 ? count !== 8 : count > 7) return null;
  const hex = (g: string) => parseInt(g, 16);
  return [...head.map(hex), ...new Array(8 - count).fill(0), ...tail.map(hex)];
}

/**
 * A registry row first (64:ff9b:1::/48 of RFC 8215 included, whatever IPv4 it embeds); then the
 * prefixes that carry an IPv4 address are judged by that address; everything else is public.
 */
function classify6(g: number[]): AddressVerdict {
  const found = mostSpecific(ranges().v6, groupsToBig(g));
  if (found) return { cls: found.row.cls, row: found.row };
  const embedded4 = (hi: number, lo: number) => classify4(hi * 65536 + lo);
  const isZero = (from: number, to: number) => g.slice(from, to).every((x) => x === 0);
  if (isZero(0, 5) && g[5] === 0xffff) return embedded4(g[6]!, g[7]!); // IPv4-mapped, RFC 4291 §2.5.5.2
  if (isZero(0, 6)) return embedded4(g[6]!, g[7]!); // IPv4-compatible (deprecated), RFC 4291 §2.5.5.1
  if (g[0] === 0x64 && g[1] === 0xff9b && isZero(2, 6)) return embedded4(g[6]!, g[7]!); // NAT64 64:ff9b::/96, RFC 6052
  if (g[0] === 0x2002) return embedded4(g[1]!, g[2]!); // 6to4, RFC 3056
  return PUBLIC;
}

/** The verdict on a literal address, in any spelling; class 'invalid' when it is not an address at all. */
export function judgeAddress(text: string): AddressVerdict {
  const v4 = parseIPv4(text);
  if (v4 !== null) return classify4(v4);
  const v6 = parseIPv6(text);
  if (v6) return classify6(v6);
  return { cls: 'invalid', row: null };
}

/** The class of a literal address, in any spelling; 'invalid' when it is not an address at all. */
export function classifyAddress(text: string): AddressClass {
  return judgeAddress(text).cls;
}

/** True when `text` is an address literal (in any spelling), not a host name to look up. */
export function isAddressLiteral(text: string): boolean {
  return classifyAddress(text) !== 'invalid';
}

/** May the relay connect here? Everything but 'public' needs `--allow-private`. */
export function addressAllowed(text: string, allowPrivate: boolean): AddressVerdict & { ok: boolean } {
  const verdict = judgeAddress(text);
  if (verdict.cls === 'invalid') return { ok: false, ...verdict };
  return { ok: verdict.cls === 'public' || allowPrivate, ...verdict };
}
