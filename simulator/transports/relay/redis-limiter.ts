/**
 * The relay's limits kept in Redis (`--redis URL`), so N relays behind one load balancer enforce one
 * limit: per client (IPv4 address or IPv6 /64) sessions at once and connections a minute, and the
 * total. One Lua script checks and records atomically. Open sessions are leases a relay renews
 * while they live, so a relay that dies frees its clients' quota within a lease. When Redis cannot
 * be reached, new sessions are refused ("limits unavailable") rather than let through unlimited;
 * the client reconnects by itself and admission resumes.
 */
import { Redis } from 'ioredis';
import { clientKey, refusal, WINDOW_MS, type Admission, type LimiterSettings } from './limiter.ts';

/** How long an open session holds its place without renewal; renewed every third of it. */
export const LEASE_MS = 30_000;

// KEYS: 1 the client's open sessions (zset id -> lease end), 2 its connections (zset id -> time),
// 3 all open sessions (zset id -> lease end). ARGV: now, window, perIp, perMinute, max, id, lease.
const ADMIT = `
local now, window = tonumber(ARGV[1]), tonumber(ARGV[2])
local perIp, perMinute, max = tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5])
local id, lease = ARGV[6], tonumber(ARGV[7])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', now)
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now - window)
if redis.call('ZCARD', KEYS[3]) >= max then return 'total' end
if redis.call('ZCARD', KEYS[2]) >= perMinute then return 'rate' end
if redis.call('ZCARD', KEYS[1]) >= perIp then return 'open' end
redis.call('ZADD', KEYS[1], now + lease, id)
redis.call('PEXPIRE', KEYS[1], lease)
redis.call('ZADD', KEYS[2], now, id)
redis.call('PEXPIRE', KEYS[2], window)
redis.call('ZADD', KEYS[3], now + lease, id)
return 'ok'
`;

type Verdict = 'ok' | 'total' | 'rate' | 'open';

export class RedisLimiter implements Admission {
  private readonly redis: Redis;
  private readonly live = new Map<string, string>();
  private readonly renewal: NodeJS.Timeout;

  constructor(
    url: string,
    private readonly settings: LimiterSettings,
    private readonly prefix = 'mailwire:relay:',
  ) {
    // Fail fast while Redis is away (no queue, no retries per command); reconnect in the background.
    this.redis = new Redis(url, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: 2000,
      retryStrategy: (times) => Math.min(100 * times, 1000),
      lazyConnect: false,
    });
    this.redis.on('error', () => {}); // reported as "limits unavailable" to whoever is refused
    this.redis.defineCommand('mailwireAdmit', { numberOfKeys: 3, lua: ADMIT });
    this.renewal = setInterval(() => void this.renew(Date.now()), LEASE_MS / 3);
    this.renewal.unref();
  }

  /** Resolves once Redis answers (for the CLI, so a wrong URL is said at start). */
  async ready(timeoutMs = 5000): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.redis.status === 'ready') return true;
      await new Promise((ok) => setTimeout(ok, 50));
    }
    return false;
  }

  private keys(address: string): [string, string, string] {
    const client = clientKey(address);
    return [`${this.prefix}open:${client}`, `${this.prefix}rate:${client}`, `${this.prefix}total`];
  }

  async admit(address: string, id: string, now: number): Promise<string | null> {
    const { sessionsPerIp, connectionsPerMinute, maxSessions } = this.settings;
    let verdict: Verdict;
    try {
      const call = (this.redis as unknown as { mailwireAdmit: (...args: (string | number)[]) => Promise<Verdict> }).mailwireAdmit;
      verdict = await call.call(this.redis, ...this.keys(address), now, WINDOW_MS, sessionsPerIp, connectionsPerMinute, maxSessions, id, LEASE_MS);
    } catch {
      return refusal('unavailable', this.settings);
    }
    if (verdict !== 'ok') return refusal(verdict, this.settings);
    this.live.set(id, address);
    return null;
  }

  release(address: string, id: string): void {
    this.live.delete(id);
    const [open, , total] = this.keys(address);
    // Best effort: if Redis is away now, the lease runs out by itself.
    this.redis.multi().zrem(open, id).zrem(total, id).exec().catch(() => {});
  }

  /** Extends the leases of this relay's open sessions. */
  private async renew(now: number): Promise<void> {
    if (this.live.size === 0) return;
    const batch = this.redis.multi();
    for (const [id, address] of this.live) {
      const [open, , total] = this.keys(address);
      batch.zadd(open, 'XX', now + LEASE_MS, id).pexpire(open, LEASE_MS).zadd(total, 'XX', now + LEASE_MS, id);
    }
    await batch.exec().catch(() => {});
  }

  async close(): Promise<void> {
    clearInterval(this.renewal);
    this.redis.disconnect();
  }
}
