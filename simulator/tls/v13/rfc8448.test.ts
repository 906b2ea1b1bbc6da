/**
 * RFC 8448 §3 "Simple 1-RTT Handshake", reproduced byte for byte where it applies: the trace's
 * fixed keys and randoms go in through a scripted RandomSource or straight into the layers, and
 * every value we compute is compared with the RFC's text (read from content/rfc/rfc8448.txt).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RandomSource } from '../../random.ts';
import { generateSigningKey, issueCertificate } from './ca.ts';
import { seededRandom } from '../../random.ts';
import { encodeAlert } from './alerts.ts';
import { sharedSecret } from './groups.ts';
import { x25519 } from '@noble/curves/ed25519.js';
import { finishedVerifyData, KeySchedule, trafficKeys } from './key-schedule.ts';
import { decodeCertificate, decodeCertificateVerify, decodeClientHello, encodeClientHello, encodeHandshake, HandshakeReassembler, HS } from './messages.ts';
import { CONTENT, RecordLayer } from './record-layer.ts';
import { certificateVerifyContent, schemeName, verifySignature } from './signatures.ts';
import { suiteByName } from './suites.ts';
import { TlsServer } from './server.ts';
import { Transcript } from './transcript.ts';
import { parseCertificate } from './x509.ts';

/** The labelled hex values of §3, keyed "heading / label", e.g. '{client}  send handshake record: / complete record#2'. */
function traceOfSection3(): Map<string, Uint8Array> {
  const text = readFileSync(new URL('../../../content/rfc/rfc8448.txt', import.meta.url), 'utf8');
  const lines = text.slice(text.indexOf('\n3.  Simple 1-RTT Handshake'), text.indexOf('\n4.  Resumed 0-RTT Handshake')).split('\n');
  const values = new Map<string, Uint8Array>();
  let heading = '';
  let key = '';
  let hex: string[] = [];
  // A heading and label seen again (the server sends three "handshake record"s) get "#2", "#3".
  const flush = () => {
    if (!key) return;
    let unique = key;
    for (let n = 2; values.has(unique); n++) unique = `${key}#${n}`;
    values.set(unique, Uint8Array.from(hex.join(' ').split(/\s+/).filter(Boolean).map((h) => parseInt(h, 16))));
  };
  for (const line of lines) {
    const head = /^ {3}(\{(?:client|server)\}.*?)$/.exec(line);
    const item = /^ {6}([a-zA-Z][a-zA-Z ]*?)(?: \(\d+ octets\))?:\s+([0-9a-f]{2}(?: [0-9a-f]{2})*)\s*$/.exec(line);
    if (head) {
      flush();
      heading = head[1]!.trim();
      key = '';
    } else if (item) {
      flush();
      key = `${heading} / ${item[1]}`;
      hex = [item[2]!];
    } else if (key && /^\s+[0-9a-f]{2}(?: [0-9a-f]{2})*\s*$/.test(line)) {
      hex.push(line.trim());
    }
  }
  flush();
  return values;
}

const T = traceOfSection3();
function v(key: string): Uint8Array {
  const value = T.get(key);
  if (!value) throw new Error(`RFC 8448 §3 has no value "${key}"`);
  return value;
}
const suite = suiteByName('TLS_AES_128_GCM_SHA256');

/** Hands out the trace's fixed values in the order the code asks for random octets. */
function scripted(chunks: Uint8Array[]): RandomSource {
  return {
    bytes(n) {
      const next = chunks.shift();
      if (!next || next.length !== n) throw new Error(`scripted random: asked for ${n} octets, next chunk is ${next?.length}`);
      return next;
    },
  };
}

