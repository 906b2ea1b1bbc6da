/**
 * Relay under load (issue 19): many sessions at once, each with a fast sender on one side and a
 * reader of 64 KiB/s on the other, first server → browser, then browser → server. Backpressure must
 * keep the relay's memory flat: it prints the relay process's peak RSS (target: under 300 MB).
 * At the peak it also prints where the memory was (heap, Buffers, what the sessions held, the rest).
 * Scaled to run in bounded time: each session runs for RELAY_LOAD_SECONDS (default 15) of the
 * 256 s a 16 MiB transfer at 64 KiB/s takes; a relay that buffered would have read the 16 MiB per
 * session within the first second.
 */
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { WebSocket } from 'ws';
import { startRelayProcess, type MemoryAtPeak } from './relay-process.ts';
import type { Row } from './report.ts';

const SESSIONS = Number(process.env.RELAY_LOAD_SESSIONS ?? 500);
const SECONDS = Number(process.env.RELAY_LOAD_SECONDS ?? 15);
const TOTAL = 16 * 1024 * 1024;
const RATE = 64 * 1024; // bytes per second the slow side reads
const TICK_MS = 50;
const FRAME = 60 * 1024;

type Direction = 'down' | 'up';
/** RELAY_LOAD_DIRECTION=down or up runs one of the two (default: both, down first). */
const DIRECTIONS: Direction[] = process.env.RELAY_LOAD_DIRECTION === 'down' ? ['down'] : process.env.RELAY_LOAD_DIRECTION === 'up' ? ['up'] : ['down', 'up'];

/**
 * The slow side: a shared tick lets each reader take RATE bytes a second. A reader is resumed when
 * behind and paused as soon as a chunk puts it ahead (`took`), so it never reads a burst at full
 * speed: over a run it takes RATE a second, plus at most one chunk.
 */
class SlowReaders {
  private readonly readers: Array<{ stream: { pause(): void; resume(): void }; got: () => number }> = [];
  private allowed = 0;
  private readonly timer = setInterval(() => this.tick(), TICK_MS);

  /** Returns what to call after each chunk the reader counted. */
  add(stream: { pause(): void; resume(): void }, got: () => number): () => void {
    stream.pause();
    this.readers.push({ stream, got });
    return () => {
      if (got() >= this.allowed) stream.pause();
    };
  }

