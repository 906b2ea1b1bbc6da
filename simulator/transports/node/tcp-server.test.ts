/**
 * The TCP transport itself, with a toy line engine: STARTTLS upgrades in place and feeds nothing
 * sent in plaintext after the go-ahead, implicit TLS, timers, store changes, close and drops.
 */
import { connect as netConnect, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Output, Peer, TlsInfo } from '../../engine.ts';
import { selfSignedCertificate } from './certificate.ts';
import type { DrivenEngine } from './engine-socket.ts';
import type { MailChange } from '../../backend.ts';
import { lines, waitFor } from './conformance-harness.ts';
import { listenTcp, type TcpListener, type TlsCredentials } from './tcp-server.ts';

const enc = new TextEncoder();
const dec = new TextDecoder();

/** A toy engine: one command per line, written for this test only. */
class ToyEngine implements DrivenEngine {
  state = 'open';
  readonly changes: MailChange[] = [];
  readonly fed: string[] = [];
  tls: TlsInfo | null = null;
  closedCalls = 0;
  private buffer = '';
  constructor(readonly peer: Peer) {}
  get buffered(): number {
    return enc.encode(this.buffer).length;
  }

  start(): Output<unknown>[] {
    return [w(`220 toy ${this.peer.localPort} ${this.peer.implicitTls ? 'tls' : 'plain'}`)];
  }
  feed(bytes: Uint8Array, now: number): Output<unknown>[] {
    this.buffer += dec.decode(bytes);
    const out: Output<unknown>[] = [];
    let i: number;
    while ((i = this.buffer.indexOf('\r\n')) >= 0) {
      const line = this.buffer.slice(0, i);
      this.buffer = this.buffer.slice(i + 2);
      this.fed.push(line);
      out.push(...this.command(line, now));
      if (out.some((o) => o.type === 'starttls' || o.type === 'close')) {
        this.buffer = ''; // RFC 3207 §4.2: drop what was pipelined after STARTTLS
        break;
      }
    }
    return out;
  }
  private command(line: string, now: number): Output<unknown>[] {
    const [verb, arg] = line.split(' ');
    if (verb === 'STARTTLS') return [w('220 go ahead'), { type: 'starttls' }];
    if (verb === 'TLS') return [w(`250 ${this.tls ? this.tls.version : 'none'}`)];
    if (verb === 'QUIT') return [w('221 bye'), { type: 'close' }];
    if (verb === 'THROW') throw new Error('a bug in the engine');
    if (verb === 'TIMER') return [w('250 armed'), { type: 'timer', at: now + Number(arg) }];
    if (verb === 'CHANGE') {
      setTimeout(() => {
        for (const listener of storeListeners) listener({ kind: 'mailbox-created', account: 'toy@example.com', mailbox: arg ?? 'X' });
      }, 20);
      return [w('250 later')];
    }
    if (verb === 'BIG') return [{ type: 'write', bytes: new Uint8Array(Number(arg)).fill(0x78) }, w(''), w('250 big')];
    return [w(`250 ${line}`)];
  }
  tlsStarted(info: TlsInfo): Output<unknown>[] {
    this.tls = info;
    return [{ type: 'event', event: { kind: 'tls', info } }];
  }
  tick(): Output<unknown>[] {
    return [w('250 tick')];
  }
  /** A store change: asks for a tick at once, as IMAP does during IDLE. */
  storeChanged(change: MailChange, now: number): Output<unknown>[] {
    this.changes.push(change);
    return [{ type: 'timer', at: now }];
  }
  closed(): Output<unknown>[] {
    this.closedCalls++;
    return [];
  }
}

function w(line: string): Output<unknown> {
  return { type: 'write', bytes: enc.encode(line + '\r\n') };
}

let tls: TlsCredentials;
let plain: TcpListener;
let implicit: TcpListener;
const engines: ToyEngine[] = [];
const errors: unknown[] = [];
/** The toy store: who listens to its changes (each connection's transport). */
const storeListeners = new Set<(change: MailChange) => void>();
const storeChanges = (listener: (change: MailChange) => void): (() => void) => {
  storeListeners.add(listener);
  return () => void storeListeners.delete(listener);
};

beforeAll(async () => {
  tls = selfSignedCertificate('toy.example');
  const makeEngine = (peer: Peer): ToyEngine => {
    const engine = new ToyEngine(peer);
    engines.push(engine);
    return engine;
  };
  const onError = (_session: string, error: unknown): void => void errors.push(error);
  plain = await listenTcp({ bind: '127.0.0.1', port: 0, virtualPort: 25, implicitTls: false, tls, makeEngine, label: 'toy', onError, storeChanges });
  implicit = await listenTcp({ bind: '127.0.0.1', port: 0, virtualPort: 465, implicitTls: true, tls, makeEngine, label: 'toys' });
});

