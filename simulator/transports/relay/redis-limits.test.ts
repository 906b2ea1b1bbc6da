/**
 * `--redis`: two relays share one set of limits in a real redis-server on loopback (installed by
 * conformance-tools.sh under `npm test`), refuse new sessions while Redis is away, and recover.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../node/free-ports.ts';
import { RelayTestClient } from './relay-client.ts';
import { startRelay, type RelayHandle } from './server.ts';

const hasRedis = spawnSync('redis-server', ['--version']).status === 0;
let port = 0;
let redis: ChildProcess | null = null;
let admin: Redis;
const relays: RelayHandle[] = [];
const clients: RelayTestClient[] = [];

async function startRedis(): Promise<void> {
  redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const probe = new Redis(port, '127.0.0.1', { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => 50 });
  probe.on('error', () => {});
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      await probe.connect().catch(() => {});
      if ((await probe.ping()) === 'PONG') break;
    } catch {
      if (Date.now() > deadline) throw new Error('redis-server did not start');
      await new Promise((ok) => setTimeout(ok, 100));
    }
  }
  probe.disconnect();
}

async function stopRedis(): Promise<void> {
  const child = redis;
  redis = null;
  if (!child || child.exitCode !== null) return;
  await new Promise((ok) => {
    child.once('exit', ok);
    child.kill('SIGTERM');
  });
}

async function relay(limits: { sessionsPerIp?: number; connectionsPerMinute?: number; maxSessions?: number }): Promise<RelayHandle> {
  const r = await startRelay({ port: 0, origins: [], redis: `redis://127.0.0.1:${port}`, limits }, { log: () => undefined });
  relays.push(r);
  return r;
}

/** Opens a session and waits until it is admitted (still open after the relay answered) or refused. */
async function session(r: RelayHandle): Promise<{ client: RelayTestClient; refused: string | null }> {
  const client = new RelayTestClient(r.url);
  clients.push(client);
  await client.opened().catch(() => undefined);
  const before = r.sessions();
  await client.until((c) => c.closed || r.sessions() > before, 5000).catch(() => undefined);
  return { client, refused: client.find('error')?.message ?? null };
}

describe.skipIf(!hasRedis)('limits shared through Redis', () => {
  beforeAll(async () => {
    port = await freePort();
    await startRedis();
    admin = new Redis(port, '127.0.0.1', { maxRetriesPerRequest: 1 });
    admin.on('error', () => {});
  }, 20_000);

  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    for (const r of relays.splice(0)) await r.close();
    if (redis) await admin.flushall().catch(() => {});
  });

  afterAll(async () => {
    admin?.disconnect();
    await stopRedis();
  });

  it('two relays share one client\'s sessions at once', async () => {
    const [a, b] = [await relay({ sessionsPerIp: 2 }), await relay({ sessionsPerIp: 2 })];
    expect((await session(a)).refused).toBeNull();
    const second = await session(b);
    expect(second.refused).toBeNull();
    expect((await session(a)).refused).toBe('too many open sessions from your address: at most 2 at once; close one first.');
    expect((await session(b)).refused).toMatch(/too many open sessions/);
    second.client.close();
    await new Promise((ok) => setTimeout(ok, 300)); // the release reaches Redis
    expect((await session(a)).refused).toBeNull();
  });

  it('two relays share the connection rate and the total cap', async () => {
    const [a, b] = [await relay({ connectionsPerMinute: 3, maxSessions: 100 }), await relay({ connectionsPerMinute: 3, maxSessions: 100 })];
    for (const r of [a, b, a]) {
      const s = await session(r);
      expect(s.refused).toBeNull();
      s.client.close();
    }
    expect((await session(b)).refused).toBe('too many connections from your address: at most 3 a minute; wait a little and connect again.');
    await admin.flushall();
    const [c, d] = [await relay({ maxSessions: 2 }), await relay({ maxSessions: 2 })];
    expect((await session(c)).refused).toBeNull();
    expect((await session(d)).refused).toBeNull();
    expect((await session(c)).refused).toBe('the relay is at its limit of 2 sessions at once; try again in a minute.');
  });

  it('refuses new sessions while Redis is away, and takes them again when it is back', async () => {
    const a = await relay({});
    const open = await session(a);
    expect(open.refused).toBeNull();
    await stopRedis();
    const refused = await session(a);
    expect(refused.client.find('error')).toMatchObject({ code: 'LIMIT', message: expect.stringMatching(/^limits unavailable: /) });
    expect(open.client.closed).toBe(false); // sessions already open go on
    await startRedis();
    let back: string | null = 'not yet';
    for (let i = 0; i < 50 && back !== null; i++) {
      back = (await session(a)).refused;
      if (back !== null) await new Promise((ok) => setTimeout(ok, 100));
    }
    expect(back).toBeNull();
  }, 30_000);
});
