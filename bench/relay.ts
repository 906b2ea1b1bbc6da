/**
 * Bridge relay overhead (issue #10): round-trip latency and throughput to a local echo server,
 * directly over TCP, through our relay, and through websockify (Debian's package) doing the same job.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { connect, createServer, type AddressInfo, type Server } from 'node:net';
import { WebSocket } from 'ws';
import { startRelay } from '../simulator/transports/relay/server.ts';
import { timed, type Row } from './report.ts';

const ROUND_TRIPS = 2000;
const BULK = 16 * 1024 * 1024;
const CHUNK = 32 * 1024;

/** Something that carries bytes to the echo server and back. */
interface Pipe {
  send(bytes: Uint8Array): void;
  onData(handler: (bytes: Uint8Array) => void): void;
  close(): void;
}

async function echoServer(): Promise<{ server: Server; port: number }> {
  const server = createServer((socket) => {
    socket.setNoDelay(true);
    socket.pipe(socket);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return { server, port: (server.address() as AddressInfo).port };
}

function tcpPipe(port: number): Promise<Pipe> {
  return new Promise((ok, fail) => {
    const socket = connect(port, '127.0.0.1', () =>
      ok({ send: (b) => socket.write(b), onData: (h) => socket.on('data', h), close: () => socket.destroy() }),
    );
    socket.setNoDelay(true);
    socket.once('error', fail);
  });
}

/** A WebSocket pipe; `hello` is what our relay needs before bytes flow (websockify needs none). */
function wsPipe(url: string, hello: string | null): Promise<Pipe> {
  return new Promise((ok, fail) => {
    const ws = new WebSocket(url, hello ? [] : ['binary'], { origin: 'http://localhost:4321' });
    let handler: (b: Uint8Array) => void = () => undefined;
    const pipe: Pipe = { send: (b) => ws.send(b), onData: (h) => (handler = h), close: () => ws.close() };
    ws.on('message', (data: Buffer, binary: boolean) => {
      if (binary) handler(data);
      else if ((JSON.parse(data.toString()) as { type: string }).type === 'connected') ok(pipe);
    });
    ws.on('open', () => (hello ? ws.send(hello) : ok(pipe)));
    ws.on('error', fail);
  });
}

async function measure(pipe: Pipe): Promise<{ rttMs: number; bulkMs: number }> {
  let received = 0;
  let waiting: (() => void) | null = null;
  let target = 0;
  pipe.onData((b) => {
    received += b.length;
    if (waiting && received >= target) waiting();
  });
  const until = (n: number) =>
    new Promise<void>((ok) => {
      target = n;
      if (received >= n) ok();
      else waiting = ok;
    });
  const ping = new Uint8Array(6).fill(0x2e);
  const rtt = await timed(async () => {
    for (let i = 0; i < ROUND_TRIPS; i++) {
      pipe.send(ping);
      await until(received + ping.length);
    }
  });
  const chunk = new Uint8Array(CHUNK).fill(0x61);
  const start = received;
  const bulk = await timed(async () => {
    for (let sent = 0; sent < BULK; sent += CHUNK) pipe.send(chunk);
    await until(start + BULK);
  });
  pipe.close();
  return { rttMs: rtt.ms / ROUND_TRIPS, bulkMs: bulk.ms };
}

async function websockify(port: number): Promise<{ child: ChildProcess; url: string } | null> {
  const listen = await new Promise<number>((ok) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const p = (probe.address() as AddressInfo).port;
      probe.close(() => ok(p));
    });
  });
  const child = spawn('websockify', [`127.0.0.1:${listen}`, `127.0.0.1:${port}`], { stdio: 'ignore' });
  const up = await new Promise<boolean>((ok) => {
    child.once('error', () => ok(false));
    const poll = (tries: number) => {
      const s = connect(listen, '127.0.0.1', () => {
        s.destroy();
        ok(true);
      });
      s.once('error', () => (tries > 0 ? setTimeout(() => poll(tries - 1), 100) : ok(false)));
    };
    poll(50);
  });
  return up ? { child, url: `ws://127.0.0.1:${listen}/` } : null;
}

function rows(name: string, m: { rttMs: number; bulkMs: number }, note?: string): Row[] {
  return [
    { part: 'RELAY', operation: `${name}: round trip (${ROUND_TRIPS}× 6 B)`, messages: ROUND_TRIPS, ms: m.rttMs * ROUND_TRIPS, bytes: 0, note: `${(m.rttMs * 1000).toFixed(0)} µs each${note ? `; ${note}` : ''}` },
    { part: 'RELAY', operation: `${name}: 16 MiB echoed`, messages: 0, ms: m.bulkMs, bytes: BULK * 2 },
  ];
}

export async function benchRelay(): Promise<Row[]> {
  const echo = await echoServer();
  const out: Row[] = [];
  try {
    out.push(...rows('direct TCP', await measure(await tcpPipe(echo.port))));
    const relay = await startRelay({ port: 0, origins: [], allowPrivate: true, allowPorts: [echo.port], limits: { sessionsPerIp: 8, connectionsPerMinute: 60, idleMs: 60_000, maxSessionMs: 600_000, maxFrame: 64 * 1024, maxBytes: 1 << 30, connectTimeoutMs: 5000 } }, { log: () => undefined });
    try {
      const hello = JSON.stringify({ type: 'connect', host: '127.0.0.1', port: echo.port, tls: 'none' });
      out.push(...rows('Mailwire relay', await measure(await wsPipe(relay.url, hello))));
    } finally {
      await relay.close();
    }
    const ws = await websockify(echo.port);
    if (!ws) out.push({ part: 'RELAY', operation: 'websockify', messages: 0, ms: 0, bytes: 0, note: 'skipped: websockify is not installed (apt-get install websockify)' });
    else {
      try {
        out.push(...rows('websockify', await measure(await wsPipe(ws.url, null))));
      } finally {
        ws.child.kill();
      }
    }
  } finally {
    echo.server.close();
  }
  return out;
}
