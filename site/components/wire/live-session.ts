/**
 * A live session (recorded in the page as it crossed the relay) in the shape the wire view reads
 * for virtual sessions, so one view shows both: the plaintext before STARTTLS as it went, then
 * one row per TLS record with what an observer sees of it, and beside it the handshake message
 * the page's own client sent or decrypted there (it holds the keys; the relay never does).
 */
import type { SessionRecord, WireEntry } from '../../../simulator/net/virtual-network-log.ts';
import { handshakeLabel } from '../../../simulator/tls/observe.ts';
import type { LiveHandshakeMessage, LiveSessionSnapshot } from '../../../simulator/transports/bridge.ts';
import { concatBytes } from '../../../simulator/wire/bytes.ts';
import type { MailProtocol } from '../../../simulator/world/ports.ts';

/** A message's fields in words (simulator/tls/handshake-text.ts, passed in: it brings the X.509 parser). */
export type DescribeHandshake = (raw: Uint8Array) => string[];

/** RFC 8446 §5.1: type (1), legacy_record_version (2), length (2). */
const HEADER = 5;

export function liveSessionRecord(live: LiveSessionSnapshot, protocol: MailProtocol, describe: DescribeHandshake): SessionRecord {
  const messages = new Map<string, LiveHandshakeMessage[]>();
  for (const m of live.messages) {
    const key = `${m.direction}#${m.record}`;
    messages.set(key, [...(messages.get(key) ?? []), m]);
  }
  const pending = { 'to-server': new Uint8Array(0), 'to-client': new Uint8Array(0) };
  const count = { 'to-server': 0, 'to-client': 0 };
  const entries: WireEntry[] = [];
  for (const w of live.writes) {
    if (!w.tls) {
      entries.push({ time: w.time, direction: w.direction, bytes: w.bytes, tls: false });
      continue;
    }
    // One row per whole record, at the time its last octet arrived.
    let buffer = concatBytes([pending[w.direction], w.bytes]);
    while (buffer.length >= HEADER && buffer.length >= HEADER + ((buffer[3]! << 8) | buffer[4]!)) {
      const size = HEADER + ((buffer[3]! << 8) | buffer[4]!);
      const carried = messages.get(`${w.direction}#${count[w.direction]++}`) ?? [];
      entries.push({ time: w.time, direction: w.direction, bytes: buffer.slice(0, size), tls: true, ...carriedBy(carried, describe) });
      buffer = buffer.subarray(size);
    }
    pending[w.direction] = buffer.slice();
  }
  // A record cut short when the session ended still went over the wire.
  for (const direction of ['to-server', 'to-client'] as const) {
    if (pending[direction].length) entries.push({ time: live.closed?.time ?? live.openedAt, direction, bytes: pending[direction], tls: true });
  }
  const page = 'this page';
  return {
    id: `live:${live.host}:${live.port}@${live.openedAt}`,
    origin: 'client',
    client: { address: page, name: 'Your browser' },
    server: { host: live.host, address: live.address ?? live.host },
    port: live.port,
    protocol,
    openedAt: live.openedAt,
    closedAt: live.closed?.time ?? null,
    closedBy: live.closed?.by ?? null,
    tls: null,
    tlsLayer: 'records',
    ...(live.keyLog.length ? { keyLog: [...live.keyLog] } : {}),
    entries,
    droppedBytes: 0,
  };
}

/** The message(s) a record carried, as the wire view's `carries`, `message` and `messageFields`. */
function carriedBy(carried: LiveHandshakeMessage[], describe: DescribeHandshake): Pick<WireEntry, 'carries' | 'message' | 'messageFields'> {
  if (carried.length === 0) return {};
  const names = carried.map((m) => handshakeLabel(m.name));
  const fields = carried.flatMap((m, i) => describe(m.bytes).map((f) => (carried.length > 1 ? `${names[i]}: ${f}` : f)));
  return { carries: names.join(', '), message: concatBytes(carried.map((m) => m.bytes)), messageFields: fields };
}
