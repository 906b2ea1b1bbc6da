import { describe, expect, it } from 'vitest';
import { connectedPair, makeClient, makeServer, NOW, writes } from '../testing/tls-pair.ts';
import { labelWrites } from './tls-labels.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('labelWrites: what each record of the v13 ends carries', () => {
  it("names the server's flight and keeps each handshake message as its sender wrote it", () => {
    const flight = labelWrites(makeServer().feed(writes(makeClient().start(NOW)), NOW));
    expect(flight.map((r) => r.carries)).toEqual(['ServerHello', 'EncryptedExtensions', 'Certificate', 'CertificateVerify', 'Finished']);
    // RFC 8446 §4: each message starts with its HandshakeType (2, 8, 11, 15, 20).
    expect(flight.map((r) => r.message?.[0])).toEqual([2, 8, 11, 15, 20]);
  });

  it('application data (with what it protects), KeyUpdate, close_notify, and a fatal alert', () => {
    const { client, server } = connectedPair();
    expect(labelWrites(client.write(utf8('a1 NOOP\r\n')), 'application data', utf8('a1 NOOP\r\n'))).toMatchObject([{ carries: 'application data', plaintext: utf8('a1 NOOP\r\n') }]);
    expect(labelWrites(client.keyUpdate(false)).map((r) => r.carries)).toEqual(['KeyUpdate']);
    const data = writes(server.write(utf8('* OK\r\n')));
    data[data.length - 1]! ^= 1;
    expect(labelWrites(client.feed(data, NOW)).map((r) => r.carries)).toEqual(['alert bad_record_mac']);
    expect(labelWrites(server.close()).map((r) => r.carries)).toEqual(['alert close_notify']);
  });
});
