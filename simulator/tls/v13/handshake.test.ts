/**
 * Our client against our server in memory: properties of the record layer and the handshake state
 * machines (fast-check), HelloRetryRequest, KeyUpdate, close_notify and alerts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { connectedPair, makeClient, makeServer, NOW, received, writes } from '../../testing/tls-pair.ts';
import type { TlsOutput } from './connection.ts';
import type { TlsEvent } from './events.ts';
import { decodeClientHello, encodeServerHello, HRR_RANDOM, HS } from './messages.ts';
import { EXT, readClientKeyShares } from './extensions.ts';
import { CONTENT, RecordLayer } from './record-layer.ts';
import { suiteByName } from './suites.ts';

const text = (s: string) => new TextEncoder().encode(s);
const eventsOf = (out: TlsOutput[]) => out.flatMap((o) => (o.type === 'event' ? [o.event] : []));
const alertSent = (out: TlsOutput[]) => eventsOf(out).find((e): e is Extract<TlsEvent, { kind: 'alert-sent' }> => e.kind === 'alert-sent')?.alert;
const summary = (out: TlsOutput[]) => eventsOf(out).find((e): e is Extract<TlsEvent, { kind: 'handshake-complete' }> => e.kind === 'handshake-complete')?.summary;

describe('records split at every offset', () => {
  const client0 = makeClient();
  const server0 = makeServer();
  const ch = writes(client0.start(NOW));
  const flight = writes(server0.feed(ch, NOW));
  const whole = client0.feed(flight, NOW);

  it('a protected stream cut in two at every offset opens to the same records as in one piece', () => {
    const suite = suiteByName('TLS_CHACHA20_POLY1305_SHA256');
    const secret = new Uint8Array(32).fill(7);
    const writer = new RecordLayer();
    writer.setWriteSecret(suite, secret);
    const stream = Uint8Array.from([
      ...writer.seal(CONTENT.application_data, text('a'.repeat(40))),
      ...writer.seal(CONTENT.handshake, Uint8Array.of(HS.key_update, 0, 0, 1, 0)),
      ...writer.seal(CONTENT.application_data, text('after')),
    ]);
    const drain = (layer: RecordLayer) => {
      const out = [];
      for (let r = layer.next(); r; r = layer.next()) out.push(r);
      return out;
    };
    const reader = () => {
      const layer = new RecordLayer();
      layer.setReadSecret(suite, secret);
      return layer;
    };
    const one = reader();
    one.push(stream);
    const whole = drain(one);
    expect(whole.map((r) => r.type)).toEqual([CONTENT.application_data, CONTENT.handshake, CONTENT.application_data]);
    for (let at = 0; at <= stream.length; at++) {
      const layer = reader();
      layer.push(stream.subarray(0, at));
      const first = drain(layer);
      layer.push(stream.subarray(at));
      expect([...first, ...drain(layer)], `cut at ${at}`).toEqual(whole);
    }
  });

  it('the server flight fed one octet at a time, or cut at random points, completes the same handshake (fast-check)', () => {
    expect(summary(whole)).toBeDefined();
    const client = makeClient();
    client.start(NOW);
    expect([...flight].flatMap((b) => client.feed(Uint8Array.of(b), NOW))).toEqual(whole);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: flight.length }), { minLength: 1, maxLength: 6 }), (cuts) => {
        const fresh = makeClient();
        fresh.start(NOW);
        const points = [...new Set(cuts)].sort((a, b) => a - b);
        const out = [...points, flight.length].flatMap((p, i) => fresh.feed(flight.subarray(i === 0 ? 0 : points[i - 1]!, p), NOW));
        expect(out).toEqual(whole);
      }),
      { numRuns: 10 },
    );
  });

  it('application data cut anywhere, any number of times, arrives whole (fast-check)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 300 }), fc.array(fc.nat(), { maxLength: 8 }), (message, cuts) => {
        const { client, server } = connectedPair();
        const bytes = writes(client.write(text(message)));
        const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
        let out: TlsOutput[] = [];
        let from = 0;
        for (const p of [...points, bytes.length]) {
          out = [...out, ...server.feed(bytes.subarray(from, p), NOW)];
          from = p;
        }
        expect(received(out)).toBe(message);
      }),
      { numRuns: 40 },
    );
  });
});

describe('a tampered record', () => {
  it('any flipped bit in a protected record, header version or body, is bad_record_mac (fast-check)', () => {
    const { client, server } = connectedPair();
    const record = writes(server.write(text('secret mail')));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: record.length - 1 }).filter((i) => i !== 0 && i !== 3 && i !== 4), fc.integer({ min: 0, max: 7 }), (at, bit) => {
        const { client: fresh, server: peer } = connectedPair();
        const bytes = writes(peer.write(text('secret mail')));
        bytes[at]! ^= 1 << bit;
        const out = fresh.feed(bytes, NOW);
        expect(alertSent(out)).toBe('bad_record_mac');
        expect(out.at(-1)).toEqual({ type: 'close' });
        expect(received(out)).toBe('');
      }),
      { numRuns: 30 },
    );
    expect(received(client.feed(record, NOW))).toBe('secret mail');
  });
});

describe('handshake messages out of order', () => {
  /** The server's encrypted flight as plaintext messages, and a way to seal any sequence of them with its keys. */
  function serverFlight() {
    const client = makeClient();
    const server = makeServer();
    const serverOut = server.feed(writes(client.start(NOW)), NOW);
    const sent = eventsOf(serverOut).flatMap((e) => (e.kind === 'handshake-message' && e.direction === 'sent' ? [e] : []));
    const serverHelloRecord = writes(serverOut).subarray(0, 5 + sent[0]!.bytes.length);
    const afterHello = client.feed(serverHelloRecord, NOW);
    const secret = eventsOf(afterHello).flatMap((e) => (e.kind === 'keylog' && e.line.startsWith('SERVER_HANDSHAKE') ? [e.line.split(' ')[2]!] : []))[0]!;
    const seal = (messages: Uint8Array[]) => {
      const layer = new RecordLayer();
      layer.setWriteSecret(suiteByName('TLS_AES_128_GCM_SHA256'), Uint8Array.from(secret.match(/../g)!.map((h) => parseInt(h, 16))));
      return writes(messages.map((m) => ({ type: 'write' as const, bytes: layer.seal(CONTENT.handshake, m) })));
    };
    return { client, encrypted: sent.slice(1).map((e) => e.bytes), seal };
  }

  it('any sequence of the server flight that is not a prefix of the right order is unexpected_message, or bad_record_mac past the Finished (fast-check)', () => {
    const names = ['encrypted_extensions', 'certificate', 'certificate_verify', 'finished'];
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 5 }), (order) => {
        const { client, encrypted, seal } = serverFlight();
        const out = client.feed(seal(order.map((i) => encrypted[i]!)), NOW);
        const inOrder = order.every((i, k) => i === k);
        // RFC 8446 §7.3: once the server's Finished is in, its records are under the application
        // traffic key, so a further message still sealed under the handshake key cannot be opened
        // (§5.2: bad_record_mac) before anyone could see it is out of place.
        const afterWholeFlight = order.length > names.length && order.slice(0, names.length).every((i, k) => i === k);
        const expected = inOrder ? undefined : afterWholeFlight ? 'bad_record_mac' : 'unexpected_message';
        expect(alertSent(out), order.map((i) => names[i]).join(',')).toBe(expected);
      }),
      { numRuns: 40, examples: [[[0, 1, 2, 3, 0]], [[0, 1, 2, 3, 3]], [[0, 2]], [[1]]] },
    );
  });

  it('the server answers a Finished before any ClientHello with unexpected_message', () => {
    const server = makeServer();
    const finished = Uint8Array.of(CONTENT.handshake, 3, 3, 0, 8, HS.finished, 0, 0, 4, 1, 2, 3, 4);
    expect(alertSent(server.feed(finished, NOW))).toBe('unexpected_message');
  });

  it('a ClientHello after the handshake is unexpected_message; application data before it too', () => {
    const { client, server } = connectedPair();
    void client;
    const layer = new RecordLayer();
    expect(alertSent(server.feed(layer.seal(CONTENT.handshake, Uint8Array.of(HS.client_hello, 0, 0, 0)), NOW))).toBe('unexpected_message');
    expect(alertSent(makeServer().feed(Uint8Array.of(CONTENT.application_data, 3, 3, 0, 1, 0x41), NOW))).toBe('unexpected_message');
  });
});

