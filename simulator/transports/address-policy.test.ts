import { describe, expect, it } from 'vitest';
import { addressAllowed, classifyAddress, formatIPv4, judgeAddress, parseIPv4, parseIPv6 } from './address-policy.ts';
import { IPV4_SPECIAL, IPV6_SPECIAL, type SpecialRange } from './special-purpose.ts';

describe('address policy', () => {
  const hostile: Array<[string, string]> = [
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['2130706433', 'loopback'], // decimal
    ['0x7f000001', 'loopback'], // hex
    ['0x7f.0.0.1', 'loopback'],
    ['0177.0.0.1', 'loopback'], // octal
    ['127.1', 'loopback'], // short form
    ['017700000001', 'loopback'],
    ['10.0.0.1', 'private'],
    ['172.16.5.4', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['0xc0.0xa8.1.1', 'private'],
    ['3232235777', 'private'], // 192.168.1.1
    ['169.254.169.254', 'link-local'], // cloud metadata
    ['0xa9fea9fe', 'link-local'],
    ['100.64.0.1', 'shared'],
    ['100.127.255.255', 'shared'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['0.0.0.0', 'unspecified'],
    ['0', 'unspecified'],
    ['255.255.255.255', 'reserved'],
    ['240.0.0.1', 'reserved'],
    ['198.18.0.1', 'benchmarking'],
    ['192.0.2.1', 'documentation'],
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['0:0:0:0:0:0:0:1', 'loopback'],
    ['::', 'unspecified'],
    ['::ffff:127.0.0.1', 'loopback'], // IPv4-mapped
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:10.1.2.3', 'private'],
    ['::ffff:169.254.169.254', 'link-local'],
    ['::127.0.0.1', 'loopback'], // IPv4-compatible
    ['::a9fe:a9fe', 'link-local'],
    ['64:ff9b::a9fe:a9fe', 'link-local'], // NAT64 of the metadata address
    ['2002:7f00:1::', 'loopback'], // 6to4 wrapping loopback
    ['fc00::1', 'unique-local'],
    ['fd12:3456:789a::1', 'unique-local'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['ff02::1', 'multicast'],
    ['fec0::1', 'reserved'],
    ['2001:db8::1', 'documentation'],
    ['64:ff9b:1::a00:1', 'translation'], // issue 19: RFC 8215 local-use NAT64, embeds 10.0.0.1
    ['64:ff9b:1::8.8.8.8', 'translation'], // local-use whatever it embeds
    ['64:ff9b::10.0.0.1', 'private'], // well-known NAT64 prefix: judged by the IPv4 inside
    ['2002:0a00:0001::', 'private'], // 6to4 of 10.0.0.1
    ['2001:0:4136:e378:8000:63bf:3fff:fdd2', 'reserved'], // Teredo
    ['3fff::1', 'documentation'], // RFC 9637
    ['5f00::1', 'reserved'], // RFC 9602 SRv6 SIDs
    ['100::1', 'reserved'], // RFC 6666 discard-only
    ['2001:2::1', 'benchmarking'],
    ['192.0.0.170', 'reserved'],
  ];

  for (const [address, cls] of hostile) {
    it(`${address} is ${cls} and refused`, () => {
      expect(classifyAddress(address)).toBe(cls);
      expect(addressAllowed(address, false).ok).toBe(false);
      expect(addressAllowed(address, true).ok).toBe(true);
    });
  }

  for (const address of ['93.184.215.14', '8.8.8.8', '2a00:1450:4001:81c::200e', '::ffff:8.8.8.8', '1.1.1.1', '64:ff9b::8.8.8.8', '2002:0808:0808::1', '100.128.0.0', '5f01::1', '3fff:1000::1', '64:ff9b:2::1']) {
    it(`${address} is public and allowed`, () => {
      expect(classifyAddress(address)).toBe('public');
      expect(addressAllowed(address, false).ok).toBe(true);
    });
  }

  for (const name of ['mail.example.com', 'localhost', '1.2.3.4.5', '256.1.1.1', '08.1.1.1', ':::', '1::2::3', '', 'gggg::1']) {
    it(`"${name}" is not an address literal`, () => {
      expect(classifyAddress(name)).toBe('invalid');
      expect(addressAllowed(name, true).ok).toBe(false);
    });
  }

  it('parses the inet_aton spellings to one value', () => {
    for (const s of ['127.0.0.1', '2130706433', '0x7f.0.0.1', '0177.0.0.01', '127.1', '127.0.1']) expect(formatIPv4(parseIPv4(s)!)).toBe('127.0.0.1');
  });

  it('parses IPv6 with an embedded IPv4 tail', () => {
    expect(parseIPv6('::ffff:192.0.2.128')).toEqual([0, 0, 0, 0, 0, 0xffff, 0xc000, 0x0280]);
    expect(parseIPv6('1:2:3:4:5:6:7:8')).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(parseIPv6('1:2:3:4:5:6:7:8:9')).toBeNull();
  });
});

/** A /n block's first and last value, and the value just past it. */
function bounds(base: bigint, bits: number, width: number): { first: bigint; last: bigint; next: bigint } {
  const size = 1n << BigInt(width - bits);
  const first = (base >> BigInt(width - bits)) << BigInt(width - bits);
  return { first, last: first + size - 1n, next: first + size };
}

const v4 = (n: bigint) => formatIPv4(Number(n));
const groups = (n: bigint) => Array.from({ length: 8 }, (_, i) => Number((n >> BigInt(16 * (7 - i))) & 0xffffn));

/** Ways to write one IPv4 address: dotted, one decimal number, hex, octal, and inside IPv6. */
function spellings4(n: bigint): string[] {
  const dotted = v4(n);
  const [a, b, c, d] = dotted.split('.').map(Number) as [number, number, number, number];
  return [
    dotted,
    n.toString(10),
    `0x${n.toString(16)}`,
    `0${a.toString(8)}.0${b.toString(8)}.0${c.toString(8)}.0${d.toString(8)}`,
    `::ffff:${dotted}`,
    `[::ffff:${dotted}]`,
    `::ffff:${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`,
    `64:ff9b::${dotted}`,
    `2002:${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}::1`,
  ];
}

/** Ways to write one IPv6 address: full, zero-padded upper case, bracketed, with a zone. */
function spellings6(n: bigint): string[] {
  const g = groups(n);
  const full = g.map((x) => x.toString(16)).join(':');
  return [full, g.map((x) => x.toString(16).padStart(4, '0').toUpperCase()).join(':'), `[${full}]`, `${full}%eth0`];
}

function describeRows(title: string, rows: readonly SpecialRange[], width: 32 | 128): void {
  describe(title, () => {
    for (const row of rows) {
      it(`${row.block} ${row.name} (${row.rfc}) is refused in every spelling`, () => {
        const [address, bits] = row.block.split('/') as [string, string];
        const base = width === 32 ? BigInt(parseIPv4(address)!) : BigInt(`0x${parseIPv6(address)!.map((x) => x.toString(16).padStart(4, '0')).join('')}`);
        const { first, last, next } = bounds(base, Number(bits), width);
        const spell = width === 32 ? spellings4 : spellings6;
        for (const value of [first, last, (first + last) / 2n]) {
          for (const text of spell(value)) {
            const verdict = addressAllowed(text, false);
            expect(verdict.ok, text).toBe(false);
            expect(verdict.row, text).not.toBeNull();
            expect(addressAllowed(text, true).ok, text).toBe(true);
          }
        }
        // The last address is this row's, unless a more specific row ends there too.
        const own = judgeAddress(width === 32 ? v4(last) : spellings6(last)[0]!).row!;
        expect(own.block === row.block || Number(own.block.split('/')[1]) > Number(bits), own.block).toBe(true);
        if (next < 1n << BigInt(width)) {
          const after = width === 32 ? v4(next) : spellings6(next)[0]!;
          expect(judgeAddress(after).row?.block, `${after} is past ${row.block}`).not.toBe(row.block);
        }
      });
    }
  });
}

describeRows('IANA IPv4 Special-Purpose Address Registry, Globally Reachable = False', IPV4_SPECIAL, 32);
describeRows('IANA IPv6 Special-Purpose Address Registry, Globally Reachable = False', IPV6_SPECIAL, 128);
