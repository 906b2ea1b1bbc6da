/**
 * The wire view's rows: the simulator's observation of a session (every packet with what an
 * on-path observer learns from it, ../../../simulator/scenarios/attack-observer.ts) plus what the UI
 * shows in one line: the text as sent, or the TLS record types.
 */
import { observeSession, type ObservedPacket, type SessionObservation } from '../../../simulator/scenarios/attack-observer.ts';
import type { ObservedRecord } from '../../../simulator/tls/observe.ts';
import type { SessionRecord, WireEntry } from '../../../simulator/net/virtual-network-log.ts';
import { readableText } from './hex-dump.ts';

export type Direction = WireEntry['direction'];

export interface PacketRow {
  /** 1-based, as packet capture tools number frames. */
  number: number;
  packet: ObservedPacket;
  /** 'tls' once the bytes travel inside TLS (the handshake included). */
  phase: 'plaintext' | 'tls';
  bytes: Uint8Array;
  /** What reached the other end, when an attacker on the path changed the bytes. */
  received?: Uint8Array;
  summary: string;
  learns: string[];
  /**
   * The handshake message this record carries as the learner's own TLS client knows it (it holds
   * the keys): decrypted, where the observer sees only an application_data record.
   */
  decrypted?: DecryptedMessage;
}

export interface DecryptedMessage {
  /** ClientHello, EncryptedExtensions, Certificate … (RFC 8446 §4). */
  name: string;
  bytes: Uint8Array;
  /** False for ClientHello and ServerHello, which everyone on the path reads too. */
  hidden: boolean;
  /** Its fields in words (RFC 8446 names). */
  fields: string[];
}

export interface WireRows {
  observation: SessionObservation;
  rows: PacketRow[];
}

export function wireRows(session: SessionRecord): WireRows {
  const observation = observeSession(session);
  const rows = observation.packets.map((packet): PacketRow => {
    const entry = session.entries[packet.index];
    const bytes = entry?.bytes ?? new Uint8Array(0);
    const altered = entry?.received ? [alteredNote(bytes, entry.received)] : [];
    return {
      number: packet.index + 1,
      packet,
      phase: packet.kind === 'plaintext' ? 'plaintext' : 'tls',
      bytes,
      ...(entry?.received ? { received: entry.received } : {}),
      summary: packet.kind === 'records' ? recordSummary(packet.records) : readableText(bytes, 160),
      learns: [...packet.learns, ...altered],
      ...(entry?.message && entry.carries ? { decrypted: { name: entry.carries, bytes: entry.message, hidden: !packet.records.some((r) => r.contentType === 'handshake'), fields: entry.messageFields ?? [] } } : {}),
    };
  });
  return { observation, rows };
}

export function recordSummary(records: ObservedRecord[]): string {
  if (records.length === 0) return 'part of a TLS record';
  return records
    .map((r) => (r.contentType === 'handshake' && r.messages.length ? `handshake: ${r.messages.join(', ')}` : r.contentType === 'application_data' ? 'application_data (encrypted)' : r.contentType))
    .join(' · ');
}

function alteredNote(sent: Uint8Array, received: Uint8Array): string {
  return `changed on the way: the other end received ${received.length} octets, not the ${sent.length} sent: ${readableText(received, 80)}`;
}

/** "+12 ms", "+1.50 s": compact, so the column stays narrow on a phone. */
export function formatOffset(ms: number): string {
  if (ms < 1000) return `+${Math.max(0, Math.round(ms))} ms`;
  if (ms < 60_000) return `+${(ms / 1000).toFixed(2)} s`;
  return `+${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

export function directionLabel(direction: Direction): string {
  return direction === 'to-server' ? 'client → server' : 'server → client';
}
