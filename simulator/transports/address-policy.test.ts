import { describe, expect, it } from 'vitest';
import { addressAllowed, classifyAddress, formatIPv4, parseIPv4, parseIPv6 } from './address-policy.ts';

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
    ['100.64.0.1', 'cgnat'],
    ['100.127.255.255', 'cgnat'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['0.0.0.0', 'unspecified'],
    ['0', 'unspecified'],
    ['255.255.255.255', 'reserved'],
    ['240.0.0.1', 'reserved'],
    ['198.18.0.1', 'reserved'],
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
  ];

  for (const [address, cls] of hostile) {
    it(`${address} is ${cls} and refused`, () => {
      expect(classifyAddress(address)).toBe(cls);
      expect(addressAllowed(address, false).ok).toBe(false);
      expect(addressAllowed(address, true).ok).toBe(true);
    });
  }

  for (const address of ['93.184.215.14', '8.8.8.8', '2a00:1450:4001:81c::200e', '::ffff:8.8.8.8', '1.1.1.1']) {
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