describe('RFC 8448 §3 Simple 1-RTT Handshake', () => {
  const clientHello = v('{client}  construct a ClientHello handshake message: / ClientHello');
  const serverHello = v('{server}  construct a ServerHello handshake message: / ServerHello');
  const clientPrivate = v('{client}  create an ephemeral x25519 key pair: / private key');
  const serverPublic = v('{server}  create an ephemeral x25519 key pair: / public key');

  it('decodes the ClientHello and encodes it again to the same 196 octets, and the same 201-octet record', () => {
    const decoded = decodeClientHello(clientHello.subarray(4));
    expect(encodeClientHello(decoded)).toEqual(clientHello);
    expect(new RecordLayer().seal(CONTENT.handshake, clientHello, 0x0301)).toEqual(v('{client}  send handshake record: / complete record'));
    expect(x25519.getPublicKey(clientPrivate)).toEqual(v('{client}  create an ephemeral x25519 key pair: / public key'));
  });

  it('our server, given the trace ClientHello and the trace key and random, sends the trace ServerHello record', () => {
    const random = seededRandom(new TextEncoder().encode('8448'));
    const key = generateSigningKey('P-256', random);
    const der = issueCertificate({ subject: 'server', key, serial: Uint8Array.of(2), notBefore: 0, notAfter: Date.UTC(2030, 0), dnsNames: ['server'] });
    const serverRandom = serverHello.subarray(6, 38);
    const server = new TlsServer({ chain: [der], key, random: scripted([v('{server}  create an ephemeral x25519 key pair: / private key'), serverRandom]) });
    const out = server.feed(v('{client}  send handshake record: / complete record'), Date.UTC(2020, 0));
    const writes = out.flatMap((o) => (o.type === 'write' ? [o.bytes] : []));
    expect(writes[0]).toEqual(v('{server}  send handshake record: / complete record'));
    // What follows is under our server's handshake keys: the trace's server handshake secret opens it.
    const reader = new RecordLayer();
    reader.setReadSecret(suite, v('{server}  derive secret "tls13 s hs traffic": / expanded'));
    reader.push(writes.slice(1).reduce((a, b) => new Uint8Array([...a, ...b])));
    const messages = new HandshakeReassembler();
    for (let r = reader.next(); r; r = reader.next()) messages.push(r.fragment);
    const types: number[] = [];
    for (let m = messages.next(); m; m = messages.next()) types.push(m.type);
    expect(types).toEqual([HS.encrypted_extensions, HS.certificate, HS.certificate_verify, HS.finished]);
  });

  it('derives the shared secret, every secret of the key schedule and the traffic keys', () => {
    const z = sharedSecret({ group: 'x25519', privateKey: clientPrivate, publicKey: new Uint8Array(32) }, serverPublic);
    expect(z).toEqual(v('{server}  extract secret "handshake": / IKM'));
    const schedule = new KeySchedule(suite);
    expect(schedule.earlySecret).toEqual(v('{server}  extract secret "early": / secret'));
    const t = new Transcript();
    t.add(clientHello);
    t.add(serverHello);
    const hs = schedule.handshake(z, t.hash(suite.hash));
    expect(hs.handshakeSecret).toEqual(v('{server}  extract secret "handshake": / secret'));
    expect(hs.clientHandshakeTrafficSecret).toEqual(v('{server}  derive secret "tls13 c hs traffic": / expanded'));
    expect(hs.serverHandshakeTrafficSecret).toEqual(v('{server}  derive secret "tls13 s hs traffic": / expanded'));
    expect(trafficKeys(suite, hs.serverHandshakeTrafficSecret)).toEqual({
      key: v('{server}  derive write traffic keys for handshake data: / key expanded'),
      iv: v('{server}  derive write traffic keys for handshake data: / iv expanded'),
    });
  });

  it('opens the server flight, verifies its RSA-PSS CertificateVerify and Finished, and seals the client Finished and data', () => {
    const hsClient = v('{server}  derive secret "tls13 c hs traffic": / expanded');
    const hsServer = v('{server}  derive secret "tls13 s hs traffic": / expanded');
    const flight = [
      v('{server}  construct an EncryptedExtensions handshake message: / EncryptedExtensions'),
      v('{server}  construct a Certificate handshake message: / Certificate'),
      v('{server}  construct a CertificateVerify handshake message: / CertificateVerify'),
      v('{server}  construct a Finished handshake message: / Finished'),
    ];
    // The client's record layer opens the trace's 679-octet encrypted flight to exactly those four messages.
    const records = new RecordLayer();
    records.push(v('{server}  send handshake record: / complete record'));
    expect(records.next()?.fragment).toEqual(serverHello);
    records.setReadSecret(suite, hsServer);
    records.push(v('{server}  send handshake record: / complete record#2'));
    const opened = records.next();
    expect(opened).toMatchObject({ type: CONTENT.handshake, protected: true });
    expect(opened!.fragment).toEqual(v('{server}  send handshake record: / payload#2'));
    expect(opened!.fragment).toEqual(Uint8Array.from(flight.flatMap((m) => [...m])));
    const t = new Transcript();
    [clientHello, serverHello, flight[0]!, flight[1]!].forEach((m) => t.add(m));
    const chain = decodeCertificate(flight[1]!.subarray(4)).chain;
    const leaf = parseCertificate(chain[0]!);
    expect(leaf.subject).toBe('CN=rsa');
    expect(leaf.publicKey).toMatchObject({ kind: 'rsa', bits: 1024 });
    const cv = decodeCertificateVerify(flight[2]!.subarray(4));
    expect(schemeName(cv.scheme)).toBe('rsa_pss_rsae_sha256');
    if ('unsupported' in leaf.publicKey) throw new Error('unreachable');
    const content = certificateVerifyContent('server', t.hash(suite.hash));
    expect(verifySignature('rsa_pss_rsae_sha256', leaf.publicKey, content, cv.signature)).toBe(true);
    const tampered = cv.signature.slice();
    tampered[10]! ^= 1;
    expect(verifySignature('rsa_pss_rsae_sha256', leaf.publicKey, content, tampered)).toBe(false);
    t.add(flight[2]!);
    expect(finishedVerifyData(suite, hsServer, t.hash(suite.hash))).toEqual(v('{server}  calculate finished "tls13 finished": / finished'));
    t.add(flight[3]!);
    const app = new KeySchedule(suite);
    app.handshake(v('{server}  extract secret "handshake": / IKM'), (() => {
      const h = new Transcript();
      h.add(clientHello);
      h.add(serverHello);
      return h.hash(suite.hash);
    })());
    const secrets = app.application(t.hash(suite.hash));
    expect(secrets.masterSecret).toEqual(v('{server}  extract secret "master": / secret'));
    expect(secrets.clientApplicationTrafficSecret).toEqual(v('{server}  derive secret "tls13 c ap traffic": / expanded'));
    expect(secrets.serverApplicationTrafficSecret).toEqual(v('{server}  derive secret "tls13 s ap traffic": / expanded'));
    expect(secrets.exporterMasterSecret).toEqual(v('{server}  derive secret "tls13 exp master": / expanded'));
    // Client Finished, sealed under the client handshake keys: the trace's 58-octet record.
    const finished = encodeHandshake(HS.finished, finishedVerifyData(suite, hsClient, t.hash(suite.hash)));
    expect(finished).toEqual(v('{client}  construct a Finished handshake message: / Finished'));
    const client = new RecordLayer();
    client.setWriteSecret(suite, hsClient);
    expect(client.seal(CONTENT.handshake, finished)).toEqual(v('{client}  send handshake record: / complete record#2'));
    // Application data and close_notify, both directions.
    client.setWriteSecret(suite, secrets.clientApplicationTrafficSecret);
    const payload = v('{client}  send application_data record: / payload');
    expect(client.seal(CONTENT.application_data, payload)).toEqual(v('{client}  send application_data record: / complete record'));
    expect(encodeAlert('close_notify')).toEqual(v('{client}  send alert record: / payload'));
    expect(client.seal(CONTENT.alert, encodeAlert('close_notify'))).toEqual(v('{client}  send alert record: / complete record'));
    // The client reading the server's application records in order: NewSessionTicket, data, close_notify.
    const reader = new RecordLayer();
    reader.setReadSecret(suite, secrets.serverApplicationTrafficSecret);
    reader.push(v('{server}  send handshake record: / complete record#3'));
    reader.push(v('{server}  send application_data record: / complete record'));
    reader.push(v('{server}  send alert record: / complete record'));
    expect(reader.next()).toMatchObject({ type: CONTENT.handshake, fragment: v('{server}  construct a NewSessionTicket handshake message: / NewSessionTicket') });
    expect(reader.next()).toMatchObject({ type: CONTENT.application_data, fragment: v('{server}  send application_data record: / payload') });
    expect(reader.next()).toMatchObject({ type: CONTENT.alert, fragment: encodeAlert('close_notify') });
  });
});
