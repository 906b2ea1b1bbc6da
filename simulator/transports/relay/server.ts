/** The bridge relay: WebSocket on `/relay`, admission checks, then one RelaySession per socket. */
import { createServer, type IncomingMessage } from 'node:http';
import { lookup } from 'node:dns/promises';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { RelayErrorCode, RelayMessage } from '../relay-protocol.ts';
import { ClientLimiter } from './limiter.ts';
import { defaultOptions, type RelayOptions } from './options.ts';
import { RelaySession, type Resolver, type SessionLog } from './session.ts';

export interface RelayHandle {
  port: number;
  url: string;
  sessions(): number;
  close(): Promise<void>;
}

const systemResolver: Resolver = async (host) => (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);

export async function startRelay(
  overrides: Partial<RelayOptions> = {},
  hooks: { log?: (entry: SessionLog) => void; resolve?: Resolver } = {},
): Promise<RelayHandle> {
  const options: RelayOptions = { ...defaultOptions(), ...overrides, limits: { ...defaultOptions().limits, ...overrides.limits } };
  const log = hooks.log ?? ((entry: SessionLog) => console.log(JSON.stringify(entry)));
  const resolve = hooks.resolve ?? systemResolver;
  const limiter = new ClientLimiter(options.limits.sessionsPerIp, options.limits.connectionsPerMinute);
  const live = new Set<RelaySession>();

  const http = createServer((_req, res) => {
    res.writeHead(426, { 'content-type': 'text/plain' }).end('Mailwire relay: connect with a WebSocket to /relay\n');
  });
  // The frame cap is checked by the session so the browser gets a LIMIT error, not a bare close.
  const wss = new WebSocketServer({ noServer: true, maxPayload: Math.max(options.limits.maxFrame * 4, 1 << 20) });

  http.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://relay');
    if (url.pathname !== '/relay') {
      socket.end('HTTP/1.1 404 Not Found\r\nconnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => admit(ws, req, url));
  });

  function refuse(ws: WebSocket, code: RelayErrorCode, message: string, client: string): void {
    const send = (m: RelayMessage) => ws.send(JSON.stringify(m));
    send({ type: 'error', code, message });
    send({ type: 'closed', by: 'relay', reason: message });
    ws.close(1008);
    log({ time: new Date().toISOString(), client, target: null, address: null, bytesUp: 0, bytesDown: 0, durationMs: 0, outcome: code });
  }

  function admit(ws: WebSocket, req: IncomingMessage, url: URL): void {
    const client = req.socket.remoteAddress ?? 'unknown';
    const origin = req.headers.origin;
    if (options.origins.length && (!origin || !options.origins.includes(origin))) {
      return refuse(ws, 'POLICY_ORIGIN', `pages from ${origin ?? 'an unknown origin'} may not use this relay`, client);
    }
    if (options.token !== null && url.searchParams.get('token') !== options.token) {
      return refuse(ws, 'POLICY_AUTH', 'this relay needs a token, and the one given is missing or wrong', client);
    }
    const refusal = limiter.admit(client, Date.now());
    if (refusal) return refuse(ws, 'LIMIT', refusal, client);
    const session = new RelaySession(ws, client, options, resolve, (entry) => {
      live.delete(session);
      limiter.release(client);
      log(entry);
    });
    live.add(session);
  }

  await new Promise<void>((ok, fail) => {
    http.once('error', fail);
    http.listen(options.port, options.host, () => ok());
  });
  const port = (http.address() as AddressInfo).port;
  return {
    port,
    url: `ws://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}/relay`,
    sessions: () => live.size,
    close: async () => {
      for (const s of [...live]) s.end('relay', 'the relay is shutting down');
      wss.close();
      http.closeAllConnections();
      await new Promise<void>((ok) => http.close(() => ok()));
    },
  };
}
