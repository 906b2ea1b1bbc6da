/**
 * A live session recorded in the "page" (bridge.ts here in Node, with TLS 1.3 in the page) through
 * a real relay to a Node TLS server after STARTTLS, then saved as pcapng with the page's key log:
 * the recording holds what crossed the relay (the EHLO in the clear, then only records), the
 * handshake messages are tied to their records, and — when tshark is installed — Wireshark
 * decrypts the file back to the SMTP lines typed inside TLS.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveSessionSnapshot } from '../transports/live-recording.ts';
import { recordLiveStartTls } from '../transports/live-session.test-helper.ts';
import { concatBytes, indexOfBytes, utf8Bytes } from '../wire/bytes.ts';
import { liveCapture, liveCaptureFileName } from './live-capture.ts';
import { capturePcapng } from './pcapng.ts';
import { readEnhancedPacket, readIpv4Tcp, readPcapng } from './pcapng-reader.test-helper.ts';
import { TSHARK, TSHARK_LABEL, tsharkRead } from './tshark.test-helper.ts';

let session: LiveSessionSnapshot;
let server: { port: number };
let relaySaw: { up: Buffer[]; down: Buffer[] };

beforeAll(async () => {
  const recorded = await recordLiveStartTls();
  ({ session, relaySaw } = recorded);
  server = { port: recorded.serverPort };
}, 30_000);

const joined = (direction: 'to-server' | 'to-client', tls?: boolean) =>
  concatBytes(session.writes.filter((w) => w.direction === direction && (tls === undefined || w.tls === tls)).map((w) => w.bytes));

describe('the recording of a live session', () => {
  it('holds the bytes each way that crossed the relay, in the clear until STARTTLS, then TLS records only', () => {
    // What the relay forwarded each way is what the page recorded (the relay may miss a last
    // close_notify that reaches it as the server's socket closes, hence a prefix).
    for (const [dir, seen] of [['to-server', relaySaw.up], ['to-client', relaySaw.down]] as const) {
      const relayed = Buffer.concat(seen);
      expect(relayed.length).toBeGreaterThan(100);
      expect(Buffer.from(joined(dir)).subarray(0, relayed.length)).toEqual(relayed);
    }
    expect(new TextDecoder().decode(joined('to-server', false))).toBe('EHLO laptop\r\nSTARTTLS\r\n');
    expect(new TextDecoder().decode(joined('to-client', false))).toMatch(/^220 fake\.test.*\r\n250 plain echo EHLO laptop\r\n220 Ready to start TLS\r\n$/);
    for (const dir of ['to-server', 'to-client'] as const) {
      const tls = joined(dir, true);
      expect(tls[0]).toBe(22); // the first TLS octet each way is a handshake record (ClientHello, ServerHello)
      expect(indexOfBytes(tls, utf8Bytes('secret-word'))).toBe(-1);
    }
    expect(session.writes.every((w, i) => i === 0 || w.time >= session.writes[i - 1]!.time)).toBe(true);
    expect(session.closed?.by).toBe('server');
    expect(session.stoppedBecause).toBeNull();
  });

  it('ties each handshake message to the record that carried it, and keeps the key log', () => {
    const names = session.messages.map((m) => `${m.direction}#${m.record} ${m.name}`);
    expect(names[0]).toBe('to-server#0 client_hello');
    expect(names[1]).toBe('to-client#0 server_hello');
    expect(session.messages.map((m) => m.name)).toEqual(['client_hello', 'server_hello', 'encrypted_extensions', 'certificate', 'certificate_verify', 'finished', 'finished']);
    // The client's Finished is its last handshake record; the server's come in its records after ServerHello.
    const received = session.messages.filter((m) => m.direction === 'to-client');
    expect(received.every((m, i) => i === 0 || m.record >= received[i - 1]!.record)).toBe(true);
    expect(session.keyLog.map((l) => l.split(' ')[0])).toEqual(['CLIENT_HANDSHAKE_TRAFFIC_SECRET', 'SERVER_HANDSHAKE_TRAFFIC_SECRET', 'CLIENT_TRAFFIC_SECRET_0', 'SERVER_TRAFFIC_SECRET_0', 'EXPORTER_SECRET']);
  });

  it('becomes a pcapng with a Decryption Secrets Block, loopback addresses, the real port and every recorded octet', () => {
    const input = liveCapture(session);
    expect(input.server).toEqual({ address: '127.0.0.1', port: server.port });
    expect(input.client.address).toBe('127.0.0.2');
    const file = readPcapng(capturePcapng(input));
    const dsb = file.blocks.find((b) => b.type === 0x0000000a)!;
    const secrets = new TextDecoder().decode(new Uint8Array(dsb.body.buffer, dsb.body.byteOffset + 8, dsb.body.getUint32(4, file.littleEndian)));
    expect(secrets.trim().split('\n')).toEqual(session.keyLog);
    const payload = { 'to-server': [] as Uint8Array[], 'to-client': [] as Uint8Array[] };
    for (const b of file.blocks.filter((x) => x.type === 6)) {
      const seg = readIpv4Tcp(readEnhancedPacket(b.body, file.littleEndian).data);
      payload[seg.dstPort === server.port ? 'to-server' : 'to-client'].push(seg.payload);
    }
    expect(concatBytes(payload['to-server'])).toEqual(joined('to-server'));
    expect(concatBytes(payload['to-client'])).toEqual(joined('to-client'));
    expect(liveCaptureFileName(session)).toMatch(/^localhost-\d+-live-\d{8}T\d{6}Z\.pcapng$/);
  });

  it('names no real host: a public server address becomes 127.0.0.2', () => {
    expect(liveCapture({ ...session, address: '142.250.1.1' }).server.address).toBe('127.0.0.2');
    expect(liveCapture({ ...session, address: '192.0.2.7' }).server.address).toBe('192.0.2.7');
  });
});

describe.skipIf(!TSHARK)(`Wireshark decrypts it (${TSHARK_LABEL})`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'mailwire-live-capture-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  // The test server's port is no mail port: tell tshark it carries SMTP (STARTTLS is SMTP's).
  const info = (name: string, bytes: Uint8Array): string =>
    tsharkRead(dir, name, bytes, ['-d', `tcp.port==${server.port},smtp`, '-2', '-Y', 'smtp', '-T', 'fields', '-e', '_ws.col.Info']);

  it('shows the lines typed inside TLS with the key log, and not without it', () => {
    const input = liveCapture(session);
    const withKeys = info('live.pcapng', capturePcapng(input));
    expect(withKeys).toContain('EHLO laptop');
    expect(withKeys).toContain('NOOP secret-word');
    expect(withKeys).toContain('secure echo NOOP secret-word');
    const { keyLog: _, ...bare } = input;
    expect(info('live-bare.pcapng', capturePcapng(bare))).not.toContain('secret-word');
  });
});
