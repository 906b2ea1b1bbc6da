/**
 * A live session's recording (bridge.ts through a real relay to a Node TLS server) in the wire
 * view's shape: the plaintext before STARTTLS as sent, then one row per TLS record, each handshake
 * message beside the record that carried it — ClientHello and ServerHello readable by anyone, the
 * server's encrypted flight only by the page's client — and the key log for the key schedule.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { describeHandshake } from '../../../simulator/tls/handshake-text.ts';
import { keySchedule } from '../../../simulator/tls/key-schedule-text.ts';
import { recordLiveStartTls, type RecordedLiveSession } from '../../../simulator/transports/live-session.test-helper.ts';
import { concatBytes } from '../../../simulator/wire/bytes.ts';
import { liveSessionRecord } from './live-session.ts';
import { wireRows } from './wire-packets.ts';

let live: RecordedLiveSession;
beforeAll(async () => {
  live = await recordLiveStartTls();
}, 30_000);

describe('a live session in the wire view', () => {
  it('keeps every octet, plaintext first, then whole TLS records', () => {
    const record = liveSessionRecord(live.session, 'smtp', describeHandshake);
    expect(concatBytes(record.entries.map((e) => e.bytes))).toEqual(concatBytes(live.session.writes.map((w) => w.bytes)));
    const firstTls = record.entries.findIndex((e) => e.tls);
    expect(record.entries.slice(firstTls).every((e) => e.tls)).toBe(true);
    for (const e of record.entries.slice(firstTls)) expect(e.bytes.length).toBe(5 + ((e.bytes[3]! << 8) | e.bytes[4]!));
  });

  it('shows each handshake message beside its record: hidden from the observer after ServerHello', () => {
    const rows = wireRows(liveSessionRecord(live.session, 'smtp', describeHandshake)).rows;
    const decrypted = rows.filter((r) => r.decrypted).map((r) => `${r.packet.direction} ${r.decrypted!.name} ${r.decrypted!.hidden ? 'hidden' : 'clear'}`);
    expect(decrypted[0]).toBe('to-server ClientHello clear');
    expect(decrypted[1]).toBe('to-client ServerHello clear');
    const names = decrypted.join('\n');
    for (const m of ['EncryptedExtensions', 'Certificate', 'CertificateVerify', 'Finished']) expect(names).toMatch(new RegExp(`to-client [^\\n]*\\b${m}\\b[^\\n]* hidden`));
    expect(names).toMatch(/to-server Finished hidden/);
    const cert = rows.find((r) => r.decrypted?.name.includes('Certificate'))!;
    expect(cert.summary).toMatch(/application_data/); // what the observer sees of it
    expect(cert.decrypted!.fields.join('\n')).toMatch(/CN=localhost/);
    // The SMTP line typed inside TLS is no row's summary.
    expect(rows.map((r) => r.summary).join('\n')).not.toContain('secret-word');
    expect(rows.map((r) => r.summary).join('\n')).toContain('EHLO laptop');
  });

  it('carries the key log, which names the four traffic secrets of RFC 8446 §7.1', () => {
    const record = liveSessionRecord(live.session, 'smtp', describeHandshake);
    expect(keySchedule(record.keyLog ?? []).map((s) => s.name)).toEqual([
      'client_handshake_traffic_secret',
      'server_handshake_traffic_secret',
      'client_application_traffic_secret_0',
      'server_application_traffic_secret_0',
      'exporter_master_secret',
    ]);
  });
});
