/**
 * Issue 19's three hostile cases over real TCP against the engines as `npm run serve` runs them:
 * a LIST pattern that once blocked the event loop for 20 s, a 10 MiB literal announced before
 * LOGIN, and SMTP reply text that must be US-ASCII (RFC 5321 §4.2).
 */
import { connect as netConnect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lines, port, readUntil, waitFor } from './conformance-harness.ts';
import { startServers, type RunningServers } from './servers.ts';

let servers: RunningServers;

beforeAll(async () => {
  servers = await startServers({ ports: { imap: 0, smtp: 0 }, plaintextAuth: true });
});

afterAll(async () => {
  await servers?.close();
});

async function imapLoggedIn(): Promise<{ socket: Socket; reader: ReturnType<typeof lines> }> {
  const socket = netConnect(port(servers, 'imap'), '127.0.0.1');
  const reader = lines(socket);
  await readUntil(reader, /^\* OK/);
  socket.write('l LOGIN alice wonderland\r\n');
  await readUntil(reader, /^l OK/);
  return { socket, reader };
}

describe('hostile input over TCP', () => {
  it('a 60-wildcard LIST pattern answers at once, and another session is not held up', async () => {
    const a = await imapLoggedIn();
    const b = await imapLoggedIn();
    const start = performance.now();
    a.socket.write(`b LIST "" "${'*'.repeat(60)}Z"\r\n`);
    b.socket.write('n NOOP\r\n');
    const [list, noop] = await Promise.all([readUntil(a.reader, /^b /), readUntil(b.reader, /^n /)]);
    const took = performance.now() - start;
    expect(list.at(-1)).toBe('b OK LIST completed');
    expect(noop.at(-1)).toBe('n OK NOOP completed');
    expect(took).toBeLessThan(1000); // was 19.7 s with the backtracking regular expression
    a.socket.destroy();
    b.socket.destroy();
  });

  it('APPEND {10485760+} before LOGIN is answered before the client has sent 1 MiB', async () => {
    const socket = netConnect(port(servers, 'imap'), '127.0.0.1');
    socket.on('error', () => {}); // the server hangs up while we still write: EPIPE/ECONNRESET are expected
    const reader = lines(socket);
    await readUntil(reader, /^\* OK/);
    let answer: string | null = null;
    void readUntil(reader, /^a /).then((seen) => (answer = seen.at(-1) ?? null));
    socket.write('a APPEND INBOX {10485760+}\r\n');
    const chunk = Buffer.alloc(16 * 1024, 0x41);
    let sent = 0;
    while (answer === null && sent < 1024 * 1024 && !socket.destroyed) {
      await new Promise<void>((ok) => socket.write(chunk, () => ok()));
      sent += chunk.length;
      await new Promise((ok) => setTimeout(ok, 2));
    }
    await waitFor('the tagged answer', () => answer !== null, 3000);
    await reader.closed; // BYE [TOOBIG], then the server closes
    expect(answer).toMatch(/^a BAD APPEND is not allowed in the not authenticated state/);
    expect(sent).toBeLessThan(1024 * 1024);
  });

  it('SMTP replies are US-ASCII, whatever UTF-8 the client sends', async () => {
    const socket = netConnect(port(servers, 'smtp'), '127.0.0.1');
    const received: Buffer[] = [];
    socket.on('data', (b: Buffer) => received.push(b));
    const reader = lines(socket);
    await readUntil(reader, /^220 /);
    socket.write(`EHLO bücher.test\r\nHELP MAIL\r\nHELP\r\nNOOP ${'x'.repeat(600)}\r\nMAIL FROM:<jörg@bücher.test>\r\nRCPT TO:<δοκιμή@example.com>\r\nVRFY ü\r\nQUIT\r\n`);
    await reader.closed;
    const bytes = Buffer.concat(received);
    const text = bytes.toString('latin1');
    expect(text).toContain('greets b?cher.test');
    expect(text).toMatch(/214 2\.0\.0 MAIL FROM:.*\(RFC 5321 section 4\.1\.1\.2\)\r\n/);
    expect(text).toContain('500 5.5.2 Line too long (the limit is 512 octets)\r\n');
    const outside = [...bytes].filter((b) => b !== 0x09 && b !== 0x0d && b !== 0x0a && (b < 0x20 || b > 0x7e));
    expect(outside).toEqual([]);
  });
});
