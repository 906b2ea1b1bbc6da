import { describe, expect, it } from 'vitest';
import { MAIL_PORTS } from '../../../simulator/world/ports.ts';
import { attackOf, DEFAULT_SCENARIO, hasStarttls, LAB_PORTS, outcomeText } from './scenario.ts';

describe('scenario', () => {
  it("maps the toggles to the network's attack options", () => {
    expect(attackOf({ ...DEFAULT_SCENARIO, eavesdrop: false })).toEqual({});
    expect(attackOf({ ...DEFAULT_SCENARIO, strip: true, impostor: 'wrong-name' })).toEqual({ eavesdrop: true, stripStarttls: true, impostor: 'wrong-name' });
  });

  it('offers every port the virtual hosts listen on, with the port table\'s TLS mode', () => {
    expect(LAB_PORTS.map((p) => p.port).sort()).toEqual(MAIL_PORTS.map((p) => p.port).sort());
    for (const spec of MAIL_PORTS) expect(hasStarttls(spec.port)).toBe(spec.tls === 'starttls');
  });

  it('says what the client did', () => {
    expect(outcomeText({ outcome: 'logged-in', usedTls: false, reason: '' })).toMatch(/PLAINTEXT/);
    expect(outcomeText({ outcome: 'refused-by-client', usedTls: false, reason: 'no STLS' })).toBe('The client refused to go on: no STLS.');
  });
});
