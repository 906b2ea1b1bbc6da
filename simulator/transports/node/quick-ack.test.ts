/**
 * A client that writes a command in pieces never waits for our delayed ACK (quick-ack.ts): after
 * a read with nothing to answer, the server socket is out of Linux's delayed-ACK mode, so a Nagle
 * client's next small write goes at once. Read from the kernel (getsockopt), not timed.
 * Also: replies go out with Nagle off, one socket write per engine call.
 */
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MailProtocol } from '../../world/ports.ts';
import { serverContext } from '../../net/server-context.ts';
import { selfSignedCertificate } from './certificate.ts';
import { lines, readUntil } from './conformance-harness.ts';
import { loadEngine } from './engines.ts';
import { tcpOption } from './quick-ack.ts';
import { prepareWorld } from './serve-world.ts';
import { listenTcp, type TcpListener, type TlsCredentials } from './tcp-server.ts';

const linux = process.platform === 'linux';
const { world, host } = prepareWorld({ users: [{ name: 'quick', password: 'ack' }], plaintextAuth: true, now: Date.now() });
let tls: TlsCredentials;
const listeners: TcpListener[] = [];
const accepted: Socket[] = [];

async function listen(protocol: MailProtocol, virtualPort: number): Promise<number> {
  const engine = await loadEngine(protocol);
  if (!engine.ok) throw new Error(engine.reason);
  const listener = await listenTcp({
    bind: '127.0.0.1', port: 0, virtualPort, implicitTls: false, tls, label: protocol,
    makeEngine: (peer, sessionId) => engine.factory(serverContext(world, host, peer, sessionId)),
    onSocket: (socket) => void accepted.push(socket),
  });
  listeners.push(listener);
  return listener.port;
}

const ports: Partial<Record<MailProtocol, number>> = {};
beforeAll(async () => {
  tls = selfSignedCertificate(host.name);
  ports.smtp = await listen('smtp', 25);
  ports.pop3 = await listen('pop3', 110);
  ports.imap = await listen('imap', 143);
});
afterAll(async () => {
  await Promise.all(listeners.map((l) => l.close()));
});

/** A client with Nagle on, as Python's are; `server` is the accepted end of the same connection. */
async function open(protocol: MailProtocol): Promise<{ client: Socket; server: Socket; reader: ReturnType<typeof lines>; sent: () => number }> {
  const before = accepted.length;
  const client = connect(ports[protocol]!, '127.0.0.1');
  const reader = lines(client);
  await reader.next();
  const server = accepted[before]!;
  let written = 0;
  const write = client.write.bind(client);
  client.write = ((data: string | Uint8Array) => {
    written += typeof data === 'string' ? Buffer.byteLength(data, 'latin1') : data.length;
    return write(data);
  }) as Socket['write'];
  return { client, server, reader, sent: () => written };
}

/** Until the server has read (and so fed) everything the client wrote. */
async function serverRead(server: Socket, bytes: number): Promise<void> {
  for (let i = 0; server.bytesRead < bytes; i++) {
    if (i > 10_000) throw new Error(`the server read ${server.bytesRead} of ${bytes} bytes`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** Writes `first`, checks the server ACKs at once while it has nothing to say, then writes `rest`. */
async function inTwoWrites(c: Awaited<ReturnType<typeof open>>, first: string, rest: string): Promise<void> {
  c.client.write(first);
  await serverRead(c.server, c.sent());
  expect(tcpOption(c.server, 'quickack')).toBe(1);
  c.client.write(rest);
}

describe.runIf(linux)('the TCP transport does not wait on delayed ACKs', () => {
  it('sets TCP_NODELAY on accepted sockets', async () => {
    const c = await open('smtp');
    expect(tcpOption(c.server, 'nodelay')).not.toBe(0);
    expect(tcpOption(c.server, 'nodelay')).not.toBeNull();
    c.client.destroy();
  });

  it('IMAP APPEND: the literal and its CRLF in two writes', async () => {
    const c = await open('imap');
    c.client.write('a LOGIN quick ack\r\n');
    await readUntil(c.reader, /^a OK/);
    const message = 'Subject: two writes\r\n\r\n' + 'x'.repeat(2000) + '\r\n';
    c.client.write(`b APPEND INBOX {${message.length}}\r\n`);
    expect(await c.reader.next()).toMatch(/^\+ /);
    await inTwoWrites(c, message, '\r\n');
    expect((await readUntil(c.reader, /^b /)).at(-1)).toMatch(/^b OK/);
    c.client.destroy();
  });

  it('SMTP DATA: the body, then the end of data', async () => {
    const c = await open('smtp');
    c.client.write('EHLO client.test\r\nMAIL FROM:<a@client.test>\r\nRCPT TO:<quick@example.com>\r\nDATA\r\n');
    await readUntil(c.reader, /^354 /);
    await inTwoWrites(c, 'Subject: split\r\n\r\nbody\r\n', '.\r\n');
    expect(await c.reader.next()).toMatch(/^250 /);
    c.client.destroy();
  });

  it('SMTP BDAT: the command, then its chunk', async () => {
    const c = await open('smtp');
    c.client.write('EHLO client.test\r\nMAIL FROM:<a@client.test>\r\nRCPT TO:<quick@example.com>\r\n');
    await readUntil(c.reader, /^250 2\.1\.5/);
    await inTwoWrites(c, 'BDAT 20 LAST\r\n', 'Subject: chunk\r\n\r\nx\r\n');
    expect(await c.reader.next()).toMatch(/^250 /);
    c.client.destroy();
  });

  it('POP3: a command line cut in two', async () => {
    const c = await open('pop3');
    c.client.write('USER quick\r\n');
    await c.reader.next();
    await inTwoWrites(c, 'PASS a', 'ck\r\n');
    expect(await c.reader.next()).toMatch(/^\+OK/);
    c.client.destroy();
  });

  it('writes what one engine call answered in one socket write', async () => {
    const c = await open('imap');
    c.client.write('a LOGIN quick ack\r\n');
    await readUntil(c.reader, /^a OK/);
    const writes: number[] = [];
    const write = c.server.write.bind(c.server);
    c.server.write = ((data: Uint8Array, cb?: () => void) => {
      writes.push(data.length);
      return write(data, cb);
    }) as Socket['write'];
    c.client.write('b SELECT INBOX\r\n');
    expect((await readUntil(c.reader, /^b /)).at(-1)).toMatch(/^b OK/);
    expect(writes).toHaveLength(1);
    c.client.destroy();
  });
});
