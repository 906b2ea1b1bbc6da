/** Per-client-IP admission: concurrent sessions and a sliding one-minute connection rate. */
export class ClientLimiter {
  private readonly active = new Map<string, number>();
  private readonly recent = new Map<string, number[]>();

  constructor(
    private readonly sessionsPerIp: number,
    private readonly connectionsPerMinute: number,
  ) {}

  /** Records an attempt; returns why it is refused, or null when admitted. */
  admit(ip: string, now: number): string | null {
    const times = (this.recent.get(ip) ?? []).filter((t) => now - t < 60_000);
    times.push(now);
    this.recent.set(ip, times);
    if (times.length > this.connectionsPerMinute) {
      return `too many connections from your address: at most ${this.connectionsPerMinute} a minute`;
    }
    const count = this.active.get(ip) ?? 0;
    if (count >= this.sessionsPerIp) return `too many open sessions from your address: at most ${this.sessionsPerIp} at once`;
    this.active.set(ip, count + 1);
    return null;
  }

  release(ip: string): void {
    const count = (this.active.get(ip) ?? 1) - 1;
    if (count <= 0) this.active.delete(ip);
    else this.active.set(ip, count);
  }
}
