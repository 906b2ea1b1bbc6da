import { describe, expect, it } from 'vitest';
import { makeClient, makeServer, NOW } from '../testing/tls-pair.ts';
import type { TlsOutput } from './v13/connection.ts';
import { describeHandshake } from './handshake-text.ts';

/** The handshake messages an end sent, by name, from its events. */
function sent(outputs: TlsOutput[]): Map<string, Uint8Array> {
  const found = new Map<string, Uint8Array>();
  for (const o of outputs) if (o.type === 'event' && o.event.kind === 'handshake-message' && o.event.direction === 'sent') found.set(o.event.name, o.event.bytes);
  return found;
}

const writes = (out: TlsOutput[]) => Uint8Array.from(out.flatMap((o) => (o.type === 'write' ? [...o.bytes] : [])));

describe('describeHandshake', () => {
  it("reads a ClientHello's suites, SNI, groups and key share", () => {
    const hello = sent(makeClient().start(NOW)).get('client_hello')!;
    expect(describeHandshake(hello)).toEqual([
      'cipher_suites (§4.1.2): TLS_AES_128_GCM_SHA256, TLS_AES_256_GCM_SHA384, TLS_CHACHA20_POLY1305_SHA256',
      'server_name (RFC 6066 §3): mail.example.test',
      'supported_groups (§4.2.7): x25519, secp256r1',
      'key_share (§4.2.8): x25519 (32 octets)',
    ]);
  });

  it("reads the server's flight: suite and share, extensions, the X.509 certificate, the signature, Finished", () => {
    const flight = sent(makeServer().feed(writes(makeClient().start(NOW)), NOW));
    expect(describeHandshake(flight.get('server_hello')!)[0]).toBe('cipher_suite (§4.1.3): TLS_AES_128_GCM_SHA256');
    expect(describeHandshake(flight.get('encrypted_extensions')!)[0]).toMatch(/^server_name \(RFC 6066 §3\): empty/);
    expect(describeHandshake(flight.get('certificate')!)).toEqual([
      expect.stringMatching(/^certificate \(X\.509, \d+ octets of DER\): CN=mail\.example\.test, issued by CN=Pair Root CA, valid 2026-05-31 to 2026-07-01, names mail\.example\.test, key ECDSA P-256$/),
    ]);
    expect(describeHandshake(flight.get('certificate_verify')!)[0]).toMatch(/^signature \(§4\.4\.3\): ecdsa_secp256r1_sha256, 7\d octets/);
    expect(describeHandshake(flight.get('finished')!)[0]).toMatch(/^verify_data \(§4\.4\.4\): 32 octets/);
  });

  it('names a HelloRetryRequest and the group it asks for; says when a message does not decode', () => {
    const hrr = sent(makeServer({ groups: ['secp256r1'] }).feed(writes(makeClient().start(NOW)), NOW)).get('hello_retry_request')!;
    expect(describeHandshake(hrr)).toEqual(['HelloRetryRequest (§4.1.4): cipher suite TLS_AES_128_GCM_SHA256', 'asks for a key share for secp256r1']);
    expect(describeHandshake(Uint8Array.of(11, 0, 0, 2, 0, 9))[0]).toMatch(/^does not decode/);
  });
});
