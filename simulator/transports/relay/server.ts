/**
 * The bridge relay: WebSocket on `/relay`, admission checks, then one RelaySession per socket.
 * Beside it, for operators: `GET /healthz` (alive), `GET /readyz` (taking sessions; 503 while
 * draining) and `GET /metrics` (Prometheus text format). `drain()` is what SIGTERM does.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { lookup } from 'node:dns/promises';
import type { AddressInfo, Socket } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { RelayErrorCode, RelayMessage } from '../relay-protocol.ts';
import { ClientLimiter, type Admission } from './limiter.ts';
import { RelayMetrics } from './metrics.ts';
import { defaultOptions, type RelayLimits, type RelayOptions } from './options.ts';
import { SOCKET_MARK, type Held } from './flow-control.ts';
import { RelaySession, type Resolver, type SessionHooks, type SessionLog } from './session.ts';

export interface RelayHandle {
  port: number;
  url: string;
  sessions(): number;
  /**
   * Bytes all open sessions hold in memory, by direction: what backpressure bounds (session.ts).
   * `toServer` includes what the browsers' sockets have read and the WebSockets not yet parsed.
   */
  buffered(): Held;
  metrics: RelayMetrics;
  /** In memory, or in Redis with `redis` set (shared by every relay using it). */
  limiter: Admission;
  /**
   * Stops taking sessions (`/readyz` says 503, new WebSockets get LIMIT), tells open sessions the
   * relay restarts, closes them after `seconds` (default `drainSeconds`), then closes the relay.
   */
  drain(seconds?: number): Promise<void>;
  close(): Promise<void>;
}

export type RelayOverrides = Partial<Omit<RelayOptions, 'limits'>> & { limits?: Partial<RelayLimits> };

const systemResolver: Resolver = async (host) => (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);

/** In memory, or shared in Redis; ioredis is loaded only then (it is ~20 MB of a relay's RSS). */
async function limiterFor(options: RelayOptions): Promise<Admission> {
  if (!options.redis) return new ClientLimiter(options.limits);
  const { RedisLimiter } = await import('./redis-limiter.ts');
  const limiter = new RedisLimiter(options.redis, options.limits);
  if (!(await limiter.ready())) {
    console.error(`relay: Redis at ${options.redis} does not answer; new sessions are refused ("limits unavailable") until it does`);
  }
  return limiter;
}

