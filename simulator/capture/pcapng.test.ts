/**
 * The capture writer read back by an independent reader: pcapng framing, the blocks and their
 * fields, IPv4 and TCP checksums, the handshake, sequence numbers, segmentation and close, and
 * (fast-check) that any writes come back as each direction's byte stream.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { concatBytes, utf8Bytes } from '../wire/bytes.ts';
import { internetChecksum, ipv4TcpPacket, wireEndpoint } from './ipv4-tcp.ts';
import { capturePcapng, type CaptureInput } from './pcapng.ts';
import { readEnhancedPacket, readIpv4Tcp, readOptions, readPcapng, type ReadSegment } from './pcapng-reader.test-helper.ts';
import type { TimedWrite } from './tcp-flow.ts';

const client = { address: '127.0.0.1', port: 50123 };
const server = { address: '127.0.0.2', port: 143 };
const T0 = Date.UTC(2026, 5, 1, 12, 0, 0);
const w = (time: number, direction: TimedWrite['direction'], text: string): TimedWrite => ({ time, direction, bytes: utf8Bytes(text) });
const KEYLOG = ['CLIENT_HANDSHAKE_TRAFFIC_SECRET 00ff 0a0b', 'SERVER_TRAFFIC_SECRET_0 00ff 0c0d'];

function segmentsOf(file: Uint8Array): Array<ReadSegment & { micros: number }> {
  const read = readPcapng(file);
  return read.blocks
    .filter((b) => b.type === 6)
    .map((b) => {
      const p = readEnhancedPacket(b.body, read.littleEndian);
      return { ...readIpv4Tcp(p.data), micros: p.micros };
    });
}

/** The payload stream one direction carried, put in order by sequence number. */
function stream(segments: ReadSegment[], from: { address: string; port: number }): Uint8Array {
  const mine = segments.filter((s) => s.src === from.address && s.srcPort === from.port);
  const isn = mine.find((s) => s.flags.syn)!.seq;
  const out: number[] = [];
  for (const s of mine) {
    if (!s.payload.length) continue;
    expect((s.seq - isn - 1) >>> 0, 'a segment starts where the stream has got to').toBe(out.length);
    out.push(...s.payload);
  }
  return Uint8Array.from(out);
}

const session: CaptureInput = {
  client, server, openedAt: T0,
  writes: [w(T0 + 5, 'to-client', '* OK ready\r\n'), w(T0 + 900, 'to-server', 'a LOGIN alice wonderland\r\n'), w(T0 + 910, 'to-client', 'a OK\r\n')],
  closed: { time: T0 + 2000, by: 'client' },
  keyLog: KEYLOG,
};

describe('pcapng framing and blocks', () => {
  const file = capturePcapng(session);
  const read = readPcapng(file);

  it('starts with a little-endian version 1.0 Section Header Block naming its writer', () => {
    expect([...file.subarray(0, 4)]).toEqual([0x0a, 0x0d, 0x0d, 0x0a]);
    expect([...file.subarray(8, 12)]).toEqual([0x4d, 0x3c, 0x2b, 0x1a]);
    expect(read).toMatchObject({ littleEndian: true, major: 1, minor: 0 });
    const shb = read.blocks[0]!.body;
    expect(shb.getBigInt64(8, true)).toBe(-1n);
    expect(new TextDecoder().decode(readOptions(shb, 16, true).get(4)![0])).toBe('Mailwire');
  });

  it('holds SHB, IDB, the key log DSB, then one EPB per segment, in that order', () => {
    expect(read.blocks.map((b) => b.type)).toEqual([0x0a0d0d0a, 1, 0x0a, ...Array(3 + 3 + 3).fill(6)]);
  });

  it('describes one raw-IPv4 interface in microseconds, with a snap length no packet exceeds', () => {
    const idb = read.blocks[1]!.body;
    expect(idb.getUint16(0, true)).toBe(101);
    const options = readOptions(idb, 8, true);
    expect([...options.get(9)![0]!]).toEqual([6]);
    const snap = idb.getUint32(4, true);
    for (const b of read.blocks.filter((x) => x.type === 6)) {
      const p = readEnhancedPacket(b.body, true);
      expect(p.capturedLength).toBe(p.originalLength);
      expect(p.capturedLength).toBeLessThanOrEqual(snap);
    }
  });

  it('puts the key log lines in a TLSK Decryption Secrets Block, one per line', () => {
    const dsb = read.blocks[2]!.body;
    expect(dsb.getUint32(0, true)).toBe(0x544c534b);
    const length = dsb.getUint32(4, true);
    const text = new TextDecoder().decode(new Uint8Array(dsb.buffer, dsb.byteOffset + 8, length));
    expect(text).toBe(`${KEYLOG.join('\n')}\n`);
  });

  it('leaves the DSB out without key log lines, and refuses a line that is not NSS key log', () => {
    const types = readPcapng(capturePcapng({ ...session, keyLog: undefined })).blocks.map((b) => b.type);
    expect(types).not.toContain(0x0a);
    expect(() => capturePcapng({ ...session, keyLog: ['PASSWORD secret'] })).toThrow(/not an NSS key log line/);
  });

  it('stamps each packet with the session clock, in microseconds', () => {
    expect(segmentsOf(file).map((s) => s.micros)).toEqual([T0, T0, T0, T0 + 5, T0 + 900, T0 + 910, T0 + 2000, T0 + 2000, T0 + 2000].map((t) => t * 1000));
  });
});

