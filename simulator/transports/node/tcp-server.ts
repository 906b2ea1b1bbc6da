/**
 * Serves a sans-I/O server engine on a real TCP port: plaintext with STARTTLS/STLS upgrades, or
 * implicit TLS from the first byte (RFC 8314 §3). Each connection gets a fresh engine.
 */
import { createServer as createTcpServer, type Server, type Socket } from 'node:net';
import { createSecureContext, createServer as createTlsServer, type SecureContext, type TLSSocket } from 'node:tls';
import type { Peer } from '../../engine.ts';
import type { MailChange } from '../../backend.ts';
import { EngineSocket, type DrivenEngine } from './engine-socket.ts';

export interface TlsCredentials {
  /** PEM certificate (chain). */
  cert: string;
  /** PEM private key. */
  key: string;
}

export interface TcpListenOptions {
  /** Address to bind: 127.0.0.1 or ::1 in tests. */
  bind: string;
  /** 0 for an ephemeral port. */
  port: number;
  /** The mail port the engine plays (its role), reported as `Peer.localPort`. */
  virtualPort: number;
  implicitTls: boolean;
  tls: TlsCredentials;
  /** Makes the engine for one connection. */
  makeEngine: (peer: Peer, sessionId: string) => DrivenEngine;
  /** Listens to the mail store the engines serve (each connection's engine hears its changes). */
  storeChanges?: (listener: (change: MailChange) => void) => () => void;
  /** Prefix of the per-connection session ids. */
  label: string;
  onEvent?: (sessionId: string, event: unknown) => void;
  onError?: (sessionId: string, error: unknown) => void;
  /** Each accepted socket, before its engine starts (tests read its TCP options). */
  onSocket?: (socket: Socket) => void;
}

export interface TcpListener {
  /** The port actually bound (the ephemeral one when asked for 0). */
  readonly port: number;
  readonly address: string;
  /** Open connections right now. */
  readonly connections: number;
  /** Stops listening and drops every open connection. */
  close(): Promise<void>;
}

let sessions = 0;

export async function listenTcp(options: TcpListenOptions): Promise<TcpListener> {
  const secureContext = createSecureContext(options.tls);
  const open = new Set<Socket>();
  const serve = (socket: Socket): void => {
    open.add(socket);
    socket.once('close', () => open.delete(socket));
    // Our replies go out whole, one write per engine call (engine-socket.ts): Nagle could only delay them.
    socket.setNoDelay(true);
    options.onSocket?.(socket);
    serveConnection(socket, secureContext, options);
  };
  const server: Server = options.implicitTls
    ? createTlsServer({ ...options.tls }, (socket: TLSSocket) => serve(socket))
    : createTcpServer((socket) => serve(socket));
  // A client that fails the TLS handshake is its own problem, never the server's.
  server.on('tlsClientError', () => undefined);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.bind, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    port,
    address: options.bind,
    get connections() {
      return open.size;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function serveConnection(socket: Socket, secureContext: SecureContext, options: TcpListenOptions): void {
  const sessionId = `${options.label}-${++sessions}`;
  const peer: Peer = {
    address: socket.remoteAddress ?? 'unknown',
    localPort: options.virtualPort,
    implicitTls: options.implicitTls,
  };
  let engine: DrivenEngine;
  try {
    engine = options.makeEngine(peer, sessionId);
  } catch (error) {
    options.onError?.(sessionId, error);
    socket.destroy();
    return;
  }
  const pump = new EngineSocket(socket, engine, {
    secureContext,
    implicitTls: options.implicitTls,
    onEvent: options.onEvent && ((event) => options.onEvent?.(sessionId, event)),
    onError: (error) => options.onError?.(sessionId, error),
    ...(options.storeChanges ? { storeChanges: options.storeChanges } : {}),
  });
  pump.start();
}
