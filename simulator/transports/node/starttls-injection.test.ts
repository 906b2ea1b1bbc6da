/**
 * RFC 3207 §4.2 / RFC 2595 §4 over real sockets, against the real engines: commands pipelined
 * behind STARTTLS/STLS in plaintext (CVE-2011-0411) are never answered inside the TLS session,
 * and plaintext sent after the go-ahead never reaches the engine.
 */
import { connect as netConnect, type Socket } from 'node:net';
import { connect as tlsConnect, type TLSSocket } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lines, port, readUntil, startTestServers } from './conformance-harness.ts';
import type { RunningServers } from './servers.ts';

let servers: RunningServers;

beforeAll(async () => {
  servers = await startTestServers();
});

afterAll(async () => {
  await servers?.close();
});

async function upgrade(socket: Socket): Promise<{ secure: TLSSocket; reader: ReturnType<typeof lines> }> {
  socket.removeAllListeners('data');
  const secure = tlsConnect({ socket, rejectUnauthorized: false });
  const reader = lines(secure);
  await new Promise((resolve) => secure.once('secureConnect', resolve));
  return { secure, reader };
}

describe('SMTP STARTTLS on a real socket', () => {
  it('drops commands pipelined behind STARTTLS', async () => {
    const socket = netConnect(port(servers, 'smtp'), '127.0.0.1');
    const plain = lines(socket);
    await readUntil(plain, /^220 /);
    socket.write('EHLO attacker.example\r\n');
    await readUntil(plain, /^250 /);
    socket.write('STARTTLS\r\nMAIL FROM:<injected@example.net>\r\n');
    expect(await plain.next()).toMatch(/^220 /);
    const { secure, reader } = await upgrade(socket);
    // After TLS the session starts over: MAIL before EHLO is a bad sequence, unless MAIL was injected.
    secure.write('EHLO client.example\r\n');
    const ehlo = await readUntil(reader, /^250 /);
    expect(ehlo.every((l) => l.startsWith('250'))).toBe(true);
    secure.write('RCPT TO:<carol@example.com>\r\n');
    expect(await reader.next()).toMatch(/^503 5\.5\.1 /);
    secure.end('QUIT\r\n');
  });
});

describe('POP3 STLS on a real socket', () => {
  it('drops commands pipelined behind STLS', async () => {
    const socket = netConnect(port(servers, 'pop3'), '127.0.0.1');
    const plain = lines(socket);
    expect(await plain.next()).toMatch(/^\+OK /);
    socket.write('STLS\r\nUSER alice\r\n');
    expect(await plain.next()).toMatch(/^\+OK /);
    const { secure, reader } = await upgrade(socket);
    // Had USER been kept, PASS would log in; it must be refused as out of sequence.
    secure.write('PASS wonderland\r\n');
    expect(await reader.next()).toMatch(/^-ERR /);
    secure.end('QUIT\r\n');
  });
});

describe('IMAP STARTTLS on a real socket', () => {
  it('drops commands pipelined behind STARTTLS', async () => {
    const socket = netConnect(port(servers, 'imap'), '127.0.0.1');
    const plain = lines(socket);
    expect(await plain.next()).toMatch(/^\* OK /);
    socket.write('a STARTTLS\r\nb LOGIN alice wonderland\r\n');
    expect(await plain.next()).toMatch(/^a OK /);
    const { secure, reader } = await upgrade(socket);
    // Had the LOGIN been kept, SELECT would work; in the not-authenticated state it is BAD.
    secure.write('c SELECT INBOX\r\n');
    const reply = await readUntil(reader, /^c /);
    expect(reply.at(-1)).toMatch(/^c (BAD|NO) /);
    expect(reply.some((l) => l.startsWith('b '))).toBe(false);
    secure.end('d LOGOUT\r\n');
  });
});
