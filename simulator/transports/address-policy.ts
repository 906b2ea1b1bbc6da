/**
 * Which network addresses the bridge relay may connect to. A relay that reaches loopback, the
 * private ranges or a cloud metadata address would let any web page probe the network it runs in,
 * so those are refused unless the operator allows them. Ranges from the IANA special-purpose
 * address registries (RFC 6890 and its updates).
 */

export type AddressClass =
  | 'public'
  | 'loopback'
  | 'private'
  | 'link-local'
  | 'cgnat'
  | 'multicast'
  | 'unspecified'
  | 'reserved'
  | 'documentation'
  | 'unique-local'
  | 'invalid';

type Range4 = [base: number, bits: number, cls: AddressClass];

const V4_RANGES: Range4[] = [
  [ip4('0.0.0.0'), 8, 'unspecified'], // RFC 1122 §3.2.1.3 "this network"
  [ip4('10.0.0.0'), 8, 'private'], // RFC 1918
  [ip4('100.64.0.0'), 10, 'cgnat'], // RFC 6598
  [ip4('127.0.0.0'), 8, 'loopback'], // RFC 1122
  [ip4('169.254.0.0'), 16, 'link-local'], // RFC 3927, incl. 169.254.169.254 metadata
  [ip4('172.16.0.0'), 12, 'private'], // RFC 1918
  [ip4('192.0.0.0'), 24, 'reserved'], // RFC 6890 IETF protocol assignments
  [ip4('192.0.2.0'), 24, 'documentation'], // RFC 5737 TEST-NET-1
  [ip4('192.88.99.0'), 24, 'reserved'], // RFC 7526 deprecated 6to4 relay
  [ip4('192.168.0.0'), 16, 'private'], // RFC 1918
  [ip4('198.18.0.0'), 15, 'reserved'], // RFC 2544 benchmarking
  [ip4('198.51.100.0'), 24, 'documentation'], // RFC 5737 TEST-NET-2
  [ip4('203.0.113.0'), 24, 'documentation'], // RFC 5737 TEST-NET-3
  [ip4('224.0.0.0'), 4, 'multicast'], // RFC 5771
  [ip4('240.0.0.0'), 4, 'reserved'], // RFC 1112 §4, incl. 255.255.255.255
];

function ip4(text: string): number {
  return text.split('.').reduce((n, part) => n * 256 + Number(part), 0);
}

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

function classify4(value: number): AddressClass {
  for (const [base, bits, cls] of V4_RANGES) {
    const size = 2 ** (32 - bits);
    if (value >= base && value < base + size) return cls;
  }
  return 'public';
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

function classify6(g: number[]): AddressClass {
  const embedded4 = (hi: number, lo: number) => classify4(hi * 65536 + lo);
  const isZero = (from: number, to: number) => g.slice(from, to).every((x) => x === 0);
  if (isZero(0, 8)) return 'unspecified';
  if (isZero(0, 7) && g[7] === 1) return 'loopback';
  if (isZero(0, 5) && g[5] === 0xffff) return embedded4(g[6]!, g[7]!); // IPv4-mapped, RFC 4291 §2.5.5.2
  if (isZero(0, 6)) return embedded4(g[6]!, g[7]!); // IPv4-compatible (deprecated), RFC 4291 §2.5.5.1
  if (g[0] === 0x64 && g[1] === 0xff9b && isZero(2, 6)) return embedded4(g[6]!, g[7]!); // NAT64, RFC 6052
  if (g[0] === 0x2002) return embedded4(g[1]!, g[2]!); // 6to4, RFC 3056
  if ((g[0]! & 0xfe00) === 0xfc00) return 'unique-local'; // RFC 4193
  if ((g[0]! & 0xffc0) === 0xfe80) return 'link-local'; // RFC 4291
  if ((g[0]! & 0xffc0) === 0xfec0) return 'reserved'; // deprecated site-local, RFC 3879
  if ((g[0]! & 0xff00) === 0xff00) return 'multicast';
  if (g[0] === 0x2001 && g[1] === 0x0db8) return 'documentation'; // RFC 3849
  if (g[0] === 0x2001 && g[1] === 0) return 'reserved'; // Teredo: hides an IPv4 peer, RFC 4380
  if (g[0] === 0x100 && isZero(1, 4)) return 'reserved'; // discard-only, RFC 6666
  return 'public';
}

/** The class of a literal address, in any spelling; 'invalid' when it is not an address at all. */
export function classifyAddress(text: string): AddressClass {
  const v4 = parseIPv4(text);
  if (v4 !== null) return classify4(v4);
  const v6 = parseIPv6(text);
  if (v6) return classify6(v6);
  return 'invalid';
}

/** True when `text` is an address literal (in any spelling), not a host name to look up. */
export function isAddressLiteral(text: string): boolean {
  return classifyAddress(text) !== 'invalid';
}

/** May the relay connect here? Everything but 'public' needs `--allow-private`. */
export function addressAllowed(text: string, allowPrivate: boolean): { ok: boolean; cls: AddressClass } {
  const cls = classifyAddress(text);
  if (cls === 'invalid') return { ok: false, cls };
  return { ok: cls === 'public' || allowPrivate, cls };
}
