/**
 * A live session (what crossed the relay, recorded in the page: ../transports/live-recording.ts)
 * as the capture writer's input, with the page's TLS key log so Wireshark decrypts it. The bytes
 * are the ones that went over the network (ciphertext once TLS in the page began), so the file
 * shows what an observer saw, and the key log opens it.
 */
import type { LiveSessionSnapshot } from '../transports/live-recording.ts';
import type { CaptureInput } from './pcapng.ts';
import { EPHEMERAL, FALLBACK, safeAddress } from './session-capture.ts';

/**
 * The server keeps its address only when it is loopback or documentation (a test server on this
 * machine); any other becomes 127.0.0.2, so a shared file names no real host. The page's own
 * address is never known to it, and is 127.0.0.1 (or .2 when the server is .1).
 */
export function liveCapture(session: LiveSessionSnapshot): CaptureInput {
  const server = safeAddress(session.address ?? '', FALLBACK.server);
  const client = server === FALLBACK.client ? FALLBACK.server : FALLBACK.client;
  const input: CaptureInput = {
    client: { address: client, port: EPHEMERAL + (session.openedAt % (65536 - EPHEMERAL)) },
    server: { address: server, port: session.port },
    openedAt: session.openedAt,
    writes: session.writes.map((w) => ({ time: w.time, direction: w.direction, bytes: w.bytes })),
  };
  if (session.closed) input.closed = session.closed;
  if (session.keyLog.length) input.keyLog = session.keyLog;
  return input;
}

/** `imap.example.com-993-live-20261202T161500Z.pcapng`. */
export function liveCaptureFileName(session: LiveSessionSnapshot): string {
  const stamp = new Date(session.openedAt).toISOString().replace(/[-:]|\.\d+/g, '');
  return `${session.host.replace(/[^A-Za-z0-9.-]/g, '_')}-${session.port}-live-${stamp}.pcapng`;
}