describe('IPv4 and TCP', () => {
  const segments = segmentsOf(capturePcapng(session));

  it('computes the RFC 1071 checksum of its worked example, and a header with its checksum sums to zero', () => {
    // RFC 1071 §3: 00 01 f2 03 f4 f5 f6 f7 sums to 0xddf2; the checksum is its complement.
    expect(internetChecksum(Uint8Array.of(0x00, 0x01, 0xf2, 0x03, 0xf4, 0xf5, 0xf6, 0xf7))).toBe(0x220d);
    expect(internetChecksum(Uint8Array.of(0x01), Uint8Array.of(0x02, 0x03))).toBe(internetChecksum(Uint8Array.of(0x01, 0x02, 0x03)));
  });

  it('every IPv4 header and every TCP segment carries a valid checksum; a flipped bit is caught', () => {
    expect(segments.every((s) => s.ipChecksumOk && s.tcpChecksumOk)).toBe(true);
    const packet = ipv4TcpPacket({ from: wireEndpoint(client), to: wireEndpoint(server), seq: 1, ack: 2, flags: 0x18, id: 7, payload: utf8Bytes('odd') });
    expect(readIpv4Tcp(packet)).toMatchObject({ ipChecksumOk: true, tcpChecksumOk: true });
    const header = packet.slice();
    header[8] = header[8]! ^ 1;
    expect(readIpv4Tcp(header).ipChecksumOk).toBe(false);
    const payload = packet.slice();
    payload[payload.length - 1] = payload.at(-1)! ^ 0x40;
    expect(readIpv4Tcp(payload)).toMatchObject({ ipChecksumOk: true, tcpChecksumOk: false });
  });

  it('opens with SYN, SYN-ACK, ACK announcing the MSS, between the given addresses and ports', () => {
    const [syn, synAck, ack] = segments;
    expect(syn).toMatchObject({ src: '127.0.0.1', srcPort: 50123, dst: '127.0.0.2', dstPort: 143, mss: 1460, flags: { syn: true, ack: false } });
    expect(synAck).toMatchObject({ src: '127.0.0.2', dst: '127.0.0.1', mss: 1460, flags: { syn: true, ack: true }, ack: (syn!.seq + 1) >>> 0 });
    expect(ack).toMatchObject({ flags: { syn: false, ack: true }, seq: (syn!.seq + 1) >>> 0, ack: (synAck!.seq + 1) >>> 0, payload: new Uint8Array(0) });
  });

  it('advances sequence numbers by the payload and acknowledges what the peer sent', () => {
    const [syn, synAck, , greeting, login, ok] = segments;
    expect(greeting).toMatchObject({ seq: (synAck!.seq + 1) >>> 0, ack: (syn!.seq + 1) >>> 0, flags: { psh: true } });
    expect(login).toMatchObject({ seq: (syn!.seq + 1) >>> 0, ack: (greeting!.seq + 12) >>> 0 });
    expect(ok).toMatchObject({ seq: (greeting!.seq + 12) >>> 0, ack: (login!.seq + 26) >>> 0 });
  });

  it('closes with FIN from the closer, FIN back, and the last ACK, each FIN taking one sequence number', () => {
    const [, , , , login, ok, fin1, fin2, last] = segments;
    expect(fin1).toMatchObject({ src: '127.0.0.1', flags: { fin: true, ack: true }, seq: (login!.seq + 26) >>> 0, ack: (ok!.seq + 6) >>> 0 });
    expect(fin2).toMatchObject({ src: '127.0.0.2', flags: { fin: true }, seq: (ok!.seq + 6) >>> 0, ack: (fin1!.seq + 1) >>> 0 });
    expect(last).toMatchObject({ src: '127.0.0.1', flags: { fin: false, ack: true }, seq: (fin1!.seq + 1) >>> 0, ack: (fin2!.seq + 1) >>> 0 });
  });

  it('cuts a large write into MSS-sized segments, PSH on the last; sequence numbers wrap at 2^32', () => {
    const big = new Uint8Array(5000).map((_, i) => i & 0xff);
    const file = capturePcapng({ client, server, openedAt: T0, writes: [{ time: T0 + 1, direction: 'to-server', bytes: big }], isn: { client: 0xffffff00, server: 5 } });
    const data = segmentsOf(file).slice(3);
    expect(data.map((s) => s.payload.length)).toEqual([1460, 1460, 1460, 620]);
    expect(data.map((s) => s.flags.psh)).toEqual([false, false, false, true]);
    expect(data.map((s) => s.seq)).toEqual([0xffffff01, (0xffffff01 + 1460) >>> 0, (0xffffff01 + 2920) >>> 0, (0xffffff01 + 4380) >>> 0]);
    expect(concatBytes(data.map((s) => s.payload))).toEqual(big);
  });

  it('writes a session of 150,000 small writes (more packets than a function call takes arguments)', () => {
    const writes = Array.from({ length: 150_000 }, (_, i): TimedWrite => ({ time: T0 + i, direction: i % 2 ? 'to-client' : 'to-server', bytes: Uint8Array.of(i & 0xff) }));
    const read = readPcapng(capturePcapng({ client, server, openedAt: T0, writes }));
    expect(read.blocks.filter((b) => b.type === 6)).toHaveLength(150_003);
  }, 60_000);

  it('refuses what is not an IPv4 address, and an MSS out of range', () => {
    expect(() => capturePcapng({ ...session, server: { address: 'mail.test', port: 25 } })).toThrow(/dotted-quad/);
    expect(() => capturePcapng({ ...session, server: { address: '10.0.0.256', port: 25 } })).toThrow(/dotted-quad/);
    expect(() => capturePcapng({ ...session, mss: 0 })).toThrow(/MSS/);
  });
});

