import { describe, expect, it } from 'vitest';
import { makeClient, makeServer, NOW, writes } from '../testing/tls-pair.ts';
import { RecordObserver } from './observe.ts';

const helloBytes = () => writes(makeClient().start(NOW));

describe('RecordObserver on the records of the TLS 1.3 in v13/', () => {
  it('reads the ClientHello and its SNI in the clear, however the bytes are cut', () => {
    const hello = helloBytes();
    const whole = new RecordObserver().push(hello);
    expect(whole).toMatchObject([{ contentType: 'handshake', length: hello.length, messages: ['ClientHello'], serverName: 'mail.example.test' }]);
    expect(whole[0]!.learns).toContain('mail.example.test');
    for (let cut = 1; cut < hello.length; cut++) {
      const observer = new RecordObserver();
      const seen = [...observer.push(hello.subarray(0, cut)), ...observer.push(hello.subarray(cut))];
      expect(seen).toEqual(whole);
    }
  });

  it("sees the server's flight as a ServerHello, then opaque application_data records of known length", () => {
    const flight = writes(makeServer().feed(helloBytes(), NOW));
    const seen = new RecordObserver().push(flight);
    expect(seen.map((r) => r.contentType)).toEqual(['handshake', 'application_data', 'application_data', 'application_data', 'application_data']);
    expect(seen[0]!.messages).toEqual(['ServerHello']);
    expect(seen.slice(1).every((r) => r.messages.length === 0 && r.serverName === null)).toBe(true);
    expect(seen.reduce((n, r) => n + r.length, 0)).toBe(flight.length);
  });

  it('names a HelloRetryRequest (a ServerHello with the special random, RFC 8446 §4.1.3)', () => {
    const client = makeClient({ groups: ['x25519', 'secp256r1'] });
    const server = makeServer({ groups: ['secp256r1'] });
    const seen = new RecordObserver().push(writes(server.feed(writes(client.start(NOW)), NOW)));
    expect(seen[0]).toMatchObject({ contentType: 'handshake', messages: ['HelloRetryRequest'] });
  });

  it('reads a plaintext alert by name, and says so when the bytes are not TLS at all', () => {
    // RFC 8446 §6: level fatal (2), handshake_failure (40), before any key.
    expect(new RecordObserver().push(Uint8Array.of(21, 3, 3, 0, 2, 2, 40))).toMatchObject([{ contentType: 'alert', learns: expect.stringContaining('handshake_failure') }]);
    const observer = new RecordObserver();
    expect(observer.push(new TextEncoder().encode('EHLO laptop\r\n'))).toMatchObject([{ contentType: 'unknown' }]);
    expect(observer.push(helloBytes())).toEqual([]);
  });
});
