/**
 * EngineSocket and backpressure: an engine that has more to send (the parts of a big FETCH, which
 * ask for a timer due now) is asked for the next part only once the socket has taken the last one, so a client
 * that reads slowly does not make the server hold the whole response in memory ahead of it.
 */
import { connect, createServer, type Server, type Socket } from 'node:net';
import { createSecureContext } from 'node:tls';
import { afterEach, describe, expect, it } from 'vitest';
import type { Output } from '../../engine.ts';
import { EngineSocket, type DrivenEngine } from './engine-socket.ts';
import { pooled, POOL_BUFFER } from './write-pool.ts';

const PART = 256 * 1024;
const PARTS = 200; // 50 MiB in all: far more than the loopback socket buffers hold

/** Answers any input with PARTS parts of PART octets, one per tick, asking for the next with a timer due now, as FETCH does. */
function streamingEngine(): DrivenEngine & { parts: number } {
  const part = (): Output<unknown>[] => [{ type: 'write', bytes: new Uint8Array(PART).fill(0x61) }];
  const engine = {
    state: 'open',
    buffered: 0,
    parts: 0,
    start: () => [],
    feed: (_bytes: Uint8Array, now: number) => next(now),
    tick: (now: number) => (engine.parts > 0 && engine.parts < PARTS ? next(now) : []),
    tlsStarted: () => [],
    closed: () => [],
  };
  const next = (now: number): Output<unknown>[] => {
    engine.parts++;
    return engine.parts < PARTS ? [...part(), { type: 'timer', at: now }] : part();
  };
  return engine;
}

let server: Server | null = null;
let client: Socket | null = null;

afterEach(async () => {
  client?.destroy();
  await new Promise<void>((ok) => (server ? server.close(() => ok()) : ok()));
  server = null;
});

describe('EngineSocket', () => {
  it('asks for the next part of a big response only as the client reads', async () => {
    const engine = streamingEngine();
    server = createServer((socket) => new EngineSocket(socket, engine, { secureContext: createSecureContext(), implicitTls: false }).start());
    await new Promise<void>((ok) => server!.listen(0, '127.0.0.1', ok));
    const { port } = server.address() as { port: number };
    const socket = connect(port, '127.0.0.1');
    client = socket;
    await new Promise<void>((ok) => socket.once('connect', ok));
    socket.pause();
    socket.write('go\r\n');
    await new Promise((ok) => setTimeout(ok, 500));
    // The kernel's buffers on both sides hold a few MiB; the other 40-odd MiB were never made.
    const whileStalled = engine.parts;
    expect(whileStalled).toBeGreaterThan(0);
    expect(whileStalled).toBeLessThan(PARTS / 4);
    let received = 0;
    socket.on('data', (chunk: Buffer) => (received += chunk.length));
    socket.resume();
    const deadline = Date.now() + 20_000;
    while (received < PART * PARTS && Date.now() < deadline) await new Promise((ok) => setTimeout(ok, 20));
    expect(received).toBe(PART * PARTS);
    expect(engine.parts).toBe(PARTS);
  });

  it('writes many pieces per call (small ones gathered in pooled buffers, large ones as they are) in order, byte for byte', async () => {
    // Each call: pieces of 1 to 3,000 octets, one of 100 KiB, more than a pooled buffer in all.
    const sizes = [...Array.from({ length: 300 }, (_, i) => 1 + ((i * 997) % 3000)), 100 * 1024, 7, 9];
    const CALLS = 12;
    let n = 0;
    const piece = (size: number): Uint8Array => Uint8Array.from({ length: size }, () => n++ % 251);
    const engine: DrivenEngine & { calls: number } = {
      state: 'open',
      buffered: 0,
      calls: 0,
      start: () => [],
      feed: (_bytes: Uint8Array, now: number) => step(now),
      tick: (now: number) => (engine.calls < CALLS ? step(now) : []),
      tlsStarted: () => [],
      closed: () => [],
    };
    const step = (now: number): Output<unknown>[] => {
      engine.calls++;
      const writes: Output<unknown>[] = sizes.map((size) => ({ type: 'write', bytes: piece(size) }));
      return engine.calls < CALLS ? [...writes, { type: 'timer', at: now }] : writes;
    };
    const total = sizes.reduce((a, b) => a + b, 0) * CALLS;
    expect(total / CALLS).toBeGreaterThan(POOL_BUFFER);
    server = createServer((socket) => new EngineSocket(socket, engine, { secureContext: createSecureContext(), implicitTls: false }).start());
    await new Promise<void>((ok) => server!.listen(0, '127.0.0.1', ok));
    const { port } = server.address() as { port: number };
    const socket = connect(port, '127.0.0.1');
    client = socket;
    const chunks: Buffer[] = [];
    let received = 0;
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      received += chunk.length;
    });
    await new Promise((ok) => socket.once('connect', ok));
    socket.write('go\r\n');
    const deadline = Date.now() + 20_000;
    while (received < total && Date.now() < deadline) await new Promise((ok) => setTimeout(ok, 20));
    const all = Buffer.concat(chunks);
    expect(all.length).toBe(total);
    // Octet i is i mod 251: any piece out of order, lost, doubled or overwritten in a reused buffer shows.
    const wrong = all.findIndex((b, i) => b !== i % 251);
    expect(wrong).toBe(-1);
    expect(engine.calls).toBe(CALLS);
    // Written buffers came back for the next call.
    expect(pooled()).toBeGreaterThan(0);
  });
});
