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
});
