/**
 * What an on-path observer sees of one recorded session: every packet with its direction, time,
 * length and bytes (hex and ASCII), and, per packet, what it gives away. Plaintext gives away
 * everything, passwords included; a TLS record gives away its type, its length and its timing,
 * and the ClientHello the server's name (SNI, RFC 6066 §3; RFC 8446 §4.1.2 sends it in clear).
 */
import { RecordObserver, type ObservedRecord } from '../tls/observe.ts';
import { latin1Text } from '../wire/bytes.ts';
import { CredentialSniffer } from '../net/attack-credentials.ts';
import type { Credential } from '../net/attack-types.ts';
import type { SessionRecord, WireEntry } from '../net/virtual-network-log.ts';

export interface HexLine {
  offset: number;
  /** Sixteen octets as hex pairs. */
  hex: string;
  /** The same octets, printable ASCII or '.'. */
  ascii: string;
}

export interface ObservedPacket {
  index: number;
  direction: WireEntry['direction'];
  time: number;
  /** Milliseconds since the session opened. */
  offset: number;
  length: number;
  dump: HexLine[];
  /** 'plaintext': readable as it is; 'records': TLS records; 'stand-in': TLS the simulation did not encrypt. */
  kind: 'plaintext' | 'records' | 'stand-in';
  /** The text of a plaintext packet (lines as sent). */
  text: string | null;
  /** The TLS records in this packet, each with what it gives away. */
  records: ObservedRecord[];
  /** Credentials this packet gave away. */
  credentials: Credential[];
  /** What the observer learns from this packet, in sentences. */
  learns: string[];
  /** What reached the other end, when an attacker changed the packet on the way. */
  altered: HexLine[] | null;
  /** What the record really held (the simulation's hindsight, not the observer's knowledge). */
  carries: string | null;
}

export interface SessionObservation {
  sessionId: string;
  packets: ObservedPacket[];
  /** Every credential readable on the wire, in order. */
  credentials: Credential[];
  /** The server name the client asked for in its ClientHello, if any. */
  serverName: string | null;
  plaintextOctets: number;
  encryptedOctets: number;
}

export function hexDump(bytes: Uint8Array, width = 16): HexLine[] {
  const lines: HexLine[] = [];
  for (let offset = 0; offset < bytes.length; offset += width) {
    const row = bytes.subarray(offset, offset + width);
    const hex = [...row].map((b) => b.toString(16).padStart(2, '0')).join(' ');
    const ascii = [...row].map((b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.')).join('');
    lines.push({ offset, hex, ascii });
  }
  return lines;
}

export function observeSession(session: SessionRecord): SessionObservation {
  const sniffer = new CredentialSniffer(session.protocol);
  const readers = { 'to-server': new RecordObserver(), 'to-client': new RecordObserver() };
  const packets: ObservedPacket[] = [];
  let serverName: string | null = null;
  let plaintextOctets = 0;
  let encryptedOctets = 0;
  for (const [index, entry] of session.entries.entries()) {
    const kind = !entry.tls ? 'plaintext' : session.tlsLayer === 'records' ? 'records' : 'stand-in';
    const packet: ObservedPacket = {
      index, direction: entry.direction, time: entry.time, offset: entry.time - session.openedAt, length: entry.bytes.length,
      dump: hexDump(entry.bytes), kind, text: null, records: [], credentials: [], learns: [], altered: entry.received ? hexDump(entry.received) : null,
      carries: entry.carries ?? null,
    };
    if (kind === 'records') {
      encryptedOctets += entry.bytes.length;
      packet.records = readers[entry.direction].push(entry.bytes);
      serverName ??= packet.records.find((r) => r.serverName)?.serverName ?? null;
      packet.learns = packet.records.map((r) => `${r.contentType} record, ${r.length} octets: ${r.learns}`);
    } else {
      plaintextOctets += entry.bytes.length;
      packet.text = latin1Text(entry.bytes);
      if (kind === 'plaintext' && entry.direction === 'to-server') packet.credentials = sniffer.push(entry.bytes, entry.time);
      packet.learns = plaintextLessons(packet, kind);
    }
    packets.push(packet);
  }
  return { sessionId: session.id, packets, credentials: packets.flatMap((p) => p.credentials), serverName, plaintextOctets, encryptedOctets };
}

function plaintextLessons(packet: ObservedPacket, kind: 'plaintext' | 'stand-in'): string[] {
  const lessons = [kind === 'plaintext' ? 'everything: the bytes are in clear' : 'nothing in a real session (the simulation did not encrypt this one: stand-in TLS)'];
  for (const c of packet.credentials) lessons.push(`the password of ${c.user} (${c.mechanism}): ${c.evidence}`);
  return lessons;
}
