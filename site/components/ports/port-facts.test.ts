import { describe, expect, it } from 'vitest';
import { MAIL_PORTS, PORT_FACTS } from '../../../simulator/world/ports.ts';
import { PROBE_PORTS } from '../../../simulator/scenarios/ports-probe.ts';
import { CLAIMS } from './port-facts.ts';

describe('the ports table', () => {
  it('lists the ports the issue and the probe list, in the same order', () => {
    expect(PORT_FACTS.map((f) => f.port)).toEqual([...PROBE_PORTS]);
  });

  it('the virtual hosts listen on every port of the table but 26', () => {
    expect(MAIL_PORTS.map((p) => p.port)).toEqual(PORT_FACTS.map((f) => f.port).filter((p) => p !== 26));
  });

  it('calls a port standard exactly when IANA registers a mail service on it', () => {
    for (const f of PORT_FACTS) expect(f.standard).toBe(f.iana !== null);
    for (const f of PORT_FACTS) expect(f.ianaElse === null).toBe(f.iana !== null);
  });

  it('implicit TLS only on the three "s" services of RFC 8314 §7', () => {
    expect(PORT_FACTS.filter((f) => f.tls === 'implicit').map((f) => f.iana?.service)).toEqual(['submissions', 'pop3s', 'imaps']);
  });

  it('cites RFC 8314 §3.3 and §7.3 against the two common claims', () => {
    const cites = CLAIMS.flatMap((c) => c.cite);
    expect(cites).toContain('RFC 8314 §3.3');
    expect(cites).toContain('RFC 8314 §7.3');
  });

  it('says what 2525 and 26 are in the same words everywhere: the claims read the table', () => {
    const claim = CLAIMS.find((c) => c.claim.includes('2525'));
    expect(claim?.answer).toContain('alternative to 587 for submission, for networks that block outbound 25 and 587');
    expect(claim?.answer).toContain('ms-v-worlds');
    expect(claim?.answer).toContain('unassigned');
  });
});
