/**
 * Admission: sessions at once and new connections per minute per client, and sessions in total.
 * Memory stays flat: a client's entry goes when it has no session open and no connection in the
 * last minute, and each entry keeps at most `connectionsPerMinute` times. IPv6 clients are keyed
 * by their /64 (RFC 4291 §2.5.4: one subnet, usually one customer), so rotating addresses within
 * it earns no fresh quota.
 */
import { formatIPv4, parseIPv4, parseIPv6 } from '../address-policy.ts';

export const WINDOW_MS = 60_000;

interface ClientEntry {
  open: number;
  /** Times of the admitted connections of the last minute, oldest first. */
  recent: number[];
}

export interface LimiterSettings {
  sessionsPerIp: number;
  connectionsPerMinute: number;
  maxSessions: number;
}

/** The key a client's limits are kept under: its IPv4 address, or its IPv6 /64. */
export function clientKey(address: string): string {
  const groups = parseIPv6(address);
  if (!groups) return parseIPv4(address) !== null ? formatIPv4(parseIPv4(address)!) : address;
  // An IPv4 client on a dual-stack socket arrives as ::ffff:a.b.c.d (RFC 4291 §2.5.5.2).
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) return formatIPv4(groups[6]! * 65536 + groups[7]!);
  return `${groups.slice(0, 4).map((g) => g.toString(16)).join(':')}::/64`;
}

/** Why a session was not admitted; each has one sentence for the learner (`refusal`). */
export type RefusalKind = 'total' | 'rate' | 'open' | 'unavailable';

export function refusal(kind: RefusalKind, settings: LimiterSettings): string {
  switch (kind) {
    case 'total':
      return `the relay is at its limit of ${settings.maxSessions} sessions at once; try again in a minute.`;
    case 'rate':
      return `too many connections from your address: at most ${settings.connectionsPerMinute} a minute; wait a little and connect again.`;
    case 'open':
      return `too many open sessions from your address: at most ${settings.sessionsPerIp} at once; close one first.`;
    case 'unavailable':
      return 'limits unavailable: the relay cannot reach the store its limits are kept in, so it takes no new sessions; try again in a minute.';
  }
}

/** Admission as the server uses it: in memory (ClientLimiter) or shared by relays (RedisLimiter). */
export interface Admission {
  /** Records an attempt of session `id`; returns why it is refused (a sentence), or null when admitted. */
  admit(address: string, id: string, now: number): string | null | Promise<string | null>;
  release(address: string, id: string, now: number): void;
  close(): Promise<void>;
}

export class ClientLimiter implements Admission {
  private readonly clients = new Map<string, ClientEntry>();
  private total = 0;
  private lastSweep = 0;

  constructor(private readonly settings: LimiterSettings) {}

  /** Records an attempt from `address`; returns why it is refused (a sentence), or null when admitted. */
  admit(address: string, _id: string, now: number): string | null {
    this.sweep(now);
    const { sessionsPerIp, connectionsPerMinute, maxSessions } = this.settings;
    if (this.total >= maxSessions) return refusal('total', this.settings);
    const key = clientKey(address);
    const entry = this.clients.get(key) ?? { open: 0, recent: [] };
    while (entry.recent.length && now - entry.recent[0]! >= WINDOW_MS) entry.recent.shift();
    if (entry.recent.length >= connectionsPerMinute) return refusal('rate', this.settings);
    if (entry.open >= sessionsPerIp) return refusal('open', this.settings);
    entry.recent.push(now);
    entry.open++;
    this.total++;
    this.clients.set(key, entry);
    return null;
  }

  release(address: string, _id: string, now: number): void {
    const key = clientKey(address);
    const entry = this.clients.get(key);
    if (!entry || entry.open === 0) return;
    entry.open--;
    this.total--;
    this.forgetIfIdle(key, entry, now);
  }

  async close(): Promise<void> {}

  /** Sessions open now, over all clients. */
  get open(): number {
    return this.total;
  }

  /** Clients the limiter holds an entry for (open sessions, or connections in the last minute). */
  get tracked(): number {
    return this.clients.size;
  }

  /** At most once per window, drops every entry with nothing open and nothing recent. */
  private sweep(now: number): void {
    if (now - this.lastSweep < WINDOW_MS) return;
    this.lastSweep = now;
    for (const [key, entry] of this.clients) this.forgetIfIdle(key, entry, now);
  }

  private forgetIfIdle(key: string, entry: ClientEntry, now: number): void {
    while (entry.recent.length && now - entry.recent[0]! >= WINDOW_MS) entry.recent.shift();
    if (entry.open === 0 && entry.recent.length === 0) this.clients.delete(key);
  }
}
