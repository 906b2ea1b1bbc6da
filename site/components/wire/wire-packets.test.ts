import { describe, expect, it } from 'vitest';
import { ManualScheduler } from '../../../simulator/net/virtual-network-clock.ts';
import { createVirtualNetwork } from '../../../simulator/net/virtual-network-engines.ts';
import type { SessionRecord } from '../../../simulator/net/virtual-network-log.ts';
import { defaultWorld } from '../../../simulator/world/world.ts';
import { directionLabel, formatOffset, recordSummary, wireRows } from './wire-packets.ts';
import { testRandom } from '../../../simulator/testing/random.ts';

const T0 = Date.UTC(2026, 10, 26, 9, 0, 0);
const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

async function session(port: number, lines: string[], options: { startTlsAfter?: number; strip?: boolean } = {}): Promise<SessionRecord> {
  const scheduler = new ManualScheduler(T0);
  const network = createVirtualNetwork(defaultWorld(T0), { now: scheduler.clock, scheduler, random: testRandom(), strict: true, tlsLayer: 'records' });
  const result = network.connect('mail.example.com', port, options.strip ? { attack: { stripStarttls: true } } : {});
  if (!result.ok) throw new Error(result.message);
  result.connection.open(() => {});
  await network.settle();
  for (const [i, line] of lines.entries()) {
    scheduler.now += 5;
    result.connection.send(bytes(`${line}\r\n`));
    await network.settle();
    if (i === options.startTlsAfter) {
      result.connection.startTls();
      await network.settle();
    }
  }
  return result.connection.session;
}

describe('wireRows', () => {
  it('a plaintext POP3 session: the PASS line is readable, with direction, time and length', async () => {
    const { rows, observation } = wireRows(await session(110, ['USER alice@example.com', 'PASS wonderland']));
    expect(rows[0]).toMatchObject({ number: 1, phase: 'plaintext', packet: { direction: 'to-client', offset: 0 } });
    const pass = rows.find((r) => r.summary.startsWith('PASS'));
    expect(pass).toMatchObject({ phase: 'plaintext', summary: 'PASS wonderland\\r\\n', packet: { direction: 'to-server', length: 17, offset: 10 } });
    expect(pass?.learns.join(' ')).toMatch(/wonderland/);
    expect(observation.credentials).toMatchObject([{ user: 'alice@example.com', password: 'wonderland' }]);
  });

  it('after STLS: ClientHello with SNI, ServerHello, then only encrypted application data', async () => {
    const { rows, observation } = wireRows(await session(110, ['STLS', 'USER alice@example.com', 'PASS wonderland'], { startTlsAfter: 0 }));
    const tls = rows.filter((r) => r.phase === 'tls');
    expect(tls[0]).toMatchObject({ summary: 'handshake: ClientHello', packet: { direction: 'to-server' } });
    expect(tls[0]?.learns[0]).toContain('mail.example.com');
    expect(tls[1]?.summary).toBe('handshake: ServerHello');
    const after = tls.slice(2);
    expect(after.length).toBeGreaterThan(4);
    for (const r of after) {
      expect(r.summary).toBe('application_data (encrypted)');
      expect(r.learns.join(' ')).not.toMatch(/USER|PASS|wonderland/);
    }
    expect(observation).toMatchObject({ serverName: 'mail.example.com', credentials: [] });
  });

  it("beside the observer's records, the handshake messages the learner's client decrypted", async () => {
    const { rows } = wireRows(await session(110, ['STLS', 'USER alice@example.com'], { startTlsAfter: 0 }));
    const tls = rows.filter((r) => r.phase === 'tls');
    expect(tls.slice(0, 7).map((r) => [r.decrypted?.name, r.decrypted?.hidden])).toEqual([
      ['ClientHello', false], ['ServerHello', false],
      ['EncryptedExtensions', true], ['Certificate', true], ['CertificateVerify', true], ['Finished', true], ['Finished', true],
    ]);
    // The observer's view of the same rows stays ciphertext; the message is the RFC 8446 §4 wire form (type, length, body).
    const certificate = tls[3]!;
    expect(certificate.summary).toBe('application_data (encrypted)');
    expect(certificate.decrypted!.bytes[0]).toBe(11);
    expect(certificate.decrypted!.bytes.length).toBeLessThan(certificate.bytes.length);
    expect(certificate.decrypted!.fields).toEqual([expect.stringMatching(/^certificate \(X\.509, \d+ octets of DER\): CN=mail\.example\.com, issued by CN=Mailwire Virtual CA, valid 2026-11-25 to /)]);
    expect(tls[0]!.decrypted!.fields).toContain('server_name (RFC 6066 §3): mail.example.com');
    // Application data carries no handshake message: nothing decrypted is shown for it.
    expect(tls.slice(7).every((r) => r.decrypted === undefined)).toBe(true);
  });

  it('marks packets an attacker changed and shows what arrived', async () => {
    const { rows } = wireRows(await session(110, ['CAPA'], { strip: true }));
    const changed = rows.find((r) => r.received);
    expect(changed?.learns.at(-1)).toMatch(/^changed on the way: the other end received \d+ octets/);
    expect(new TextDecoder().decode(changed?.received)).toMatch(/^XXXX\r$/m);
  });
});

describe('labels', () => {
  it('formats offsets compactly', () => {
    expect(formatOffset(12.4)).toBe('+12 ms');
    expect(formatOffset(1500)).toBe('+1.50 s');
    expect(formatOffset(125_000)).toBe('+2 min 5 s');
    expect(directionLabel('to-server')).toBe('client → server');
    expect(recordSummary([])).toBe('part of a TLS record');
  });
});
