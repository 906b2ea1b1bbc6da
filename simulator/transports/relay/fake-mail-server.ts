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

export async function startFakeServer(cert: string, key: string, options: { injectAfterStarttls?: string } = {}): Promise<FakeServer> {
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
          const tls = new TLSSocket(socket, { isServer: true, cert, key });
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
    socket.write('220 fake.test ESMTP ready\r\n');
    serve(socket, false);
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
