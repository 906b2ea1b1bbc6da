import { describe, expect, it } from 'vitest';
import { MAIL_PORTS } from '../../../simulator/net/ports.ts';
import { PROBE_PORTS } from '../../../simulator/net/ports-probe.ts';
import { CLAIMS, PORT_FACTS } from './port-facts.ts';

describe('the ports table', () => {
  it('lists the ports the issue and the probe list, in the same order', () => {
    expect(PORT_FACTS.map((f) => f.port)).toEqual([...PROBE_PORTS]);
  });

  it('agrees with the virtual hosts\' port table on protocol, role, TLS mode and IANA name', () => {
    for (const spec of MAIL_PORTS) {
      const facts = PORT_FACTS.find((f) => f.port === spec.port);
      expect(facts, `port ${spec.port}`).toBeDefined();
      expect({ protocol: facts!.protocol, role: facts!.role, tls: facts!.tls, iana: facts!.iana?.service ?? null }).toEqual({
        protocol: spec.protocol, role: spec.role, tls: spec.tls, iana: spec.iana,
      });
    }
  });

  it('calls a port standard exactly when IANA registers a mail service on it', () => {
    for (const f of PORT_FACTS) expect(f.standard).toBe(f.iana !== null);
  });

  it('implicit TLS only on the three "s" services of RFC 8314 §7', () => {
    expect(PORT_FACTS.filter((f) => f.tls === 'implicit').map((f) => f.iana?.service)).toEqual(['submissions', 'pop3s', 'imaps']);
  });

  it('cites RFC 8314 §3.3 and §7.3 against the two common claims', () => {
    const cites = CLAIMS.flatMap((c) => c.cite);
    expect(cites).toContain('RFC 8314 §3.3');
    expect(cites).toContain('RFC 8314 §7.3');
  });
});
