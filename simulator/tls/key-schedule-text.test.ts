import { describe, expect, it } from 'vitest';
import { keySchedule } from './key-schedule-text.ts';

const RANDOM = 'ab'.repeat(32);

describe('keySchedule', () => {
  it('names each key log line as RFC 8446 §7.1 does, with what it protects', () => {
    const s = keySchedule([`SERVER_HANDSHAKE_TRAFFIC_SECRET ${RANDOM} ${'01'.repeat(32)}`, `CLIENT_TRAFFIC_SECRET_0 ${RANDOM} ${'02'.repeat(48)}`]);
    expect(s.map((x) => [x.name, x.secret.length])).toEqual([
      ['server_handshake_traffic_secret', 64],
      ['client_application_traffic_secret_0', 96],
    ]);
    expect(s[0]!.protects).toMatch(/Certificate/);
    expect(s[0]!.derivation).toContain('"s hs traffic"');
    expect(s[1]!.protects).toMatch(/password/);
  });

  it('leaves out lines of other labels and malformed lines', () => {
    expect(keySchedule([`CLIENT_RANDOM ${RANDOM} ${'00'.repeat(48)}`, 'CLIENT_TRAFFIC_SECRET_0 xyz 00', 'junk'])).toEqual([]);
  });
});
