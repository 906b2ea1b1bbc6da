/**
 * A TLS 1.3 session of ours (TlsClient ↔ TlsServer in memory, seeded) carrying an IMAP dialogue on
 * port 993, captured with the client's key log: the capture holds the records byte for byte and
 * no plaintext, and — when tshark is installed — Wireshark's dissectors decrypt it back to the
 * IMAP lines (and cannot without the key log).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeClient, makeServer, NOW } from '../testing/tls-pair.ts';
import type { Connection, TlsOutput } from '../tls/v13/connection.ts';
import { concatBytes, indexOfBytes, utf8Bytes } from '../wire/bytes.ts';
import { capturePcapng } from './pcapng.ts';
import { readEnhancedPacket, readIpv4Tcp, readPcapng } from './pcapng-reader.test-helper.ts';
import type { Direction, TimedWrite } from './tcp-flow.ts';

const CLIENT = { address: '127.0.0.1', port: 50993 };
const SERVER = { address: '127.0.0.2', port: 993 };

/** Runs an IMAP dialogue over our TLS pair, keeping every write with its virtual time. */
function imapOverTls(): { writes: TimedWrite[]; keyLog: string[]; closedAt: number } {
  const client = makeClient({}, 'capture client');
  const server = makeServer({}, 'capture server');
  const writes: TimedWrite[] = [];
  const keyLog: string[] = [];
  let now = NOW;
  const ends = { 'to-server': server, 'to-client': client } as Record<Direction, Connection>;
  // Delivers what one end wrote to the other, and its answers back, until both are quiet.
  const carry = (direction: Direction, outputs: TlsOutput[]): void => {
    let pending: Array<[Direction, TlsOutput[]]> = [[direction, outputs]];
    while (pending.length) {
      const next: Array<[Direction, TlsOutput[]]> = [];
      for (const [d, out] of pending) {
        for (const o of out) {
          if (o.type === 'event' && o.event.kind === 'keylog' && d === 'to-server') keyLog.push(o.event.line);
          if (o.type !== 'write') continue;
          now += 3;
          writes.push({ time: now, direction: d, bytes: o.bytes });
          next.push([d === 'to-server' ? 'to-client' : 'to-server', ends[d].feed(o.bytes, now)]);
        }
      }
      pending = next;
    }
  };
  const line = (s: string) => utf8Bytes(`${s}\r\n`);
  carry('to-server', client.start(now));
  carry('to-client', server.write(line('* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] mail.example.test ready')));
  carry('to-server', client.write(line('a LOGIN alice wonderland')));
  carry('to-client', server.write(line('a OK LOGIN completed')));
  carry('to-server', client.write(line('b LOGOUT')));
  carry('to-client', server.write(line('* BYE logging out\r\nb OK LOGOUT completed')));
  carry('to-server', client.close());
  return { writes, keyLog, closedAt: now + 1 };
}

const dialogue = imapOverTls();
const file = capturePcapng({ client: CLIENT, server: SERVER, openedAt: NOW, writes: dialogue.writes, closed: { time: dialogue.closedAt, by: 'client' }, keyLog: dialogue.keyLog });

describe('a TLS 1.3 IMAP session captured', () => {
  it('carries the client key log: handshake and traffic secrets for one client random', () => {
    expect(dialogue.keyLog.map((l) => l.split(' ')[0])).toEqual(['CLIENT_HANDSHAKE_TRAFFIC_SECRET', 'SERVER_HANDSHAKE_TRAFFIC_SECRET', 'CLIENT_TRAFFIC_SECRET_0', 'SERVER_TRAFFIC_SECRET_0', 'EXPORTER_SECRET']);
    expect(new Set(dialogue.keyLog.map((l) => l.split(' ')[1])).size).toBe(1);
  });

  it('holds each direction\'s TLS records byte for byte, and never the password in the clear', () => {
    const read = readPcapng(file);
    const segments = read.blocks.filter((b) => b.type === 6).map((b) => readIpv4Tcp(readEnhancedPacket(b.body, true).data));
    const sent = (d: Direction) => concatBytes(dialogue.writes.filter((w) => w.direction === d).map((w) => w.bytes));
    const got = (port: number) => concatBytes(segments.filter((s) => s.srcPort === port).map((s) => s.payload));
    expect(got(CLIENT.port)).toEqual(sent('to-server'));
    expect(got(SERVER.port)).toEqual(sent('to-client'));
    expect(got(CLIENT.port)[0]).toBe(22); // a TLS handshake record: ClientHello
    expect(indexOfBytes(file, utf8Bytes('wonderland'))).toBe(-1);
  });
});

const tshark = (() => {
  try {
    return execFileSync('tshark', ['--version'], { encoding: 'utf8' }).split('\n')[0] ?? 'tshark';
  } catch {
    return null;
  }
})();

describe.skipIf(!tshark)(`Wireshark reads it (${tshark ?? 'skipped: tshark is not installed; it is not a project dependency'})`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'mailwire-capture-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const run = (name: string, bytes: Uint8Array, args: string[]): string => {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    // -n: no name resolution; stderr (tshark's warning about running as root) is dropped.
    return execFileSync('tshark', ['-n', '-r', path, ...args], { encoding: 'utf8', timeout: 60_000, stdio: ['ignore', 'pipe', 'ignore'] });
  };
  const fields = (name: string, bytes: Uint8Array): string => run(name, bytes, ['-2', '-Y', 'imap', '-T', 'fields', '-e', 'imap.line']);

  it('decrypts the session with the embedded key log and shows the IMAP lines', () => {
    const out = fields('with-keys.pcapng', file);
    expect(out).toContain('a LOGIN alice wonderland');
    expect(out).toContain('a OK LOGIN completed');
    expect(out).toContain('b OK LOGOUT completed');
  });

  it('shows no IMAP without the key log', () => {
    const bare = capturePcapng({ client: CLIENT, server: SERVER, openedAt: NOW, writes: dialogue.writes, closed: { time: dialogue.closedAt, by: 'client' } });
    expect(fields('without-keys.pcapng', bare).trim()).toBe('');
  });

  it('finds every IPv4 and TCP checksum good, and nothing for TCP analysis to warn about', () => {
    const checks = run('checked.pcapng', file, ['-o', 'ip.check_checksum:TRUE', '-o', 'tcp.check_checksum:TRUE', '-T', 'fields', '-e', 'ip.checksum.status', '-e', 'tcp.checksum.status']);
    const rows = checks.trim().split('\n');
    // Status 1 is "Good" (0 bad, 2 unverified).
    expect(rows.length).toBe(dialogue.writes.length + 6);
    expect(rows.every((r) => r === '1\t1')).toBe(true);
    expect(run('warned.pcapng', file, ['-Y', 'tcp.analysis.flags || _ws.expert.severity >= warning']).trim()).toBe('');
  });
});
