/**
 * The relay under slow and leaving clients (issue 19): no socket outlives a browser that left during
 * DNS, backpressure both ways, the total cap, the operator's endpoints and a SIGTERM-style drain.
 */
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { RelayMessage } from '../relay-protocol.ts';
import { RelayTestClient } from './relay-client.ts';
import { waitFor } from '../node/conformance-harness.ts';
import { startRelay, type RelayHandle, type RelayOverrides } from './server.ts';
import { DEFAULT_LIMITS } from './options.ts';
import { HIGH_WATER, LOW_WATER, SOCKET_MARK, type Held } from './flow-control.ts';
import type { Resolver } from './session.ts';

const MiB = 1024 * 1024;
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A TCP server that counts the connections open on it and lets each test decide what they do. */
async function target(onConnection: (socket: Socket) => void = () => {}): Promise<{ port: number; open: () => number; accepted: () => number }> {
  const sockets = new Set<Socket>();
  let accepted = 0;
  const server: Server = createServer((socket) => {
    accepted++;
    sockets.add(socket);
    socket.on('error', () => {});
    socket.on('close', () => sockets.delete(socket));
    onConnection(socket);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  cleanups.push(
    () =>
      new Promise<void>((ok) => {
        for (const s of sockets) s.destroy();
        server.close(() => ok());
      }),
  );
  return { port: (server.address() as AddressInfo).port, open: () => sockets.size, accepted: () => accepted };
}

async function relayFor(port: number, overrides: RelayOverrides = {}, resolve?: Resolver): Promise<RelayHandle> {
  const relay = await startRelay(
    { port: 0, origins: [], allowPrivate: true, allowPorts: [port], ...overrides, limits: { connectionsPerMinute: 10_000, sessionsPerIp: 1000, maxBytes: 64 * MiB, ...overrides.limits } },
    { log: () => undefined, resolve },
  );
  cleanups.push(() => relay.close());
  return relay;
}

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

/** A raw browser side, so a test can stop reading (ws.pause) like a slow browser. */
async function rawBrowser(url: string): Promise<{ ws: WebSocket; received: () => number; messages: RelayMessage[] }> {
  const ws = new WebSocket(url);
  let received = 0;
  const messages: RelayMessage[] = [];
  ws.on('message', (data: Buffer, binary: boolean) => {
    if (binary) received += data.length;
    else messages.push(JSON.parse(data.toString()) as RelayMessage);
  });
  ws.on('error', () => {});
  await new Promise((ok) => ws.once('open', ok));
  cleanups.push(() => ws.terminate());
  return { ws, received: () => received, messages };
}

describe('a browser that leaves during the DNS lookup', () => {
  it('leaves no TCP connection behind, 100 times over', async () => {
    const server = await target();
    const slowDns: Resolver = async () => {
      await sleep(500);
      return ['127.0.0.1'];
    };
    const relay = await relayFor(server.port, {}, slowDns);
    const clients = Array.from({ length: 100 }, () => new RelayTestClient(relay.url));
    await Promise.all(clients.map((c) => c.opened()));
    for (const c of clients) {
      c.control({ type: 'connect', host: 'mail.slow-dns.test', port: server.port, tls: 'none' });
      c.close();
    }
    await waitFor('every session to end', () => relay.sessions() === 0);
    await sleep(800); // every lookup has answered by now
    expect(server.accepted()).toBe(0);
    expect(server.open()).toBe(0);
  });
});

describe('backpressure', () => {
  it('pauses the server while the browser does not read, and loses nothing', async () => {
    const total = 16 * MiB;
    let written = 0;
    const server = await target((socket) => {
      const chunk = Buffer.alloc(64 * 1024, 0x61);
      const push = () => {
        while (written < total) {
          written += chunk.length;
          if (!socket.write(chunk)) return void socket.once('drain', push);
        }
      };
      push();
    });
    const relay = await relayFor(server.port);
    const browser = await rawBrowser(relay.url);
    browser.ws.pause(); // a browser that does not read
    browser.ws.send(JSON.stringify({ type: 'connect', host: '127.0.0.1', port: server.port, tls: 'none' }));
    await sleep(1500);
    // Without backpressure the relay reads all 16 MiB at once and holds them; with it, the server is stuck.
    expect(written).toBeLessThan(total);
    expect(await relay.metrics.text()).toMatch(/mailwire_relay_backpressure_pauses_total\{paused="server"\} [1-9]/);
    browser.ws.resume();
    await waitFor('all 16 MiB to arrive', () => browser.received() === total, 30_000);
  }, 40_000);

  it('stops reading the browser while the server does not read, and loses nothing', async () => {
    const total = 16 * MiB;
    let got = 0;
    let serverSocket: Socket | null = null;
    const server = await target((socket) => {
      serverSocket = socket;
      socket.pause(); // a server that does not read
      socket.on('data', (b: Buffer) => (got += b.length));
    });
    const relay = await relayFor(server.port);
    const browser = await rawBrowser(relay.url);
    browser.ws.send(JSON.stringify({ type: 'connect', host: '127.0.0.1', port: server.port, tls: 'none' }));
    await waitFor('connected', () => browser.messages.some((m) => m.type === 'connected'));
    const frame = Buffer.alloc(60 * 1024, 0x62);
    for (let sent = 0; sent < total; sent += frame.length) browser.ws.send(frame.subarray(0, Math.min(frame.length, total - sent)));
    await sleep(1500);
    // The relay stopped taking frames: they wait on the browser's side, not in the relay.
    expect(browser.ws.bufferedAmount).toBeGreaterThan(0);
    expect(await relay.metrics.text()).toMatch(/mailwire_relay_backpressure_pauses_total\{paused="browser"\} [1-9]/);
    serverSocket!.resume();
    await waitFor('all 16 MiB to reach the server', () => got === total, 30_000);
  }, 40_000);
});

/** libuv reads a socket at most 64 KiB at a time: what a paused socket may still take in. */
const READ = 64 * 1024;
const RATE = 64 * 1024; // bytes a second the slow side reads
/** What a session may hold each way by construction, so 500 slow sessions hold under 120 MB a direction. */
const BUDGET = 224 * 1024;

/** Samples relay.buffered() every few milliseconds; `max()` is the most each direction held. */
function watchHeld(relay: RelayHandle): { max: () => Held; stop: () => void } {
  const max: Held = { toBrowser: 0, toServer: 0 };
  const timer = setInterval(() => {
    const now = relay.buffered();
    max.toBrowser = Math.max(max.toBrowser, now.toBrowser);
    max.toServer = Math.max(max.toServer, now.toServer);
  }, 2);
  return { max: () => ({ ...max }), stop: () => clearInterval(timer) };
}

/** Lets a stream take RATE bytes a second: resumed while behind, paused as soon as it is ahead. */
function readSlowly(stream: { pause(): void; resume(): void }, got: () => number): () => void {
  const started = Date.now();
  stream.pause();
  const timer = setInterval(() => (got() < ((Date.now() - started) / 1000) * RATE ? stream.resume() : stream.pause()), 5);
  return () => clearInterval(timer);
}

describe('what a session holds under a slow reader (bounded by construction)', () => {
  it('server → browser read at 64 KiB/s: at most HIGH_WATER and one read unflushed, plus a paused socket\'s mark and one read', async () => {
    const server = await target((socket) => {
      const chunk = Buffer.alloc(64 * 1024, 0x61);
      // More than the kernel's loopback buffers (megabytes) take, for as long as the test reads.
      const push = () => {
        while (!socket.destroyed) if (!socket.write(chunk)) return void socket.once('drain', push);
      };
      push();
    });
    const relay = await relayFor(server.port, { limits: { maxBytes: 1 << 30 } });
    const browser = await rawBrowser(relay.url);
    const held = watchHeld(relay);
    const stop = readSlowly(browser.ws, browser.received);
    browser.ws.send(JSON.stringify({ type: 'connect', host: '127.0.0.1', port: server.port, tls: 'none' }));
    await sleep(2000);
    stop();
    held.stop();
    expect(held.max().toBrowser).toBeGreaterThan(LOW_WATER); // the slow reader did make the relay hold bytes
    const bound = HIGH_WATER + READ + SOCKET_MARK + READ;
    expect(bound).toBeLessThanOrEqual(BUDGET);
    expect(held.max().toBrowser).toBeLessThanOrEqual(bound);
    expect(browser.received()).toBeLessThan(16 * MiB); // the reader was slow: the rest waited in the server
  }, 20_000);

  it('browser → server read at 64 KiB/s: at most a socket mark and a frame unwritten, a read unparsed, a paused socket\'s mark and one read', async () => {
    let got = 0;
    let stop = () => {};
    const server = await target((socket) => {
      socket.on('data', (b: Buffer) => (got += b.length));
      stop = readSlowly(socket, () => got);
    });
    const relay = await relayFor(server.port, { limits: { maxBytes: 1 << 30 } });
    const browser = await rawBrowser(relay.url);
    browser.ws.send(JSON.stringify({ type: 'connect', host: '127.0.0.1', port: server.port, tls: 'none' }));
    await waitFor('connected', () => browser.messages.some((m) => m.type === 'connected'));
    const held = watchHeld(relay);
    // More than the kernel's loopback buffers take: the rest waits in the browser (ws.bufferedAmount).
    const frame = Buffer.alloc(DEFAULT_LIMITS.maxFrame, 0x62);
    for (let i = 0; i < 512; i++) browser.ws.send(frame);
    await sleep(2000);
    stop();
    held.stop();
    expect(held.max().toServer).toBeGreaterThan(LOW_WATER);
    const bound = SOCKET_MARK + DEFAULT_LIMITS.maxFrame + READ + SOCKET_MARK + READ;
    expect(bound).toBeLessThanOrEqual(BUDGET);
    expect(held.max().toServer).toBeLessThanOrEqual(bound);
    expect(got).toBeLessThan(16 * MiB);
    expect(browser.ws.bufferedAmount).toBeGreaterThan(0); // what the relay did not take waits in the browser
  }, 20_000);
});

describe('a frame far over the cap', () => {
  it('is refused from its header (1009), before the relay buffers it', async () => {
    const server = await target();
    const relay = await relayFor(server.port);
    const browser = await rawBrowser(relay.url);
    browser.ws.send(JSON.stringify({ type: 'connect', host: '127.0.0.1', port: server.port, tls: 'none' }));
    await waitFor('connected', () => browser.messages.some((m) => m.type === 'connected'));
    const closed = new Promise<number>((ok) => browser.ws.once('close', (code: number) => ok(code)));
    browser.ws.send(Buffer.alloc(DEFAULT_LIMITS.maxFrame * 4 + 1));
    expect(await closed).toBe(1009);
    expect(relay.buffered()).toEqual({ toBrowser: 0, toServer: 0 });
  });
});

describe('operating the relay', () => {
  it('answers LIMIT with a sentence past --max-sessions', async () => {
    const server = await target((s) => s.write('220 hi\r\n'));
    const relay = await relayFor(server.port, { limits: { maxSessions: 2 } });
    const a = new RelayTestClient(relay.url);
    const b = new RelayTestClient(relay.url);
    await Promise.all([a.opened(), b.opened()]);
    const c = new RelayTestClient(relay.url);
    await c.until((x) => x.closed);
    expect(c.find('error')).toEqual({ type: 'error', code: 'LIMIT', message: 'the relay is at its limit of 2 sessions at once; try again in a minute.' });
  });

  it('serves /healthz, /readyz and /metrics', async () => {
    const server = await target((s) => {
      s.write('220 hi\r\n');
      s.on('data', (b: Buffer) => s.write(b)); // echo
    });
    const relay = await relayFor(server.port, {}, async () => ['127.0.0.1']);
    const base = `http://127.0.0.1:${relay.port}`;
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    const c = new RelayTestClient(relay.url);
    await c.opened();
    c.control({ type: 'connect', host: 'mail.named.test', port: server.port, tls: 'none' });
    await c.until((x) => x.text.includes('220 hi'));
    c.bytes('NOOP\r\n');
    const refused = new RelayTestClient(relay.url);
    await refused.opened();
    refused.control({ type: 'connect', host: 'mail.named.test', port: 80, tls: 'none' });
    await refused.until((x) => x.closed);
    await c.until((x) => x.text.includes('NOOP'));
    const response = await fetch(`${base}/metrics`);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    expect(text).toContain('mailwire_relay_sessions_open 1');
    expect(text).toContain('mailwire_relay_sessions_total{outcome="error",code="POLICY_PORT"} 1');
    expect(text).toContain('mailwire_relay_bytes_total{direction="down"} 14');
    expect(text).toContain('mailwire_relay_bytes_total{direction="up"} 6');
    expect(text).toMatch(/mailwire_relay_dns_seconds_count 1\n/);
    expect(text).toMatch(/mailwire_relay_connect_seconds_count 1\n/);
  });

  it('drains: not ready, new sessions refused, open ones told "restarting" and closed after the drain time', async () => {
    const server = await target((s) => s.write('220 hi\r\n'));
    const relay = await relayFor(server.port);
    const c = new RelayTestClient(relay.url);
    await c.opened();
    c.control({ type: 'connect', host: '127.0.0.1', port: server.port, tls: 'none' });
    await c.until((x) => x.text.includes('220 hi'));
    const started = Date.now();
    const drained = relay.drain(1);
    expect((await fetch(`http://127.0.0.1:${relay.port}/readyz`)).status).toBe(503);
    const late = new RelayTestClient(relay.url);
    await late.until((x) => x.closed);
    expect(late.find('error')).toMatchObject({ code: 'LIMIT', message: expect.stringMatching(/restarting/) });
    await c.until((x) => x.find('restarting') !== undefined);
    expect(c.find('restarting')).toEqual({ type: 'restarting', seconds: 1, message: expect.stringContaining('closes in 1 seconds') });
    expect(c.closed).toBe(false); // the session goes on during the drain
    await drained;
    await c.until((x) => x.closed);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(c.find('closed')).toMatchObject({ by: 'relay' });
    expect(server.open()).toBe(0);
  });
});
