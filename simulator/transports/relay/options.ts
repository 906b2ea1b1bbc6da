/** The relay's settings, with the safe defaults of issue #10: loopback, mail ports only, no private targets. */

export const DEFAULT_PORTS = [25, 465, 587, 2525, 110, 995, 143, 993];

export interface RelayLimits {
  /** Concurrent sessions one client IP may hold. */
  sessionsPerIp: number;
  /** New WebSocket connections one client IP may open per minute. */
  connectionsPerMinute: number;
  /** A session with no traffic either way for this long is closed. */
  idleMs: number;
  /** No session lives longer than this. */
  maxSessionMs: number;
  /** The largest binary frame accepted from the browser. */
  maxFrame: number;
  /** Bytes relayed per session, both directions together. */
  maxBytes: number;
  /** How long a TCP connect may take. */
  connectTimeoutMs: number;
  /** Sessions open at once over all clients (`--max-sessions`). */
  maxSessions: number;
}

export interface RelayOptions {
  host: string;
  port: number;
  allowPorts: number[];
  /** Host name patterns (`*.example.com`); empty means any host. */
  allowHosts: string[];
  allowPrivate: boolean;
  /** Origins allowed to open the relay; empty means no Origin check. */
  origins: string[];
  token: string | null;
  /** Extra CA certificates (PEM) to trust besides the system roots; also offered to the page (hello). */
  ca: string | null;
  /**
   * Whether the relay runs TLS itself when the page asks (`connect` with `implicit`, `starttls`).
   * False with `--no-terminate`: the relay is then only a byte pipe and never holds a session's keys.
   */
  terminate: boolean;
  limits: RelayLimits;
  /** Keep the limits in this Redis (`--redis redis://host:6379`), shared by every relay using it; null: in memory. */
  redis: string | null;
  /** On SIGTERM: how long open sessions may go on after being told the relay restarts (`--drain-seconds`). */
  drainSeconds: number;
}

export const DEFAULT_LIMITS: RelayLimits = {
  sessionsPerIp: 8,
  connectionsPerMinute: 30,
  idleMs: 5 * 60_000,
  maxSessionMs: 30 * 60_000,
  maxFrame: 64 * 1024,
  maxBytes: 25 * 1024 * 1024,
  connectTimeoutMs: 10_000,
  // About 1 MB of buffers per busy session at most (two directions' high-water marks and the
  // sockets'): 200 stay well under the 300 MB a small VM can give the relay.
  maxSessions: 200,
};

export function defaultOptions(): RelayOptions {
  return {
    host: '127.0.0.1',
    port: 8787,
    allowPorts: [...DEFAULT_PORTS],
    allowHosts: [],
    allowPrivate: false,
    origins: ['http://localhost:4321', 'http://127.0.0.1:4321'],
    token: null,
    ca: null,
    terminate: true,
    limits: { ...DEFAULT_LIMITS },
    drainSeconds: 30,
    redis: null,
  };
}

/** `*.example.com` matches one or more labels below example.com; other patterns match exactly. */
export function hostAllowed(host: string, patterns: readonly string[]): boolean {
  if (patterns.length === 0) return true;
  const h = host.toLowerCase().replace(/\.$/, '');
  return patterns.some((p) => {
    const pattern = p.toLowerCase();
    return pattern.startsWith('*.') ? h.endsWith(pattern.slice(1)) && h.length > pattern.length - 1 : h === pattern;
  });
}
