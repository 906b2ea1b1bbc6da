/**
 * A long-running `npm run serve` must not leak: every connection, whether it ends with
 * LOGOUT/QUIT or is simply dropped, gives back its store subscriptions and maildrop locks.
 */
import { connect as netConnect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lines, port, readUntil, waitFor } from './conformance-harness.ts';
import { startServers, type RunningServers } from './servers.ts';

let servers: RunningServers;

beforeAll(async () => {
  servers = await startServers({ ports: { imap: 0, pop3: 0 }, plaintextAuth: true });
});

afterAll(async () => {
  await servers?.close();
});

function listenerCount(): number {
  return servers.world.store.listenerCount;
}

async function imapIdler(): Promise<Socket> {
  const socket = netConnect(port(servers, 'imap'), '127.0.0.1');
  const reader = lines(socket);
  await readUntil(reader, /^\* OK/);
  socket.write('a LOGIN alice wonderland\r\nb SELECT INBOX\r\nc IDLE\r\n');
  await readUntil(reader, /^\+ /);
  return socket;
}

describe('connection lifecycle', () => {
  it('IMAP sessions, dropped or logged out, leave no store subscription behind', async () => {
    const baseline = listenerCount();
    const sockets = await Promise.all(Array.from({ length: 10 }, imapIdler));
    expect(listenerCount()).toBeGreaterThan(baseline);
    sockets.forEach((s, i) => (i % 2 ? s.destroy() : s.end('DONE\r\nd LOGOUT\r\n')));
    await waitFor('every subscription to go', () => listenerCount() === baseline);
  });

  it('a dropped POP3 session releases the maildrop lock', async () => {
    const socket = netConnect(port(servers, 'pop3'), '127.0.0.1');
    const reader = lines(socket);
    await readUntil(reader, /^\+OK/);
    socket.write('USER carol\r\nPASS singer\r\n');
    await reader.next();
    expect(await reader.next()).toMatch(/^\+OK/);
    expect(servers.world.store.isLocked('carol@example.com')).toBe(true);
    socket.destroy();
    await waitFor('the lock to go', () => !servers.world.store.isLocked('carol@example.com'));
  });
});