afterAll(async () => {
  await plain?.close();
  await implicit?.close();
});

async function open(): Promise<{ socket: Socket; reader: ReturnType<typeof lines>; engine: ToyEngine }> {
  const socket = netConnect(plain.port, '127.0.0.1');
  const reader = lines(socket);
  expect(await reader.next()).toBe('220 toy 25 plain');
  return { socket, reader, engine: engines.at(-1)! };
}

describe('TCP transport', () => {
  it('reports the virtual port and answers commands in order (pipelined)', async () => {
    const { socket, reader, engine } = await open();
    socket.write('A\r\nB\r\nC\r\n');
    expect([await reader.next(), await reader.next(), await reader.next()]).toEqual(['250 A', '250 B', '250 C']);
    socket.write('QUIT\r\n');
    expect(await reader.next()).toBe('221 bye');
    await reader.closed;
    expect(engine.closedCalls).toBe(0);
  });

  it('upgrades to TLS in place on starttls and tells the engine', async () => {
    const { socket, reader, engine } = await open();
    socket.write('STARTTLS\r\n');
    expect(await reader.next()).toBe('220 go ahead');
    socket.removeAllListeners('data');
    const secure = tlsConnect({ socket, rejectUnauthorized: false, servername: 'toy.example' });
    const sreader = lines(secure);
    await new Promise((resolve) => secure.once('secureConnect', resolve));
    secure.write('TLS\r\n');
    expect(await sreader.next()).toMatch(/^250 TLSv1\.[23]$/);
    expect(engine.tls?.serverName).toBe('toy.example');
    secure.write('QUIT\r\n');
    expect(await sreader.next()).toBe('221 bye');
  });

  it('feeds nothing sent in plaintext after the go-ahead (the handshake fails instead)', async () => {
    const { socket, reader, engine } = await open();
    socket.write('STARTTLS\r\n');
    expect(await reader.next()).toBe('220 go ahead');
    socket.write('INJECTED\r\n');
    await reader.closed;
    expect(engine.fed).toEqual(['STARTTLS']);
    expect(engine.tls).toBeNull();
    expect(engine.closedCalls).toBe(1);
  });

  it('serves implicit TLS from the first byte', async () => {
    const secure = tlsConnect({ port: implicit.port, host: '127.0.0.1', rejectUnauthorized: false });
    const reader = lines(secure);
    expect(await reader.next()).toBe('220 toy 465 tls');
    secure.write('QUIT\r\n');
    expect(await reader.next()).toBe('221 bye');
  });

  it('calls tick for timer outputs, feeds store changes to storeChanged, and stops listening when gone', async () => {
    const before = new Set(storeListeners);
    const { socket, reader, engine } = await open();
    // This connection's own listener: earlier tests' connections may still be closing (their
    // listeners go when they do), so counting all listeners would race with them.
    const mine = [...storeListeners].filter((l) => !before.has(l));
    expect(mine).toHaveLength(1);
    socket.write('TIMER 30\r\n');
    expect(await reader.next()).toBe('250 armed');
    expect(await reader.next()).toBe('250 tick');
    socket.write('CHANGE Box\r\n');
    expect(await reader.next()).toBe('250 later');
    expect(await reader.next()).toBe('250 tick');
    expect(engine.changes).toEqual([{ kind: 'mailbox-created', account: 'toy@example.com', mailbox: 'Box' }]);
    socket.destroy();
    await waitFor('the listener to go', () => !storeListeners.has(mine[0]!));
  });

  it('drops the connection when the engine throws, still calls closed, and keeps serving', async () => {
    const { socket, reader, engine } = await open();
    socket.write('THROW\r\n');
    await reader.closed;
    await waitFor('closed()', () => engine.closedCalls > 0);
    expect(errors).toHaveLength(1);
    const next = await open();
    next.socket.destroy();
  });

  it('tells the engine about a dropped connection', async () => {
    const { socket, engine } = await open();
    socket.destroy();
    await waitFor('closed()', () => engine.closedCalls > 0);
    expect(engine.closedCalls).toBe(1);
  });

  it('stops reading while a slow reader has a lot to receive, and delivers it intact', async () => {
    const { socket, reader, engine } = await open();
    socket.pause();
    socket.write('BIG 8000000\r\n');
    await waitFor('BIG to be fed', () => engine.fed.length === 1);
    socket.write('AFTER\r\n');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(engine.fed).toEqual(['BIG 8000000']);
    socket.resume();
    expect((await reader.next()).length).toBe(8_000_000);
    expect(await reader.next()).toBe('250 big');
    expect(await reader.next()).toBe('250 AFTER');
    socket.destroy();
  });
});
