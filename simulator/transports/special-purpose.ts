/**
 * The IANA IPv4 and IPv6 Special-Purpose Address Registries (RFC 6890 §2.2.2 and §2.2.3 made the
 * registries; later RFCs added rows), as data: every row whose "Globally Reachable" is False, with
 * the registry's own name and the RFC that assigned it. The relay refuses them all.
 *
 * Rows the registry marks True or N/A are left out on purpose, with two kinds of exception:
 * - Ranges inside a False row are refused with it (the 192.0.0.0/24 and 2001::/23 footnotes say the
 *   block is not usable unless a more specific row says so; the anycast services there — PCP, TURN,
 *   AMT, AS112, ORCHIDv2 — are no mail servers).
 * - Prefixes that carry an IPv4 address (IPv4-mapped ::ffff:0:0/96, the deprecated IPv4-compatible
 *   ::/96, NAT64 64:ff9b::/96 of RFC 6052, 6to4 2002::/16 of RFC 3056) are judged by the IPv4
 *   address inside them (address-policy.ts), so no spelling of 10.0.0.1 gets through.
 * Multicast (RFC 5771, RFC 4291 §2.7) is in its own registries, not these, and is refused too.
 */

export type AddressClass =
  | 'public'
  | 'loopback'
  | 'private'
  | 'link-local'
  | 'shared'
  | 'multicast'
  | 'unspecified'
  | 'reserved'
  | 'documentation'
  | 'benchmarking'
  | 'unique-local'
  | 'translation'
  | 'invalid';

export interface SpecialRange {
  /** The row's Address Block, as the registry writes it. */
  block: string;
  /** The row's Name, as the registry writes it. */
  name: string;
  /** The row's Reference. */
  rfc: string;
  cls: AddressClass;
}

/** IANA IPv4 Special-Purpose Address Registry, Globally Reachable = False (most specific rows last). */
export const IPV4_SPECIAL: readonly SpecialRange[] = [
  { block: '0.0.0.0/8', name: '"This network"', rfc: 'RFC 791 §3.2', cls: 'unspecified' },
  { block: '0.0.0.0/32', name: '"This host on this network"', rfc: 'RFC 1122 §3.2.1.3', cls: 'unspecified' },
  { block: '10.0.0.0/8', name: 'Private-Use', rfc: 'RFC 1918', cls: 'private' },
  { block: '100.64.0.0/10', name: 'Shared Address Space', rfc: 'RFC 6598', cls: 'shared' },
  { block: '127.0.0.0/8', name: 'Loopback', rfc: 'RFC 1122 §3.2.1.3', cls: 'loopback' },
  { block: '169.254.0.0/16', name: 'Link Local', rfc: 'RFC 3927', cls: 'link-local' },
  { block: '172.16.0.0/12', name: 'Private-Use', rfc: 'RFC 1918', cls: 'private' },
  { block: '192.0.0.0/24', name: 'IETF Protocol Assignments', rfc: 'RFC 6890 §2.1', cls: 'reserved' },
  { block: '192.0.0.0/29', name: 'IPv4 Service Continuity Prefix', rfc: 'RFC 7335', cls: 'reserved' },
  { block: '192.0.0.8/32', name: 'IPv4 dummy address', rfc: 'RFC 7600', cls: 'reserved' },
  { block: '192.0.0.170/32', name: 'NAT64/DNS64 Discovery', rfc: 'RFC 8880, RFC 7050 §2.2', cls: 'reserved' },
  { block: '192.0.0.171/32', name: 'NAT64/DNS64 Discovery', rfc: 'RFC 8880, RFC 7050 §2.2', cls: 'reserved' },
  { block: '192.0.2.0/24', name: 'Documentation (TEST-NET-1)', rfc: 'RFC 5737', cls: 'documentation' },
  // Deprecated by RFC 7526 (Globally Reachable N/A): nothing answers there any more.
  { block: '192.88.99.0/24', name: 'Deprecated (6to4 Relay Anycast)', rfc: 'RFC 7526', cls: 'reserved' },
  { block: '192.168.0.0/16', name: 'Private-Use', rfc: 'RFC 1918', cls: 'private' },
  { block: '198.18.0.0/15', name: 'Benchmarking', rfc: 'RFC 2544', cls: 'benchmarking' },
  { block: '198.51.100.0/24', name: 'Documentation (TEST-NET-2)', rfc: 'RFC 5737', cls: 'documentation' },
  { block: '203.0.113.0/24', name: 'Documentation (TEST-NET-3)', rfc: 'RFC 5737', cls: 'documentation' },
  { block: '224.0.0.0/4', name: 'Multicast', rfc: 'RFC 5771', cls: 'multicast' },
  { block: '240.0.0.0/4', name: 'Reserved', rfc: 'RFC 1112 §4', cls: 'reserved' },
  { block: '255.255.255.255/32', name: 'Limited Broadcast', rfc: 'RFC 8190, RFC 919 §7', cls: 'reserved' },
];

/** IANA IPv6 Special-Purpose Address Registry, Globally Reachable = False (most specific rows last). */
export const IPV6_SPECIAL: readonly SpecialRange[] = [
  { block: '::/128', name: 'Unspecified Address', rfc: 'RFC 4291', cls: 'unspecified' },
  { block: '::1/128', name: 'Loopback Address', rfc: 'RFC 4291', cls: 'loopback' },
  { block: '64:ff9b:1::/48', name: 'IPv4-IPv6 Translat.', rfc: 'RFC 8215', cls: 'translation' },
  { block: '100::/64', name: 'Discard-Only Address Block', rfc: 'RFC 6666', cls: 'reserved' },
  { block: '2001::/23', name: 'IETF Protocol Assignments', rfc: 'RFC 2928', cls: 'reserved' },
  // Teredo (RFC 4380, N/A) lies inside 2001::/23 and would hide an IPv4 peer anyway.
  { block: '2001::/32', name: 'TEREDO', rfc: 'RFC 4380, RFC 8190', cls: 'reserved' },
  { block: '2001:2::/48', name: 'Benchmarking', rfc: 'RFC 5180, RFC Errata 1752', cls: 'benchmarking' },
  { block: '2001:db8::/32', name: 'Documentation', rfc: 'RFC 3849', cls: 'documentation' },
  { block: '3fff::/20', name: 'Documentation', rfc: 'RFC 9637', cls: 'documentation' },
  { block: '5f00::/16', name: 'Segment Routing (SRv6) SIDs', rfc: 'RFC 9602', cls: 'reserved' },
  { block: 'fc00::/7', name: 'Unique-Local', rfc: 'RFC 4193, RFC 8190', cls: 'unique-local' },
  { block: 'fe80::/10', name: 'Link-Local Unicast', rfc: 'RFC 4291', cls: 'link-local' },
  // Not in the registry, never a mail server: deprecated site-local and multicast.
  { block: 'fec0::/10', name: 'Site-Local (deprecated)', rfc: 'RFC 3879', cls: 'reserved' },
  { block: 'ff00::/8', name: 'Multicast', rfc: 'RFC 4291 §2.7', cls: 'multicast' },
];