export async function startRelay(
  overrides: RelayOverrides = {},
  hooks: { log?: (entry: SessionLog) => void; resolve?: Resolver; tap?: SessionHooks['tap'] } = {},
): Promise<RelayHandle> {
  const defaults = defaultOptions();
  const options: RelayOptions = { ...defaults, ...overrides, limits: { ...defaults.limits, ...overrides.limits } };
  const log = hooks.log ?? ((entry: SessionLog) => console.log(JSON.stringify(entry)));
  const resolve = hooks.resolve ?? systemResolver;
  const limiter = await limiterFor(options);
  const metrics = new RelayMetrics();
  const live = new Set<RelaySession>();
  /** Each session's browser socket, whose read buffer holds browser bytes the session has not seen. */
  const browserSockets = new Map<RelaySession, Socket>();
  let draining = false;

  // The browsers' sockets get the same small mark as the servers' (flow-control.ts, SOCKET_MARK).
  const http = createServer({ highWaterMark: SOCKET_MARK }, (req, res) => void route(req, res));
  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://relay').pathname;
    const text = (status: number, body: string, type = 'text/plain; charset=utf-8') => res.writeHead(status, { 'content-type': type }).end(body);
    if (req.method !== 'GET' && req.method !== 'HEAD') return void text(405, 'GET only\n');
    if (path === '/healthz') return void text(200, 'ok\n');
    if (path === '/readyz') return void (draining ? text(503, 'draining: not taking new sessions\n') : text(200, 'ready\n'));
    if (path === '/metrics') return void text(200, await metrics.text(), metrics.contentType);
    text(426, 'Mailwire relay: connect with a WebSocket to /relay\n');
  }
  // The frame cap is checked by the session so the browser gets a LIMIT error, not a bare close;
  // ws itself refuses (1009) a frame over four times the cap from its header, before buffering it,
  // so a hostile browser makes a session hold at most that much (256 KiB by default) unparsed.
  // No permessage-deflate (ws's default, said here): a zlib context per session costs far more
  // memory than the short mail lines it would shrink.
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.limits.maxFrame * 4, perMessageDeflate: false });

  http.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://relay');
    if (url.pathname !== '/relay') {
      socket.end('HTTP/1.1 404 Not Found\r\nconnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => void admit(ws, req, url));
  });

  function refuse(ws: WebSocket, code: RelayErrorCode, message: string, client: string): void {
    const send = (m: RelayMessage) => ws.send(JSON.stringify(m));
    send({ type: 'error', code, message });
    send({ type: 'closed', by: 'relay', reason: message });
    ws.close(1008);
    metrics.ended('refused', code);
    log({ time: new Date().toISOString(), client, target: null, address: null, bytesUp: 0, bytesDown: 0, durationMs: 0, outcome: code, code });
  }

  async function admit(ws: WebSocket, req: IncomingMessage, url: URL): Promise<void> {
    const client = req.socket.remoteAddress ?? 'unknown';
    const origin = req.headers.origin;
    if (options.origins.length && (!origin || !options.origins.includes(origin))) {
      return refuse(ws, 'POLICY_ORIGIN', `pages from ${origin ?? 'an unknown origin'} may not use this relay`, client);
    }
    if (options.token !== null && url.searchParams.get('token') !== options.token) {
      return refuse(ws, 'POLICY_AUTH', 'this relay needs a token, and the one given is missing or wrong', client);
    }
    if (draining) return refuse(ws, 'LIMIT', 'the relay is restarting and takes no new sessions; connect again in a moment.', client);
    // The browser may send its connect message while a shared limit store answers: keep it.
    const early: Array<[Buffer, boolean]> = [];
    const hold = (data: Buffer, isBinary: boolean) => early.push([data, isBinary]);
    ws.on('message', hold);
    const id = randomUUID();
    const refusal = await limiter.admit(client, id, Date.now());
    ws.off('message', hold);
    if (refusal) return refuse(ws, 'LIMIT', refusal, client);
    if (ws.readyState !== ws.OPEN) return limiter.release(client, id, Date.now());
    metrics.sessionsOpen.inc();
    const session = new RelaySession(ws, client, options, {
      resolve,
      metrics,
      tap: hooks.tap,
      onEnd: (entry) => {
        live.delete(session);
        browserSockets.delete(session);
        metrics.sessionsOpen.dec();
        limiter.release(client, id, Date.now());
        log(entry);
      },
    });
    live.add(session);
    browserSockets.set(session, req.socket);
    for (const [data, isBinary] of early) ws.emit('message', data, isBinary);
  }

  await new Promise<void>((ok, fail) => {
    http.once('error', fail);
    http.listen(options.port, options.host, () => ok());
  });
  const port = (http.address() as AddressInfo).port;

  const close = async (): Promise<void> => {
    for (const s of [...live]) s.end('relay', 'the relay is shutting down');
    wss.close();
    http.closeAllConnections();
    await new Promise<void>((ok) => http.close(() => ok()));
    await limiter.close();
  };

  return {
    port,
    url: `ws://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}/relay`,
    sessions: () => live.size,
    buffered: () => {
      const total: Held = { toBrowser: 0, toServer: 0 };
      for (const session of live) {
        const held = session.held();
        total.toBrowser += held.toBrowser;
        total.toServer += held.toServer + (browserSockets.get(session)?.readableLength ?? 0);
      }
      return total;
    },
    metrics,
    limiter,
    drain: async (seconds = options.drainSeconds) => {
      draining = true;
      metrics.draining.set(1);
      for (const s of live) s.announceRestart(seconds);
      const deadline = Date.now() + seconds * 1000;
      while (live.size > 0 && Date.now() < deadline) await new Promise((ok) => setTimeout(ok, Math.min(100, Math.max(1, deadline - Date.now()))));
      for (const s of [...live]) s.end('relay', 'the relay restarted; connect again');
      await close();
    },
    close,
  };
}
