import { describe, expect, it } from 'vitest';
import { ManualScheduler } from '../net/virtual-network-clock.ts';
import { createVirtualNetwork } from '../net/virtual-network-engines.ts';
import { probeAllPorts, PROBE_PORTS } from './ports-probe.ts';
import { defaultWorld } from '../world/world.ts';
import { testRandom } from '../testing/random.ts';

const T0 = Date.UTC(2026, 10, 26, 9, 0, 0);

function network(plaintextAuth = false) {
  const world = defaultWorld(T0);
  for (const h of world.hosts) h.settings.plaintextAuth = plaintextAuth;
  const scheduler = new ManualScheduler(T0);
  return createVirtualNetwork(world, { now: scheduler.clock, scheduler, random: testRandom(), strict: true, tlsLayer: 'records' });
}

describe('ports probe ("try all")', () => {
  it('fills every row from what the engines did', async () => {
    const rows = await probeAllPorts(network());
    expect(rows.map((r) => r.port)).toEqual([...PROBE_PORTS]);
    const by = (port: number) => rows.find((r) => r.port === port)!;
    for (const row of rows) {
      if (row.port === 26) continue;
      expect(row).toMatchObject({ status: 'open', tlsWorks: true, error: null });
      expect(row.banner).toMatch(/^(220 |\+OK|\* OK)/);
      expect(row.certificate).toMatchObject({ subject: 'CN=mail.example.com', issuer: 'CN=Mailwire Virtual CA' });
      expect(row.authAfterTls.length).toBeGreaterThan(0);
    }
    expect(by(26)).toMatchObject({ status: 'refused', protocol: null, banner: null, error: expect.stringContaining('refused') });
    for (const port of [465, 995, 993]) expect(by(port)).toMatchObject({ tls: 'implicit', authBeforeTls: null });
    for (const port of [587, 2525, 110, 143]) expect(by(port)).toMatchObject({ tls: 'starttls', authBeforeTls: false });
    expect(by(25)).toMatchObject({ tls: 'starttls', role: 'relay' });
    expect(by(465).banner).toMatch(/^220 mail\.example\.com/);
    expect(by(587).authAfterTls).toEqual(['PLAIN', 'LOGIN']);
    expect(by(143).authAfterTls).toContain('LOGIN');
  });

  it('says AUTH is offered before TLS when the host allows plaintext authentication', async () => {
    const rows = await probeAllPorts(network(true), 'mail.example.org', [587, 110, 143]);
    expect(rows.map((r) => r.authBeforeTls)).toEqual([true, true, true]);
  });
});
