/**
 * The relay for the bench (bench/relay-process.ts), in its own process: started with the bench's
 * target port, it sends its URL, samples RSS every 50 ms once told to 'reset', and sends the peak
 * when asked (IPC), with where the memory was at that moment (process.memoryUsage(), and the bytes
 * the sessions held for backpressure).
 */
import { startRelay } from '../simulator/transports/relay/server.ts';
import type { MemoryAtPeak } from './relay-process.ts';

const targetPort = Number(process.argv[2]);
const relay = await startRelay(
  {
    port: 0,
    origins: [],
    allowPrivate: true,
    allowPorts: [targetPort],
    limits: { sessionsPerIp: 10_000, connectionsPerMinute: 100_000, maxSessions: 10_000, idleMs: 600_000, maxSessionMs: 3_600_000, maxBytes: 1 << 30 },
  },
  { log: () => undefined },
);

/** The full breakdown costs a walk of the heap's spaces, so it is taken only when RSS sets a new peak. */
function breakdown(): MemoryAtPeak {
  const { rss, heapTotal, heapUsed, external, arrayBuffers } = process.memoryUsage();
  const held = relay.buffered();
  return { rss, heapTotal, heapUsed, external, arrayBuffers, heldToBrowser: held.toBrowser, heldToServer: held.toServer };
}

// RSS is sampled from the first 'reset' on (the load bench), so the throughput bench's relay does
// no work that websockify does not.
let peak = breakdown();
let sampler: NodeJS.Timeout | null = null;
function sample(): void {
  if (process.memoryUsage.rss() > peak.rss) peak = breakdown();
}
process.on('message', (m: { type: string }) => {
  if (m.type === 'peak') {
    void relay.metrics.text().then((text) => {
      const bytes = (direction: string) => Number(new RegExp(`mailwire_relay_bytes_total\\{direction="${direction}"\\} (\\d+)`).exec(text)?.[1] ?? 0);
      const pauses = text.split('\n').filter((l) => l.startsWith('mailwire_relay_backpressure_pauses_total{')).join('; ');
      process.send!({ type: 'peak', rss: peak.rss, memory: peak, sessions: relay.sessions(), up: bytes('up'), down: bytes('down'), pauses });
    });
  }
  if (m.type === 'reset') {
    peak = breakdown();
    sampler ??= setInterval(sample, 50).unref();
  }
  if (m.type === 'stop') void relay.close().then(() => process.exit(0));
});
process.send!({ type: 'ready', url: relay.url });
