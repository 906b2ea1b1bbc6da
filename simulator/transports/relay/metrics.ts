/**
 * What an operator watches (`GET /metrics`, Prometheus text format through prom-client): sessions
 * open, how sessions ended and with which error code, bytes each way, and how long DNS lookups and
 * TCP connects take. One registry per relay, so tests can run several relays in one process.
 */
import { Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Seconds: DNS answers and connects within a few ms on a LAN, up to the 10 s connect timeout. */
const LATENCY_BUCKETS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export class RelayMetrics {
  readonly registry = new Registry();
  readonly sessionsOpen = new Gauge({ name: 'mailwire_relay_sessions_open', help: 'Sessions open now', registers: [this.registry] });
  readonly sessionsEnded = new Counter({
    name: 'mailwire_relay_sessions_total',
    help: 'Sessions ended, by outcome (closed by client/server, refused) and error code (none when no error)',
    labelNames: ['outcome', 'code'] as const,
    registers: [this.registry],
  });
  readonly bytes = new Counter({
    name: 'mailwire_relay_bytes_total',
    help: 'Bytes relayed: up is browser to server, down is server to browser',
    labelNames: ['direction'] as const,
    registers: [this.registry],
  });
  /**
   * The two directions' counters, looked up once: every chunk relayed counts its bytes, and a
   * labelled lookup per chunk (hashing the labels) was a measurable share of the relay's CPU.
   */
  readonly bytesUp = this.bytes.labels({ direction: 'up' });
  readonly bytesDown = this.bytes.labels({ direction: 'down' });
  readonly dnsSeconds = new Histogram({
    name: 'mailwire_relay_dns_seconds',
    help: 'Time to resolve a target host name',
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  readonly connectSeconds = new Histogram({
    name: 'mailwire_relay_connect_seconds',
    help: 'Time from starting a TCP (or implicit TLS) connection to it being up',
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  readonly backpressurePauses = new Counter({
    name: 'mailwire_relay_backpressure_pauses_total',
    help: 'Times one side was paused because the other could not keep up',
    labelNames: ['paused'] as const,
    registers: [this.registry],
  });
  readonly draining = new Gauge({ name: 'mailwire_relay_draining', help: '1 while the relay drains before it stops', registers: [this.registry] });

  /** An ended session: `code` is the relay error code, if it ended on one. */
  ended(outcome: string, code: string | null): void {
    this.sessionsEnded.inc({ outcome, code: code ?? 'none' });
  }

  text(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
