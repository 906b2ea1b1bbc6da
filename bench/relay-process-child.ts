/**
 * The relay for the bench (bench/relay-process.ts), in its own process: started with the bench's
 * target port, it sends its URL, samples RSS every 50 ms once told to 'reset', and sends the peak
 * when asked (IPC).
 */
import { startRelay } from '../simulator/transports/relay/server.ts';

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
// RSS is sampled from the first 'reset' on (the load bench), so the throughput bench's relay does
// no work that websockify does not.
let peak = process.memoryUsage.rss();
let sampler: NodeJS.Timeout | null = null;
process.on('message', (m: { type: string }) => {
  if (m.type === 'peak') {
    void relay.metrics.text().then((text) => {
      const bytes = (direction: string) => Number(new RegExp(`mailwire_relay_bytes_total\\{direction="${direction}"\\} (\\d+)`).exec(text)?.[1] ?? 0);
      const pauses = text.split('\n').filter((l) => l.startsWith('mailwire_relay_backpressure_pauses_total{')).join('; ');
      process.send!({ type: 'peak', rss: peak, sessions: relay.sessions(), up: bytes('up'), down: bytes('down'), pauses });
    });
  }
  if (m.type === 'reset') {
    peak = process.memoryUsage.rss();
    sampler ??= setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 50).unref();
  }
  if (m.type === 'stop') void relay.close().then(() => process.exit(0));
});
process.send!({ type: 'ready', url: relay.url });
