/**
 * A real POP3 session on the virtual network (the engines, the network log the lab's wire panel
 * reads), captured: its octets per direction, its port, its times, and safe addresses.
 */
import { describe, expect, it } from 'vitest';
import { ManualScheduler } from '../net/virtual-network-clock.ts';
import { createVirtualNetwork } from '../net/virtual-network-engines.ts';
import { testRandom } from '../testing/random.ts';
import { concatBytes, utf8Bytes, utf8Text } from '../wire/bytes.ts';
import { defaultWorld } from '../world/world.ts';
import { capturePcapng } from './pcapng.ts';
import { readEnhancedPacket, readIpv4Tcp, readPcapng } from './pcapng-reader.test-helper.ts';
import { captureFileName, sessionCapture } from './session-capture.ts';

const T0 = Date.UTC(2026, 10, 26, 9, 0, 0);

async function virtualSession(port: number, lines: [string, RegExp][], tlsLayer: 'stand-in' | 'records' = 'stand-in') {
  const scheduler = new ManualScheduler(T0);
  const network = createVirtualNetwork(defaultWorld(T0), { now: scheduler.clock, scheduler, random: testRandom(), tlsLayer });
  const opened = network.connect('mail.example.org', port);
  if (!opened.ok) throw new Error(opened.message);
  let heard = '';
  opened.connection.open((e) => {
    if (e.type === 'data') heard += utf8Text(e.bytes);
  });
  const say = async (line: string, until: RegExp) => {
    scheduler.advanceTo(scheduler.clock() + 250);
    opened.connection.send(utf8Bytes(`${line}\r\n`));
    for (let i = 0; i < 50 && !until.test(heard); i++) {
      await opened.connection.idle();
      scheduler.advanceTo(scheduler.clock() + 1);
    }
  };
  await opened.connection.idle();
  for (const [line, until] of lines) await say(line, until);
  await opened.connection.idle();
  return { session: network.sessions.at(-1)!, heard };
}

const pop3Session = () => virtualSession(110, [['USER bob', /\+OK[\s\S]*(\+OK|-ERR)/], ['QUIT', /\+OK[\s\S]*(\+OK|-ERR)[\s\S]*\+OK/]]);

describe('a virtual-network session as a capture', () => {
  it('carries what each end sent, on port 110 between documentation addresses, closed with FIN', async () => {
    const { session, heard } = await pop3Session();
    const input = sessionCapture(session);
    expect(input.server).toEqual({ address: '198.51.100.20', port: 110 });
    expect(input.client.address).toBe('203.0.113.5');
    expect(input.client.port).toBeGreaterThanOrEqual(49152);
    expect(input.keyLog).toBeUndefined();
    const read = readPcapng(capturePcapng(input));
    const segments = read.blocks.filter((b) => b.type === 6).map((b) => ({ micros: readEnhancedPacket(b.body, true).micros, ...readIpv4Tcp(readEnhancedPacket(b.body, true).data) }));
    const text = (port: number) => utf8Text(concatBytes(segments.filter((s) => s.srcPort === port).map((s) => s.payload)));
    expect(text(input.client.port)).toBe('USER bob\r\nQUIT\r\n');
    expect(text(110)).toBe(heard);
    expect(segments.filter((s) => s.flags.fin)).toHaveLength(2);
    expect(segments[0]!.micros).toBe(session.openedAt * 1000);
    expect(segments.at(-1)!.micros).toBe(session.closedAt! * 1000);
    expect(captureFileName(session)).toMatch(/^mail\.example\.org-110-\d+\.pcapng$/);
  });

  it('puts addresses outside the documentation and loopback ranges on loopback, and keeps key log lines when given', async () => {
    const { session } = await pop3Session();
    const elsewhere = { ...session, client: { address: '10.1.2.3' }, server: { ...session.server, address: '8.8.8.8' } };
    const input = sessionCapture(elsewhere, ['CLIENT_TRAFFIC_SECRET_0 00 11']);
    expect([input.client.address, input.server.address]).toEqual(['127.0.0.1', '127.0.0.2']);
    expect(input.keyLog).toEqual(['CLIENT_TRAFFIC_SECRET_0 00 11']);
    expect(sessionCapture({ ...session, server: { ...session.server, address: '192.0.2.300' } }).server.address).toBe('127.0.0.2');
  });

  it("a TLS session (IMAP on 993) carries its client's own key log, for the ClientHello random it sent", async () => {
    const { session: imap, heard } = await virtualSession(993, [['a LOGOUT', /a OK/]], 'records');
    expect(heard).toMatch(/^\* OK/);
    const input = sessionCapture(imap);
    const labels = input.keyLog?.map((line) => line.split(' ')[0]);
    expect(labels).toEqual(expect.arrayContaining(['CLIENT_HANDSHAKE_TRAFFIC_SECRET', 'SERVER_HANDSHAKE_TRAFFIC_SECRET', 'CLIENT_TRAFFIC_SECRET_0', 'SERVER_TRAFFIC_SECRET_0']));
    // RFC 8446 §4.1.2: the random follows the record header (5), handshake header (4) and legacy_version (2).
    const hello = imap.entries.find((e) => e.direction === 'to-server')!.bytes;
    const random = Array.from(hello.subarray(11, 43), (b) => b.toString(16).padStart(2, '0')).join('');
    for (const line of input.keyLog!) expect(line.split(' ')[1]).toBe(random);
    const secrets = readPcapng(capturePcapng(input)).blocks.find((b) => b.type === 0x0000000a);
    const body = secrets!.body;
    expect(utf8Text(new Uint8Array(body.buffer, body.byteOffset, body.byteLength))).toContain(input.keyLog![0]!);
  });
});
