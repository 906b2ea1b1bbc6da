/** Admission limits (issue 19): entries expire, IPv6 clients count per /64, a total cap. */
import { describe, expect, it } from 'vitest';
import { clientKey, ClientLimiter } from './limiter.ts';

const settings = { sessionsPerIp: 2, connectionsPerMinute: 3, maxSessions: 5 };

describe('client keys', () => {
  it('IPv4 as itself, IPv4-mapped as the IPv4 inside, IPv6 by its /64', () => {
    expect(clientKey('203.0.113.9')).toBe('203.0.113.9');
    expect(clientKey('::ffff:203.0.113.9')).toBe('203.0.113.9');
    expect(clientKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(clientKey('2001:db8:1:2:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(clientKey('2001:db8:1:3::1')).toBe('2001:db8:1:3::/64');
  });
});

describe('ClientLimiter', () => {
  it('refuses past the per-client concurrency, and again after release', () => {
    const l = new ClientLimiter(settings);
    expect(l.admit('198.51.100.1', 'id', 0)).toBeNull();
    expect(l.admit('198.51.100.1', 'id', 1)).toBeNull();
    expect(l.admit('198.51.100.1', 'id', 2)).toMatch(/^too many open sessions from your address: at most 2 at once; close one first\.$/);
    l.release('198.51.100.1', 'id', 3);
    expect(l.admit('198.51.100.1', 'id', 4)).toBeNull();
  });

  it('a new address of the same IPv6 /64 gets no fresh quota', () => {
    const l = new ClientLimiter(settings);
    expect(l.admit('2001:db8::1', 'id', 0)).toBeNull();
    expect(l.admit('2001:db8::2', 'id', 0)).toBeNull();
    expect(l.admit('2001:db8::3', 'id', 0)).toMatch(/too many open sessions/);
    expect(l.admit('2001:db8:0:1::1', 'id', 0)).toBeNull(); // another /64
  });

  it('limits connections per minute, sliding', () => {
    const l = new ClientLimiter({ ...settings, sessionsPerIp: 100 });
    for (let i = 0; i < 3; i++) {
      expect(l.admit('192.0.2.7', 'id', i * 1000)).toBeNull();
      l.release('192.0.2.7', 'id', i * 1000 + 1);
    }
    expect(l.admit('192.0.2.7', 'id', 5000)).toMatch(/at most 3 a minute/);
    expect(l.admit('192.0.2.7', 'id', 60_000)).toBeNull(); // the first has left the window
  });

  it('answers the total cap with a sentence', () => {
    const l = new ClientLimiter({ ...settings, maxSessions: 3 });
    for (let i = 0; i < 3; i++) expect(l.admit(`192.0.2.${i}`, 'id', 0)).toBeNull();
    expect(l.admit('192.0.2.99', 'id', 0)).toBe('the relay is at its limit of 3 sessions at once; try again in a minute.');
    l.release('192.0.2.0', 'id', 1);
    expect(l.admit('192.0.2.99', 'id', 1)).toBeNull();
    expect(l.open).toBe(3);
  });

  it('forgets clients: memory stays flat however many addresses were seen', () => {
    const l = new ClientLimiter({ ...settings, maxSessions: 1_000_000 });
    for (let i = 0; i < 10_000; i++) {
      const ip = `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
      expect(l.admit(ip, 'id', i)).toBeNull();
      l.release(ip, 'id', i);
    }
    expect(l.tracked).toBe(10_000); // all within the last minute
    l.admit('10.255.255.255', 'id', 10_000 + 60_000); // a minute later: the sweep drops the idle ones
    expect(l.tracked).toBe(1);
    // A flood that is refused adds nothing: a refused attempt is not stored.
    for (let i = 0; i < 1000; i++) l.admit('10.255.255.255', 'id', 70_001 + i);
    expect(l.tracked).toBe(1);
  });
});
