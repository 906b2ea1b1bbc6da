/**
 * A minimal line server for relay tests: greets, echoes lines, and on STARTTLS answers 220 and
 * switches the same socket to TLS — just enough to show the relay's byte handling, not a mail server.
 */
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { TLSSocket } from 'node:tls';

export interface FakeServer {
  port: number;
  received: string[];
  close(): Promise<void>;
}

export interface FakeServerOptions {
  injectAfterStarttls?: string;
  /** The newest TLS it speaks: 'TLSv1.2' plays a server that has no TLS 1.3. */
  tlsMaxVersion?: 'TLSv1.2' | 'TLSv1.3';
  /** TLS from the first byte (the 465/993/995 way) instead of after STARTTLS. */
  implicitTls?: boolean;
}

export async function startFakeServer(cert: string, key: string, options: FakeServerOptions = {}): Promise<FakeServer> {
  const tlsOptions = { isServer: true, cert, key, maxVersion: options.tlsMaxVersion ?? 'TLSv1.3' } as const;
  const received: string[] = [];
  const sockets = new Set<Socket>();
  const serve = (socket: Socket | TLSSocket, secure: boolean) => {
    let buffer = '';
    socket.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('latin1');
      let i: number;
      while ((i = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, i);
        buffer = buffer.slice(i + 2);
        received.push(`${secure ? 'tls' : 'plain'}: ${line}`);
        if (line.toUpperCase() === 'STARTTLS' && !secure) {
          socket.write('220 Ready to start TLS\r\n' + (options.injectAfterStarttls ?? ''));
          socket.removeAllListeners('data');
          const tls = new TLSSocket(socket, tlsOptions);
          serve(tls, true);
          return;
        }
        if (line.toUpperCase() === 'QUIT') {
          socket.end('221 Bye\r\n');
          return;
        }
        socket.write(`250 ${secure ? 'secure' : 'plain'} echo ${line}\r\n`);
      }
    });
    socket.on('error', () => undefined);
  };
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    const stream = options.implicitTls ? new TLSSocket(socket, tlsOptions) : socket;
    stream.write('220 fake.test ESMTP ready\r\n');
    serve(stream, options.implicitTls ?? false);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    port: (server.address() as AddressInfo).port,
    received,
    close: () =>
      new Promise<void>((ok) => {
        for (const s of sockets) s.destroy();
        server.close(() => ok());
      }),
  };
}
