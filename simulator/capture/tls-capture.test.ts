/**
 * A TLS 1.3 session of ours (TlsClient ↔ TlsServer in memory, seeded) carrying an IMAP dialogue on
 * port 993, captured with the client's key log: the capture holds the records byte for byte and
 * no plaintext, and — when tshark is installed — Wireshark's dissectors decrypt it back to the
 * IMAP lines (and cannot without the key log), and decrypt what follows STARTTLS on 143, 587 and
 * 110 (STLS) too.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeClient, makeServer, NOW } from '../testing/tls-pair.ts';
import type { Connection, TlsOutput } from '../tls/v13/connection.ts';
import { concatBytes, indexOfBytes, utf8Bytes } from '../wire/bytes.ts';
import { capturePcapng } from './pcapng.ts';
import { readEnhancedPacket, readIpv4Tcp, readPcapng } from './pcapng-reader.test-helper.ts';
import { TSHARK, TSHARK_LABEL, tsharkRead } from './tshark.test-helper.ts';
import type { Direction, TimedWrite } from './tcp-flow.ts';

const CLIENT = { address: '127.0.0.1', port: 50993 };
const SERVER = { address: '127.0.0.2', port: 993 };

type Said = [Direction, string];

/**
 * Runs a dialogue over our TLS pair — `plain` lines first (up to STARTTLS), then the handshake,
 * then `secured` lines inside TLS, then close_notify — keeping every write with its virtual time.
 */
function overTls(plain: readonly Said[], secured: readonly Said[]): { writes: TimedWrite[]; keyLog: string[]; closedAt: number } {
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
  for (const [direction, text] of plain) writes.push({ time: (now += 2), direction, bytes: line(text) });
  carry('to-server', client.start(now));
  for (const [direction, text] of secured) carry(direction, (direction === 'to-server' ? client : server).write(line(text)));
  carry('to-server', client.close());
  return { writes, keyLog, closedAt: now + 1 };
}

const imapOverTls = () =>
  overTls([], [
    ['to-client', '* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] mail.example.test ready'],
    ['to-server', 'a LOGIN alice wonderland'],
    ['to-client', 'a OK LOGIN completed'],
    ['to-server', 'b LOGOUT'],
    ['to-client', '* BYE logging out\r\nb OK LOGOUT completed'],
  ]);

/** STARTTLS on 143, 587 and 110: the plaintext up to the upgrade, then one exchange inside TLS. */
const UPGRADES: Array<{ port: number; plain: Said[]; secured: Said[] }> = [
  { port: 143, plain: [['to-client', '* OK IMAP ready'], ['to-server', 's STARTTLS'], ['to-client', 's OK Begin TLS negotiation now']], secured: [['to-server', 'a LOGIN alice wonderland'], ['to-client', 'a OK LOGIN completed']] },
  {
    port: 587,
    plain: [['to-client', '220 mail.example.test ESMTP'], ['to-server', 'EHLO laptop'], ['to-client', '250-mail.example.test\r\n250 STARTTLS'], ['to-server', 'STARTTLS'], ['to-client', '220 2.0.0 Ready to start TLS']],
    secured: [['to-server', 'AUTH PLAIN AGFsaWNlAHdvbmRlcmxhbmQ='], ['to-client', '235 2.7.0 Authentication successful']],
  },
  { port: 110, plain: [['to-client', '+OK POP3 ready'], ['to-server', 'STLS'], ['to-client', '+OK Begin TLS negotiation']], secured: [['to-server', 'USER alice'], ['to-client', '+OK send PASS']] },
];

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

describe.skipIf(!TSHARK)(`Wireshark reads it (${TSHARK_LABEL})`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'mailwire-capture-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const run = (name: string, bytes: Uint8Array, args: string[]): string => tsharkRead(dir, name, bytes, args);
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

  it.each(UPGRADES)('decrypts what follows STARTTLS on port $port', ({ port, plain, secured }) => {
    const d = overTls(plain, secured);
    const upgraded = capturePcapng({ client: { ...CLIENT, port: 50000 + port }, server: { ...SERVER, port }, openedAt: NOW, writes: d.writes, closed: { time: d.closedAt, by: 'client' }, keyLog: d.keyLog });
    const info = run(`starttls-${port}.pcapng`, upgraded, ['-2', '-Y', 'imap || smtp || pop', '-T', 'fields', '-e', '_ws.col.Info']);
    for (const [, text] of [...plain, ...secured]) expect(info).toContain(text.split('\r\n')[0]);
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
