/**
 * Loopback ports for a server that has to be told its port numbers (Dovecot, Postfix,
 * redis-server, websockify, a child `npm run serve`). The kernel picks each one (listen on port 0),
 * and all of them are held open together before any is closed: picked one after another, a port
 * just closed can be handed out again, and a set of eight had a repeat about once in 300 tries
 * (Linux 6, 2026-12-03), which made Dovecot fail to start with two listeners on one port.
 * Another process can still take a port before the server binds it; that is the price of a server
 * that cannot be handed a listening socket.
 */
import { createServer, type AddressInfo, type Server } from 'node:net';

export async function freePorts(count: number): Promise<number[]> {
  const held: Server[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const server = createServer();
      held.push(server);
      await new Promise<void>((ok, fail) => {
        server.once('error', fail);
        server.listen(0, '127.0.0.1', ok);
      });
    }
    return held.map((server) => (server.address() as AddressInfo).port);
  } finally {
    await Promise.all(held.map((server) => new Promise<void>((ok) => (server.listening ? server.close(() => ok()) : ok()))));
  }
}

export async function freePort(): Promise<number> {
  const [port] = await freePorts(1);
  return port!;
}
