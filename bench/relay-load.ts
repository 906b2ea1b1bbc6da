/**
 * Relay under load (issue 19): many sessions at once, each with a fast sender on one side and a
 * reader of 64 KiB/s on the other, first server → browser, then browser → server. Backpressure must
 * keep the relay's memory flat: it prints the relay process's peak RSS (target: under 300 MB).
 * Scaled to run in bounded time: each session runs for RELAY_LOAD_SECONDS (default 15) of the
 * 256 s a 16 MiB transfer at 64 KiB/s takes; a relay that buffered would have read the 16 MiB per
 * session within the first second.
 */
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { WebSocket } from 'ws';
import { startRelayProcess } from './relay-process.ts';
import type { Row } from './report.ts';

const SESSIONS = Number(process.env.RELAY_LOAD_SESSIONS ?? 500);
const SECONDS = Number(process.env.RELAY_LOAD_SECONDS ?? 15);
const TOTAL = 16 * 1024 * 1024;
const RATE = 64 * 1024; // bytes per second the slow side reads
const TICK_MS = 100;
const FRAME = 60 * 1024;

type Direction = 'down' | 'up';

/** The slow side: one shared tick lets each reader take RATE bytes a second, pausing it in between. */
class SlowReaders {
  private readonly readers: Array<{ stream: { pause(): void; resume(): void }; got: () => number }> = [];
  private allowed = 0;
  private readonly timer = setInterval(() => this.tick(), TICK_MS);

  add(stream: { pause(): void; resume(): void }, got: () => number): void {
    stream.pause();
    this.readers.push({ stream, got });
  }

  private tick(): void {
    this.allowed += (RATE * TICK_MS) / 1000;
    for (const r of this.readers) {
      if (r.got() < this.allowed) r.stream.resume();
      else r.stream.pause();
    }
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
        socket.on('data', (b: Buffer) => ((got += b.length), (delivered += b.length)));
        readers.add(socket, () => got);
      }
    }
    for (const b of browsers) {
      if (direction === 'down') readers.add(b.ws, b.got);
      else pushToWebSocket(b.ws);
    }
    delivered = 0;
    const window = performance.now();
    await new Promise((ok) => setTimeout(ok, SECONDS * 1000));
    const seconds = (performance.now() - window) / 1000;
    const { rss, sessions, up = 0, down = 0 } = await relay.ask('peak');
    const relayed = direction === 'down' ? down : up;
    const what = direction === 'down' ? 'server → browser' : 'browser → server';
    return {
      part: 'RELAY',
      operation: `load: ${sessions} sessions, ${what}, 16 MiB each, read at 64 KiB/s, ${SECONDS} s`,
      messages: 0,
      ms: performance.now() - started,
      bytes: 0,
      note: `relay peak RSS ${(rss / 1e6).toFixed(0)} MB (target < 300); relayed ${(relayed / 1e6).toFixed(0)} MB, readers took ${(delivered / 1e6).toFixed(0)} MB in ${seconds.toFixed(0)} s`,
    };
  } finally {
    readers.stop();
    for (const b of browsers) b.ws.terminate();
    for (const s of sockets) s.destroy();
    await relay.ask('stop');
    server.close();
  }
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
  return [await run('down'), await run('up')];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { table } = await import('./report.ts');
  console.log(table(await benchRelayLoad()));
  process.exit(0);
}
