import { describe, expect, it } from 'vitest';
import { ManualScheduler } from '../../../simulator/net/virtual-network-clock.ts';
import { createVirtualNetwork } from '../../../simulator/net/virtual-network-engines.ts';
import { probePort, type ProbeRow } from '../../../simulator/scenarios/ports-probe.ts';
import { defaultWorld } from '../../../simulator/world/world.ts';
import { probeText } from './probe-text.ts';
import { testRandom } from '../../../simulator/testing/random.ts';

const T0 = Date.UTC(2026, 10, 26, 9, 0, 0);

async function probe(port: number, plaintextAuth = false): Promise<ProbeRow> {
  const world = defaultWorld(T0);
  for (const h of world.hosts) h.settings.plaintextAuth = plaintextAuth;
  const scheduler = new ManualScheduler(T0);
  const network = createVirtualNetwork(world, { now: scheduler.clock, scheduler, random: testRandom(), tlsLayer: 'records' });
  return probePort(network, 'mail.example.com', port);
}

describe('probeText', () => {
  it('a STARTTLS port that keeps AUTH until TLS', async () => {
    expect(probeText(await probe(587))).toMatchObject({ banner: expect.stringMatching(/^220 mail\.example\.com/), tls: 'yes, after STARTTLS', auth: expect.stringMatching(/^no \(after TLS: .*PLAIN/) });
  });

  it('a legacy server offers AUTH before TLS', async () => {
    expect(probeText(await probe(110, true)).auth).toBe('YES: a password may go in clear');
  });

  it('an implicit-TLS port has no plaintext phase', async () => {
    expect(probeText(await probe(993))).toMatchObject({ banner: expect.stringMatching(/^\* OK/), tls: 'yes, from the first byte', auth: 'no plaintext phase' });
  });

  it('port 26: refused, and says why', async () => {
    expect(probeText(await probe(26))).toMatchObject({ banner: expect.stringMatching(/^refused: .*port 26/), tls: '—', auth: '—' });
  });
});
