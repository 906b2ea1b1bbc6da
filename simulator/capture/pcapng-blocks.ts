/**
 * pcapng blocks, as draft-ietf-opsawg-pcapng (the "PCAP Now Generic" format Wireshark writes)
 * lays them out: every block is `type | total length | body | total length`, bodies padded to
 * 32 bits. We write little-endian; the Section Header Block's byte-order magic tells a reader so.
 */
import { concatBytes, utf8Bytes } from '../wire/bytes.ts';

/** draft-ietf-opsawg-pcapng §4.1: the block types we write. */
export const BLOCK = {
  sectionHeader: 0x0a0d0d0a,
  interfaceDescription: 0x00000001,
  enhancedPacket: 0x00000006,
  decryptionSecrets: 0x0000000a,
} as const;

/** §4.1 Section Header Block: read in either byte order, this tells which one the file uses. */
export const BYTE_ORDER_MAGIC = 0x1a2b3c4d;
/** §4.7 Decryption Secrets Block: a TLS key log in the NSS SSLKEYLOGFILE format ("TLSK"). */
export const SECRETS_TLS_KEY_LOG = 0x544c534b;
/**
 * LINKTYPE_RAW (tcpdump.org link-layer header types, 101): each packet starts with its IPv4
 * header. Our connections have no link layer to show, so no Ethernet header with made-up MAC
 * addresses; Wireshark and tshark dissect LINKTYPE_RAW as IP directly.
 */
export const LINKTYPE_RAW = 101;

/** §3.5 options: code, length, value padded to 32 bits; opt_endofopt closes the list. */
const OPT_END = 0;
const SHB_USERAPPL = 4;
const IF_NAME = 2;
const IF_TSRESOL = 9;

const pad4 = (n: number): number => (4 - (n % 4)) % 4;

function u16(v: number): Uint8Array {
  const b = new Uint8Array(2);
  new DataView(b.buffer).setUint16(0, v, true);
  return b;
}

function u32(v: number): Uint8Array {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setUint32(0, v >>> 0, true);
  return b;
}

function padded(bytes: Uint8Array): Uint8Array {
  return concatBytes([bytes, new Uint8Array(pad4(bytes.length))]);
}

function option(code: number, value: Uint8Array): Uint8Array {
  return concatBytes([u16(code), u16(value.length), padded(value)]);
}

function options(list: readonly Uint8Array[]): Uint8Array {
  return list.length === 0 ? new Uint8Array(0) : concatBytes([...list, u16(OPT_END), u16(0)]);
}

/** §3.1: the block with its type and both copies of its total length. */
function block(type: number, body: Uint8Array): Uint8Array {
  if (body.length % 4 !== 0) throw new Error(`a pcapng block body must be padded to 32 bits, got ${body.length} octets`);
  const total = body.length + 12;
  return concatBytes([u32(type), u32(total), body, u32(total)]);
}

/** §4.1 Section Header Block, version 1.0, section length unknown (-1). */
export function sectionHeader(application: string): Uint8Array {
  const unknownLength = new Uint8Array(8).fill(0xff);
  return block(BLOCK.sectionHeader, concatBytes([u32(BYTE_ORDER_MAGIC), u16(1), u16(0), unknownLength, options([option(SHB_USERAPPL, utf8Bytes(application))])]));
}

/** §4.2 Interface Description Block; timestamps in microseconds (if_tsresol 6). */
export function interfaceDescription(name: string, snapLength: number): Uint8Array {
  return block(BLOCK.interfaceDescription, concatBytes([u16(LINKTYPE_RAW), u16(0), u32(snapLength), options([option(IF_NAME, utf8Bytes(name)), option(IF_TSRESOL, Uint8Array.of(6))])]));
}

/**
 * §4.3 Enhanced Packet Block on interface 0; `micros` counts microseconds since 1970 and is
 * split into its upper and lower 32 bits. Written straight into one buffer: a capture holds
 * one of these per segment.
 */
export function enhancedPacket(micros: number, packet: Uint8Array): Uint8Array {
  const total = 32 + packet.length + pad4(packet.length);
  const out = new Uint8Array(total);
  const v = new DataView(out.buffer);
  const high = Math.floor(micros / 2 ** 32);
  v.setUint32(0, BLOCK.enhancedPacket, true);
  v.setUint32(4, total, true);
  // Interface ID 0 (offset 8) stays zero.
  v.setUint32(12, high, true);
  v.setUint32(16, micros - high * 2 ** 32, true);
  v.setUint32(20, packet.length, true); // captured
  v.setUint32(24, packet.length, true); // original: nothing is cut off
  out.set(packet, 28);
  v.setUint32(total - 4, total, true);
  return out;
}

/** §4.7 Decryption Secrets Block holding key log lines, each ended by a line feed. */
export function decryptionSecrets(keyLogLines: readonly string[]): Uint8Array {
  const secrets = utf8Bytes(keyLogLines.map((l) => `${l}\n`).join(''));
  return block(BLOCK.decryptionSecrets, concatBytes([u32(SECRETS_TLS_KEY_LOG), u32(secrets.length), padded(secrets)]));
}
