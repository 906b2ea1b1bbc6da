/**
 * For the capture tests: a small pcapng, IPv4 and TCP reader written apart from the writer (it
 * shares none of its code), so a test reads back what a tool like Wireshark would read. It
 * checks each block's framing as it goes and reports checksums as valid or not.
 */

export interface ReadBlock {
  type: number;
  /** The block body, between the two total lengths. */
  body: DataView;
}

export interface ReadFile {
  littleEndian: boolean;
  major: number;
  minor: number;
  blocks: ReadBlock[];
}

export function readPcapng(file: Uint8Array): ReadFile {
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  if (file.length < 28 || view.getUint32(0, true) !== 0x0a0d0d0a) throw new Error('no Section Header Block at the start');
  const magic = view.getUint32(8, true);
  const littleEndian = magic === 0x1a2b3c4d;
  if (!littleEndian && magic !== 0x4d3c2b1a) throw new Error(`bad byte-order magic ${magic.toString(16)}`);
  const blocks: ReadBlock[] = [];
  for (let at = 0; at < file.length; ) {
    if (at + 12 > file.length) throw new Error(`a block header runs past the end at ${at}`);
    const type = view.getUint32(at, littleEndian);
    const total = view.getUint32(at + 4, littleEndian);
    if (total < 12 || total % 4 !== 0 || at + total > file.length) throw new Error(`block at ${at}: bad total length ${total}`);
    const trailer = view.getUint32(at + total - 4, littleEndian);
    if (trailer !== total) throw new Error(`block at ${at}: total length ${total} at the start, ${trailer} at the end`);
    blocks.push({ type, body: new DataView(file.buffer, file.byteOffset + at + 8, total - 12) });
    at += total;
  }
  const shb = blocks[0]?.body;
  if (!shb) throw new Error('empty file');
  return { littleEndian, major: shb.getUint16(4, littleEndian), minor: shb.getUint16(6, littleEndian), blocks };
}

/** Options as code → values (pcapng §3.5), from `from` to the end of a body. */
export function readOptions(body: DataView, from: number, le: boolean): Map<number, Uint8Array[]> {
  const found = new Map<number, Uint8Array[]>();
  for (let at = from; at + 4 <= body.byteLength; ) {
    const code = body.getUint16(at, le);
    const length = body.getUint16(at + 2, le);
    if (code === 0) break;
    const value = new Uint8Array(body.buffer, body.byteOffset + at + 4, length);
    found.set(code, [...(found.get(code) ?? []), value]);
    at += 4 + length + ((4 - (length % 4)) % 4);
  }
  return found;
}

export interface ReadPacket {
  micros: number;
  capturedLength: number;
  originalLength: number;
  data: Uint8Array;
}

export function readEnhancedPacket(body: DataView, le: boolean): ReadPacket {
  const capturedLength = body.getUint32(12, le);
  return {
    micros: body.getUint32(4, le) * 2 ** 32 + body.getUint32(8, le),
    capturedLength,
    originalLength: body.getUint32(16, le),
    data: new Uint8Array(body.buffer, body.byteOffset + 20, capturedLength),
  };
}

/** Adds 16-bit big-endian words with end-around carry; a region holding its own checksum gives 0xffff. */
function onesSum(bytes: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < bytes.length; i += 2) sum += (bytes[i]! << 8) + (i + 1 < bytes.length ? bytes[i + 1]! : 0);
  while (sum >> 16) sum = (sum & 0xffff) + (sum >> 16);
  return sum;
}

export interface ReadSegment {
  src: string;
  dst: string;
  ttl: number;
  ipChecksumOk: boolean;
  srcPort: number;
  dstPort: number;
  seq: number;
  ack: number;
  flags: { syn: boolean; ack: boolean; fin: boolean; psh: boolean; rst: boolean };
  mss: number | undefined;
  tcpChecksumOk: boolean;
  payload: Uint8Array;
}

export function readIpv4Tcp(packet: Uint8Array): ReadSegment {
  const v = new DataView(packet.buffer, packet.byteOffset, packet.byteLength);
  if (packet[0]! >> 4 !== 4) throw new Error('not IPv4');
  const ihl = (packet[0]! & 0x0f) * 4;
  const total = v.getUint16(2);
  if (total !== packet.length) throw new Error(`IPv4 total length ${total}, packet ${packet.length}`);
  if (packet[9] !== 6) throw new Error('not TCP');
  const ip = (at: number) => Array.from(packet.subarray(at, at + 4)).join('.');
  const tcp = packet.subarray(ihl);
  const t = new DataView(tcp.buffer, tcp.byteOffset, tcp.byteLength);
  const offset = (tcp[12]! >> 4) * 4;
  const pseudo = new Uint8Array(12 + tcp.length);
  pseudo.set(packet.subarray(12, 20), 0);
  pseudo[9] = 6;
  new DataView(pseudo.buffer).setUint16(10, tcp.length);
  pseudo.set(tcp, 12);
  let mss: number | undefined;
  for (let at = 20; at < offset; ) {
    const kind = tcp[at]!;
    if (kind === 0) break;
    if (kind === 1) {
      at++;
      continue;
    }
    if (kind === 2) mss = t.getUint16(at + 2);
    at += tcp[at + 1]!;
  }
  const f = tcp[13]!;
  return {
    src: ip(12),
    dst: ip(16),
    ttl: packet[8]!,
    ipChecksumOk: onesSum(packet.subarray(0, ihl)) === 0xffff,
    srcPort: t.getUint16(0),
    dstPort: t.getUint16(2),
    seq: t.getUint32(4),
    ack: t.getUint32(8),
    flags: { fin: !!(f & 1), syn: !!(f & 2), rst: !!(f & 4), psh: !!(f & 8), ack: !!(f & 16) },
    mss,
    tcpChecksumOk: onesSum(pseudo) === 0xffff,
    payload: tcp.subarray(offset),
  };
}
