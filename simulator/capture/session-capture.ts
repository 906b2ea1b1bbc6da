/**
 * A session of the virtual network, as its network log recorded it, turned into the capture
 * writer's input: the octets each end sent with their times on the session's clock, the real
 * mail port, and addresses that can never be someone's real machine.
 */
import type { SessionRecord } from '../net/virtual-network-log.ts';
import type { CaptureInput } from './pcapng.ts';

/**
 * RFC 5737 documentation ranges (TEST-NET-1/2/3) and 127/8 loopback: a capture shared outside the
 * lab names no real host. The default world's hosts already live there.
 */
const SAFE_ADDRESS = /^(?:192\.0\.2|198\.51\.100|203\.0\.113|127\.\d{1,3}\.\d{1,3})\.\d{1,3}$/;
export const FALLBACK = { client: '127.0.0.1', server: '127.0.0.2' };
/** RFC 6335 §6: the dynamic (ephemeral) port range a client's port comes from. */
export const EPHEMERAL = 49152;

/** `address` when it is a documentation or loopback address, else `fallback`. */
export function safeAddress(address: string, fallback: string): string {
  return SAFE_ADDRESS.test(address) && address.split('.').every((o) => Number(o) <= 255) ? address : fallback;
}

/** The session's number (`host:port#N`) picks a client port, so two sessions never share one. */
function clientPort(id: string): number {
  const n = Number(/#(\d+)$/.exec(id)?.[1] ?? 0);
  return EPHEMERAL + (n % (65536 - EPHEMERAL));
}

/**
 * The bytes are those the sender put on the wire (`entry.bytes`): when an attacker on the path
 * changed them, the capture is the one taken at the sender. The key log is the session's own (its
 * TLS client's `keylog` events) unless one is given; a session without TLS has none.
 */
export function sessionCapture(session: SessionRecord, keyLog: readonly string[] | undefined = session.keyLog): CaptureInput {
  const input: CaptureInput = {
    client: { address: safeAddress(session.client.address, FALLBACK.client), port: clientPort(session.id) },
    server: { address: safeAddress(session.server.address, FALLBACK.server), port: session.port },
    openedAt: session.openedAt,
    writes: session.entries.map((e) => ({ time: e.time, direction: e.direction, bytes: e.bytes })),
  };
  if (session.closedAt !== null) input.closed = { time: session.closedAt, by: session.closedBy ?? 'client' };
  if (keyLog?.length) input.keyLog = keyLog;
  return input;
}

/** `mail.example.com-993-3.pcapng`: host, port and session number. */
export function captureFileName(session: SessionRecord): string {
  const n = /#(\d+)$/.exec(session.id)?.[1] ?? '0';
  return `${session.server.host.replace(/[^A-Za-z0-9.-]/g, '_')}-${session.port}-${n}.pcapng`;
}