describe('hostile bytes', () => {
  const client = makeClient();
  const hello = writes(client.start(NOW));
  const flight = writes(makeServer().feed(hello, NOW));

  it('a ClientHello with any octet changed never makes the server throw: it answers or alerts (fast-check)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: hello.length - 1 }), fc.integer({ min: 1, max: 255 }), (at, x) => {
        const bytes = hello.slice();
        bytes[at]! ^= x;
        const server = makeServer();
        const out = server.feed(bytes, NOW);
        const alert = alertSent(out);
        expect(alert === undefined || typeof alert === 'string').toBe(true);
        if (alert) expect(server.phase).toBe('closed');
      }),
      { numRuns: 150 },
    );
  });

  it('a server flight with any octet changed never makes the client throw, and never completes (fast-check)', () => {
    // Octets 1-2, the ServerHello record's legacy_record_version, "MUST be ignored for all purposes" (RFC 8446 §5.1).
    const position = fc.integer({ min: 0, max: flight.length - 1 }).filter((i) => i !== 1 && i !== 2);
    fc.assert(
      fc.property(position, fc.integer({ min: 1, max: 255 }), (at, x) => {
        const bytes = flight.slice();
        bytes[at]! ^= x;
        const fresh = makeClient();
        fresh.start(NOW);
        const out = fresh.feed(bytes, NOW);
        expect(summary(out)).toBeUndefined();
      }),
      { numRuns: 100 },
    );
  });
});

