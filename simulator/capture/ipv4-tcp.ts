/**
 * One IPv4 packet carrying one TCP segment, as a capture shows it: RFC 791 header with its
 * checksum, RFC 9293 TCP header with the checksum over the pseudo-header, and the payload.
 */

export interface Endpoint {
  /** Dotted-quad IPv4 address. */
  address: string;
  port: number;
}

/** RFC 9293 §3.1 control bits. */
export const TCP_FLAG = { fin: 0x01, syn: 0x02, rst: 0x04, psh: 0x08, ack: 0x10 } as const;

/** An endpoint with its address already in network form (parsed once per connection). */
export interface WireEndpoint {
  octets: Uint8Array;
  port: number;
}

export function wireEndpoint(e: Endpoint): WireEndpoint {
  return { octets: ipv4Octets(e.address), port: e.port };
}

export interface Segment {
  from: WireEndpoint;
  to: WireEndpoint;
  seq: number;
  ack: number;
  flags: number;
  /** RFC 791 §3.1 Identification, counted per sender. */
  id: number;
  payload: Uint8Array;
  /** RFC 9293 §3.2 Maximum Segment Size option, sent on SYN segments. */
  mss?: number;
}

const IPV4_HEADER = 20;
const TCP_HEADER = 20;
const PROTOCOL_TCP = 6;
const TTL = 64;
/** RFC 791 §3.1 flags: Don't Fragment, as a TCP stack with path MTU discovery sends. */
const DONT_FRAGMENT = 0x4000;
const WINDOW = 65535;

export function ipv4Octets(address: string): Uint8Array {
  const parts = address.split('.');
  const octets = parts.map(Number);
  if (parts.length !== 4 || octets.some((o, i) => !/^\d{1,3}$/.test(parts[i] ?? '') || o > 255)) throw new Error(`not a dotted-quad IPv4 address: ${address}`);
  return Uint8Array.from(octets);
}

/**
 * RFC 1071: the 16-bit one's complement of the one's complement sum of the 16-bit words (an odd
 * octet at the end is padded with zero). Summing a header with its checksum in place gives 0.
 */
export function internetChecksum(...parts: readonly Uint8Array[]): number {
  let sum = 0;
  let odd = -1;
  for (const part of parts) {
    let i = 0;
    if (odd >= 0 && part.length > 0) {
      sum += (odd << 8) | part[0]!;
      odd = -1;
      i = 1;
    }
    for (; i + 1 < part.length; i += 2) sum += (part[i]! << 8) | part[i + 1]!;
    if (i < part.length) odd = part[i]!;
  }
  if (odd >= 0) sum += odd << 8;
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
  return ~sum & 0xffff;
}

function tcpHeader(s: Segment): Uint8Array {
  const options = s.mss === undefined ? new Uint8Array(0) : Uint8Array.of(2, 4, s.mss >> 8, s.mss & 0xff);
  const header = new Uint8Array(TCP_HEADER + options.length);
  const v = new DataView(header.buffer);
  v.setUint16(0, s.from.port);
  v.setUint16(2, s.to.port);
  v.setUint32(4, s.seq >>> 0);
  v.setUint32(8, s.flags & TCP_FLAG.ack ? s.ack >>> 0 : 0);
  v.setUint8(12, (header.length / 4) << 4);
  v.setUint8(13, s.flags);
  v.setUint16(14, WINDOW);
  header.set(options, TCP_HEADER);
  // RFC 9293 §3.1: the checksum covers a pseudo-header of addresses, protocol and TCP length.
  const length = header.length + s.payload.length;
  const pseudo = new Uint8Array(12);
  pseudo.set(s.from.octets, 0);
  pseudo.set(s.to.octets, 4);
  pseudo[9] = PROTOCOL_TCP;
  new DataView(pseudo.buffer).setUint16(10, length);
  v.setUint16(16, internetChecksum(pseudo, header, s.payload));
  return header;
}

/** The whole IPv4 packet: header, TCP header, payload. */
export function ipv4TcpPacket(s: Segment): Uint8Array {
  const tcp = tcpHeader(s);
  const total = IPV4_HEADER + tcp.length + s.payload.length;
  if (total > 0xffff) throw new Error(`an IPv4 packet holds at most 65535 octets, this one would be ${total}`);
  const packet = new Uint8Array(total);
  const v = new DataView(packet.buffer);
  v.setUint8(0, 0x45); // version 4, IHL 5 words (RFC 791 §3.1)
  v.setUint16(2, total);
  v.setUint16(4, s.id & 0xffff);
  v.setUint16(6, DONT_FRAGMENT);
  v.setUint8(8, TTL);
  v.setUint8(9, PROTOCOL_TCP);
  packet.set(s.from.octets, 12);
  packet.set(s.to.octets, 16);
  v.setUint16(10, internetChecksum(packet.subarray(0, IPV4_HEADER)));
  packet.set(tcp, IPV4_HEADER);
  packet.set(s.payload, IPV4_HEADER + tcp.length);
  return packet;
}