describe('any writes round-trip (fast-check)', () => {
  it('each direction reads back, in sequence order and with valid checksums, as the concatenation of its writes', () => {
    const write = fc.record({ direction: fc.constantFrom('to-server' as const, 'to-client' as const), bytes: fc.uint8Array({ maxLength: 3000 }), gap: fc.nat(50) });
    fc.assert(
      fc.property(fc.array(write, { maxLength: 12 }), fc.integer({ min: 1, max: 1460 }), fc.nat(0xffffffff), fc.nat(0xffffffff), fc.boolean(), (ws, mss, ic, is, byClient) => {
        let time = T0;
        const writes = ws.map((x) => ({ time: (time += x.gap), direction: x.direction, bytes: x.bytes }));
        const file = capturePcapng({ client, server, openedAt: T0, writes, closed: { time: time + 1, by: byClient ? 'client' : 'server' }, mss, isn: { client: ic, server: is } });
        const segments = segmentsOf(file);
        expect(segments.every((s) => s.ipChecksumOk && s.tcpChecksumOk && s.payload.length <= mss)).toBe(true);
        const sent = (d: string) => concatBytes(writes.filter((x) => x.direction === d).map((x) => x.bytes));
        expect(stream(segments, client)).toEqual(sent('to-server'));
        expect(stream(segments, server)).toEqual(sent('to-client'));
        expect(segments.filter((s) => s.flags.fin)).toHaveLength(2);
      }),
      { numRuns: 150 },
    );
  });
});