describe('HelloRetryRequest', () => {
  it('comes exactly when the client’s first group (its key share) is not the server’s preferred one (fast-check)', () => {
    const orders = fc.constantFrom<Array<'x25519' | 'secp256r1'>>(['x25519', 'secp256r1'], ['secp256r1', 'x25519']);
    fc.assert(
      fc.property(orders, orders, (clientGroups, serverGroups) => {
        const { log } = connectedPair(makeClient({ groups: clientGroups }), makeServer({ groups: serverGroups }));
        const done = summary(log);
        expect(done).toMatchObject({ group: serverGroups[0], helloRetry: clientGroups[0] !== serverGroups[0] });
        expect(eventsOf(log).some((e) => e.kind === 'hello-retry')).toBe(clientGroups[0] !== serverGroups[0]);
      }),
      { numRuns: 8 },
    );
  });

  it('the client echoes an HRR cookie, sends one share for the named group, and refuses a second HRR', () => {
    const client = makeClient();
    client.start(NOW);
    const cookie = Uint8Array.of(0, 4, 0xde, 0xad, 0xbe, 0xef);
    const hrr = new RecordLayer().seal(
      CONTENT.handshake,
      encodeServerHello({
        random: HRR_RANDOM,
        legacySessionIdEcho: new Uint8Array(0),
        cipherSuite: 0x1301,
        extensions: [
          { type: EXT.supported_versions, data: Uint8Array.of(3, 4) },
          { type: EXT.key_share, data: Uint8Array.of(0, 0x17) },
          { type: EXT.cookie, data: cookie },
        ],
      }),
    );
    const out = client.feed(hrr, NOW);
    const second = eventsOf(out).flatMap((e) => (e.kind === 'handshake-message' && e.name === 'client_hello' ? [e.bytes] : []))[0]!;
    const ch2 = decodeClientHello(second.subarray(4));
    expect(ch2.extensions.find((x) => x.type === EXT.cookie)?.data).toEqual(cookie);
    expect(readClientKeyShares(ch2.extensions.find((x) => x.type === EXT.key_share)!.data).map((k) => k.group)).toEqual([0x17]);
    expect(alertSent(client.feed(hrr, NOW))).toBe('unexpected_message');
  });

  it('a fatal alert from the peer closes without a reply', () => {
    const server = makeServer();
    const out = server.feed(Uint8Array.of(CONTENT.alert, 3, 3, 0, 2, 2, 40), NOW);
    expect(out).toEqual([{ type: 'event', event: { kind: 'alert-received', alert: 'handshake_failure' } }, { type: 'close' }]);
  });

  it('a client that supports no group of the server’s gets handshake_failure', () => {
    const client = makeClient({ groups: ['x25519'] });
    const out = makeServer({ groups: ['secp256r1'] }).feed(writes(client.start(NOW)), NOW);
    expect(alertSent(out)).toBe('handshake_failure');
  });

  it('every suite is negotiated when it is the only one offered', () => {
    for (const suite of ['TLS_AES_128_GCM_SHA256', 'TLS_AES_256_GCM_SHA384', 'TLS_CHACHA20_POLY1305_SHA256'] as const) {
      const { log } = connectedPair(makeClient({ suites: [suite] }));
      expect(summary(log)?.suite).toBe(suite);
    }
  });
});

describe('KeyUpdate and close_notify', () => {
  type Step = { from: 'client' | 'server'; op: 'write' | 'update' | 'update-requested' };
  it('any interleaving of writes and KeyUpdates, from either side, delivers every message (fast-check)', () => {
    const step = fc.record({ from: fc.constantFrom('client', 'server'), op: fc.constantFrom('write', 'update', 'update-requested') }) as fc.Arbitrary<Step>;
    fc.assert(
      fc.property(fc.array(step, { maxLength: 12 }), (steps) => {
        const { client, server } = connectedPair();
        const ends = { client, server };
        const got = { client: '', server: '' };
        steps.forEach((s, i) => {
          const me = ends[s.from];
          const peerName = s.from === 'client' ? 'server' : 'client';
          const peer = ends[peerName];
          const out = s.op === 'write' ? me.write(text(`m${i};`)) : me.keyUpdate(s.op === 'update-requested');
          const answer = peer.feed(writes(out), NOW);
          got[peerName] += received(answer);
          me.feed(writes(answer), NOW); // the peer's own KeyUpdate, if it was asked for one
        });
        const expected = (side: 'client' | 'server') => steps.flatMap((s, i) => (s.from === side && s.op === 'write' ? [`m${i};`] : [])).join('');
        expect(got.server).toBe(expected('client'));
        expect(got.client).toBe(expected('server'));
        // After all that, both still talk.
        expect(received(server.feed(writes(client.write(text('end'))), NOW))).toBe('end');
      }),
      { numRuns: 30 },
    );
  });

  it('close_notify is answered with close_notify and both ends close; data after it is refused', () => {
    const { client, server } = connectedPair();
    const bye = client.close();
    const answer = server.feed(writes(bye), NOW);
    expect(eventsOf(answer)).toContainEqual({ kind: 'alert-received', alert: 'close_notify' });
    expect(answer.at(-1)).toEqual({ type: 'close' });
    const last = client.feed(writes(answer), NOW);
    expect(last.at(-1)).toEqual({ type: 'close' });
    expect(client.phase).toBe('closed');
    expect(() => server.write(text('late'))).toThrow();
  });
});