  private tick(): void {
    this.allowed += (RATE * TICK_MS) / 1000;
    for (const r of this.readers) if (r.got() < this.allowed) r.stream.resume();
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

/** The fast side of a socket: writes TOTAL bytes as fast as the relay takes them (drain events). */
function pushToSocket(socket: Socket): void {
  const chunk = Buffer.alloc(FRAME, 0x6d);
  let sent = 0;
  const push = (): void => {
    while (sent < TOTAL) {
      sent += chunk.length;
      if (!socket.write(chunk)) return void socket.once('drain', push);
    }
  };
  push();
}

/** The fast side of a WebSocket: keeps at most `room` bytes unsent, refilling as sends complete. */
function pushToWebSocket(ws: WebSocket, room = 256 * 1024): void {
  const chunk = Buffer.alloc(FRAME, 0x6d);
  let sent = 0;
  let inflight = 0;
  const push = (): void => {
    while (sent < TOTAL && inflight < room && ws.readyState === WebSocket.OPEN) {
      sent += chunk.length;
      inflight += chunk.length;
      ws.send(chunk, () => {
        inflight -= chunk.length;
        push();
      });
    }
  };
  push();
}

async function run(direction: Direction): Promise<Row> {
  let delivered = 0;
  const sockets: Socket[] = [];
  const server = createServer((socket) => {
    socket.on('error', () => {});
    socket.pause();
    sockets.push(socket);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const port = (server.address() as AddressInfo).port;
  const relay = await startRelayProcess(port);
  const browsers: Array<{ ws: WebSocket; got: () => number }> = [];
  const readers = new SlowReaders();
  const started = performance.now();
  try {
    // Open every session first, so setting up does not compete with the transfer.
    for (let i = 0; i < SESSIONS; i += 50) {
      await Promise.all(Array.from({ length: Math.min(50, SESSIONS - i) }, () => openBrowser(relay.url, port, (n) => (delivered += direction === 'down' ? n : 0)).then((b) => browsers.push(b))));
    }
    await relay.ask('reset');
    for (const socket of sockets) {
      if (direction === 'down') {
        socket.resume();
        pushToSocket(socket);
      } else {
        let got = 0;
        const took = readers.add(socket, () => got);
        socket.on('data', (b: Buffer) => ((got += b.length), (delivered += b.length), took()));
      }
    }
    for (const b of browsers) {
      if (direction === 'down') {
        const took = readers.add(b.ws, b.got);
        b.ws.on('message', took); // after openBrowser's listener has counted the bytes
      } else pushToWebSocket(b.ws);
    }
    delivered = 0;
    const window = performance.now();
    await new Promise((ok) => setTimeout(ok, SECONDS * 1000));
    const seconds = (performance.now() - window) / 1000;
    const { rss, memory, sessions, up = 0, down = 0 } = await relay.ask('peak');
    const relayed = direction === 'down' ? down : up;
    const what = direction === 'down' ? 'server → browser' : 'browser → server';
    return {
      part: 'RELAY',
      operation: `load: ${sessions} sessions, ${what}, 16 MiB each, read at 64 KiB/s, ${SECONDS} s`,
      messages: 0,
      ms: performance.now() - started,
      bytes: 0,
      note: `relay peak RSS ${(rss / 1e6).toFixed(0)} MB (target < 300); relayed ${(relayed / 1e6).toFixed(0)} MB, readers took ${(delivered / 1e6).toFixed(0)} MB in ${seconds.toFixed(0)} s${memory ? `; at the peak: ${where(memory)}` : ''}`,
    };
  } finally {
    readers.stop();
    for (const b of browsers) b.ws.terminate();
    for (const s of sockets) s.destroy();
    await relay.ask('stop');
    server.close();
  }
}

/**
 * Where the relay's memory was at its peak: V8's heap; Buffers (outside the heap), of which the
 * sessions held so many for backpressure (the rest is garbage the next GC frees); and the rest of
 * RSS (Node itself, the loaded code, and memory freed but kept by the allocator).
 */
function where(m: MemoryAtPeak): string {
  const mb = (n: number) => `${(n / 1e6).toFixed(0)} MB`;
  const held = m.heldToBrowser + m.heldToServer;
  return `heap ${mb(m.heapUsed)} used of ${mb(m.heapTotal)}, external ${mb(m.external)} (arrayBuffers ${mb(m.arrayBuffers)}, of which sessions held ${mb(held)}), rest of RSS ${mb(m.rss - m.heapTotal - m.external)}`;
}

/** A browser side: connects through the relay and counts what arrives. */
async function openBrowser(url: string, port: number, onBytes: (n: number) => void): Promise<{ ws: WebSocket; got: () => number }> {
  const ws = new WebSocket(url);
  ws.on('error', () => {});
  let got = 0;
  await new Promise<void>((ok, fail) => {
    ws.once('error', fail);
    ws.on('message', (data: Buffer, binary: boolean) => {
      if (binary) return void ((got += data.length), onBytes(data.length));
      if ((JSON.parse(data.toString()) as { type: string }).type === 'connected') ok();
    });
    ws.on('open', () => ws.send(JSON.stringify({ type: 'connect', host: '127.0.0.1', port, tls: 'none' })));
  });
  return { ws, got: () => got };
}

export async function benchRelayLoad(): Promise<Row[]> {
  const rows: Row[] = [];
  for (const direction of DIRECTIONS) rows.push(await run(direction));
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { table } = await import('./report.ts');
  console.log(table(await benchRelayLoad()));
  process.exit(0);
}
