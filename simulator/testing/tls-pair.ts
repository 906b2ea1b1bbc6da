/**
 * A TLS 1.3 client and server of ours wired back to back in memory, with seeded randomness and a
 * virtual CA, so a test can run a whole handshake deterministically and poke at the bytes.
 */
import { seededRandom } from '../random.ts';
import { generateSigningKey, issueCertificate } from '../tls/v13/ca.ts';
import { TlsClient, type ClientConfig } from '../tls/v13/client.ts';
import type { TlsOutput } from '../tls/v13/connection.ts';
import { TlsServer, type ServerConfig } from '../tls/v13/server.ts';

export const NOW = Date.UTC(2026, 5, 1);
const DAY = 86_400_000;
const seed = (s: string) => seededRandom(new TextEncoder().encode(s));

const caRandom = seed('tls-pair CA');
const caKey = generateSigningKey('P-256', caRandom);
export const ROOT = issueCertificate({ subject: 'Pair Root CA', key: caKey, serial: caRandom.bytes(8), notBefore: NOW - DAY, notAfter: NOW + 365 * DAY, ca: {} });
const serverKey = generateSigningKey('P-256', caRandom);
const leaf = issueCertificate({
  subject: 'mail.example.test', key: serverKey, issuer: { subject: 'Pair Root CA', key: caKey }, serial: caRandom.bytes(8),
  notBefore: NOW - DAY, notAfter: NOW + 30 * DAY, dnsNames: ['mail.example.test'],
});

export function makeClient(over: Partial<ClientConfig> = {}, name = 'client'): TlsClient {
  return new TlsClient({ serverName: 'mail.example.test', roots: [ROOT], random: seed(name), ...over });
}

export function makeServer(over: Partial<ServerConfig> = {}, name = 'server'): TlsServer {
  return new TlsServer({ chain: [leaf], key: serverKey, random: seed(name), ...over });
}

export const writes = (out: TlsOutput[]): Uint8Array => Uint8Array.from(out.flatMap((o) => (o.type === 'write' ? [...o.bytes] : [])));
export const received = (out: TlsOutput[]): string => new TextDecoder().decode(Uint8Array.from(out.flatMap((o) => (o.type === 'data' ? [...o.bytes] : []))));

/** Runs the handshake to completion; returns both ends connected. */
export function connectedPair(client = makeClient(), server = makeServer()): { client: TlsClient; server: TlsServer; log: TlsOutput[] } {
  const log: TlsOutput[] = [];
  let toServer = writes(client.start(NOW));
  for (let round = 0; round < 4 && toServer.length > 0; round++) {
    const fromServer = server.feed(toServer, NOW);
    log.push(...fromServer);
    const back = client.feed(writes(fromServer), NOW);
    log.push(...back);
    toServer = writes(back);
  }
  if (client.phase !== 'connected' || server.phase !== 'connected') throw new Error(`handshake did not complete: client ${client.phase}, server ${server.phase}`);
  return { client, server, log };
}
