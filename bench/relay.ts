/**
 * Bridge relay overhead (issue #10): round-trip latency and throughput to a local echo server,
 * directly over TCP, through our relay, and through websockify (Debian's package) doing the same job.
 * Issue 19 asks the relay to echo 16 MiB at least as fast as websockify.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { connect, createServer, type AddressInfo, type Server } from 'node:net';
import { WebSocket } from 'ws';
import { freePort } from '../simulator/transports/node/free-ports.ts';
import { cpuMs } from './process-cpu.ts';
import { startRelayProcess } from './relay-process.ts';
import { timed, type Row } from './report.ts';

const ROUND_TRIPS = 2000;
const BULK = 16 * 1024 * 1024;
const CHUNK = 32 * 1024;
const ROUNDS = 9;

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

/** Counts what a pipe brings back, so a round can wait until a given total has arrived. */
function counter(pipe: Pipe): (n: number) => Promise<void> {
  let received = 0;
  let waiting: { target: number; ok: () => void } | null = null;
  pipe.onData((b) => {
    received += b.length;
    if (waiting && received >= waiting.target) {
      const { ok } = waiting;
      waiting = null;
      ok();
    }
  });
  // Called before the send: resolves once `n` more bytes than counted so far have come back.
  return (n) => new Promise<void>((ok) => (waiting = { target: received + n, ok }));
}

interface Measured {
  rttMs: number;
  bulkMs: number;
  /** CPU the process in the middle (relay or websockify) spent on the 16 MiB echo; null for direct TCP. */
  bulkCpuMs: number | null;
  /** The same for the round trips. */
  rttCpuMs: number | null;
}

async function measure(pipe: Pipe, back: (n: number) => Promise<void>, pid: number | null): Promise<Measured> {
  const ping = new Uint8Array(6).fill(0x2e);
  const rttCpuBefore = pid === null ? null : cpuMs(pid);
  const rtt = await timed(async () => {
    for (let i = 0; i < ROUND_TRIPS; i++) {
      const echoed = back(ping.length);
      pipe.send(ping);
      await echoed;
    }
  });
  const rttCpu = pid === null || rttCpuBefore === null ? null : cpuMs(pid)! - rttCpuBefore;
  const chunk = new Uint8Array(CHUNK).fill(0x61);
  const cpuBefore = pid === null ? null : cpuMs(pid);
  const bulk = await timed(async () => {
    const echoed = back(BULK);
    for (let sent = 0; sent < BULK; sent += CHUNK) pipe.send(chunk);
    await echoed;
  });
  const cpuAfter = pid === null ? null : cpuMs(pid);
  return { rttMs: rtt.ms / ROUND_TRIPS, bulkMs: bulk.ms, bulkCpuMs: cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore, rttCpuMs: rttCpu };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function websockify(port: number): Promise<{ child: ChildProcess; url: string } | null> {
  const listen = await freePort();
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

/** `mailwire_relay_backpressure_pauses_total{paused="server"} 3; …` as `server 3, browser 0`. */
function pausesOf(metrics: string): string {
  const found = [...metrics.matchAll(/\{paused="(\w+)"\} (\d+)/g)].map(([, side, n]) => `${side} ${n}`);
  return found.length ? found.join(', ') : 'none';
}

function rows(name: string, runs: readonly Measured[], note?: string): Row[] {
  const rttMs = median(runs.map((m) => m.rttMs));
  const bulkMs = median(runs.map((m) => m.bulkMs));
  const each = `median of ${runs.length}`;
  const cpu = (of: (m: Measured) => number | null): string => (runs.every((m) => of(m) !== null) ? `; its process's CPU: median ${median(runs.map((m) => of(m)!)).toFixed(0)} ms` : '');
  return [
    { part: 'RELAY', operation: `${name}: round trip (${ROUND_TRIPS}× 6 B)`, messages: ROUND_TRIPS, ms: rttMs * ROUND_TRIPS, bytes: 0, note: `${(rttMs * 1000).toFixed(0)} µs each, ${each}${cpu((m) => m.rttCpuMs)}` },
    { part: 'RELAY', operation: `${name}: 16 MiB echoed`, messages: 0, ms: bulkMs, bytes: BULK * 2, note: `${each}: ${runs.map((m) => ((BULK * 2) / 1e3 / m.bulkMs).toFixed(0)).join(' ')} MB/s${cpu((m) => m.bulkCpuMs)}${note ? `; ${note}` : ''}` },
  ];
}

interface Contender {
  name: string;
  /** The process between the client and the echo server, whose CPU time is measured. */
  pid: number | null;
  pipe: Pipe;
  back: (n: number) => Promise<void>;
  runs: Measured[];
}

async function contender(name: string, pid: number | null, pipe: Promise<Pipe>): Promise<Contender> {
  const p = await pipe;
  return { name, pid, pipe: p, back: counter(p), runs: [] };
}

/**
 * Direct TCP, our relay and websockify, each in ROUNDS alternating rounds on one open connection,
 * so a burst of load on the shared machine falls on all three; medians per contender. The relay
 * runs in its own process like websockify (`RELAY_CPU_PROF=DIR` writes its CPU profile there).
 */
export async function benchRelay(): Promise<Row[]> {
  const echo = await echoServer();
  const profile = process.env.RELAY_CPU_PROF;
  const relay = await startRelayProcess(echo.port, profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : []);
  const ws = await websockify(echo.port);
  const contenders: Contender[] = [];
  let pauses = '';
  try {
    contenders.push(await contender('direct TCP', null, tcpPipe(echo.port)));
    const hello = JSON.stringify({ type: 'connect', host: '127.0.0.1', port: echo.port, tls: 'none' });
    contenders.push(await contender('Mailwire relay', relay.pid, wsPipe(relay.url, hello)));
    if (ws) contenders.push(await contender('websockify', ws.child.pid ?? null, wsPipe(ws.url, null)));
    for (let round = 0; round < ROUNDS; round++) {
      for (const c of contenders) c.runs.push(await measure(c.pipe, c.back, c.pid));
    }
    // How often backpressure paused a side during the echoes: each pause is a round trip through
    // the event loop, so a fast session should see few (structural, unlike the timings).
    pauses = (await relay.ask('peak')).pauses ?? '';
  } finally {
    for (const c of contenders) c.pipe.close();
    await relay.ask('stop');
    ws?.child.kill();
    echo.server.close();
  }
  const out = contenders.flatMap((c) => rows(c.name, c.runs, c.pid === relay.pid ? `backpressure pauses over ${ROUNDS} rounds: ${pausesOf(pauses)}` : undefined));
  const [ours, theirs] = [contenders[1], contenders[2]];
  if (ours && theirs) {
    // Issue 19: at least websockify's throughput. Each round's pair ran back to back, so the ratio
    // of one round is what the shared machine's load disturbs least.
    const ratios = ours.runs.map((m, i) => theirs.runs[i]!.bulkMs / m.bulkMs);
    out.push({ part: 'RELAY', operation: 'relay ÷ websockify, 16 MiB echo throughput', messages: 0, ms: 0, bytes: 0, note: `median ${median(ratios).toFixed(2)} of per-round ratios ${ratios.map((r) => r.toFixed(2)).join(' ')} (≥ 1: as fast or faster)` });
  }
  if (!ws) out.push({ part: 'RELAY', operation: 'websockify', messages: 0, ms: 0, bytes: 0, note: 'skipped: websockify is not installed (simulator/transports/node/conformance-tools.sh installs it)' });
  return out;
}
