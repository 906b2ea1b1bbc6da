/**
 * The relay for the load bench, in its own process so its RSS is its own: started with the bench's
 * target port, it prints its URL, samples RSS every 50 ms, and sends the peak when asked (IPC).
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
let peak = process.memoryUsage().rss;
setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50).unref();
process.on('message', (m: { type: string }) => {
  if (m.type === 'peak') {
    void relay.metrics.text().then((text) => {
      const bytes = (direction: string) => Number(new RegExp(`mailwire_relay_bytes_total\\{direction="${direction}"\\} (\\d+)`).exec(text)?.[1] ?? 0);
      const pauses = text.split('\n').filter((l) => l.startsWith('mailwire_relay_backpressure_pauses_total{')).join('; ');
      process.send!({ type: 'peak', rss: peak, sessions: relay.sessions(), up: bytes('up'), down: bytes('down'), pauses });
    });
  }
  if (m.type === 'reset') peak = process.memoryUsage().rss;
  if (m.type === 'stop') void relay.close().then(() => process.exit(0));
});
process.send!({ type: 'ready', url: relay.url });
