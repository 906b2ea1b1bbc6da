import { describe, expect, it } from 'vitest';
import type { Output, ServerEngine, TlsInfo } from '../engine.ts';
import type { MailChange } from '../backend.ts';
import { latin1Text, utf8Bytes, utf8Text } from '../wire/bytes.ts';
import type { ServerContext } from './server-context.ts';
import { ManualScheduler } from './virtual-network-clock.ts';
import { VirtualNetwork, type ConnectionEvent, type ConnectOptions, type EngineRegistry, type NetworkEvent } from './virtual-network.ts';
import { defaultWorld } from '../world/world.ts';
import { testRandom } from '../testing/random.ts';

const T0 = Date.UTC(2026, 10, 26, 9, 0, 0);

/**
 * A line server for exercising the network: greets, echoes `> line`, and obeys a few commands:
 * TLS (agree to start TLS), BYE (close), LATER (a timer 1 s on), BOOM (throws).
 */
class EchoServer implements ServerEngine<string, { kind: 'state'; from: string; to: string }> {
  state = 'open';
  readonly changes: MailChange[] = [];
  static last: EchoServer | null = null;
  tlsSeen: TlsInfo | null = null;
  ticks = 0;
  closedCalled = false;
  private buffer = '';
  constructor(readonly ctx: ServerContext) {
    EchoServer.last = this;
  }
  get buffered(): number {
    return utf8Bytes(this.buffer).length;
  }
  start(): Output<never>[] {
    return [{ type: 'write', bytes: utf8Bytes(`hello ${this.ctx.peer.address} tls=${this.tlsSeen !== null}\r\n`) }];
  }
  feed(bytes: Uint8Array, now: number): Output<never>[] {
    this.buffer += utf8Text(bytes);
    const out: Output<never>[] = [];
    let i: number;
    while ((i = this.buffer.indexOf('\r\n')) >= 0) {
      const line = this.buffer.slice(0, i);
      this.buffer = this.buffer.slice(i + 2);
      if (line === 'BOOM') throw new Error('kaboom');
      out.push({ type: 'write', bytes: utf8Bytes(`> ${line}\r\n`) });
      if (line === 'TLS') out.push({ type: 'starttls' });
      if (line === 'BYE') out.push({ type: 'close' });
      if (line === 'LATER') out.push({ type: 'timer', at: now + 1000 });
    }
    return out;
  }
  tlsStarted(info: TlsInfo): Output<never>[] {
    this.tlsSeen = info;
    return [{ type: 'write', bytes: utf8Bytes(`tls ${info.version}\r\n`) }];
  }
  /** A store change: asks for a tick at once, as IMAP does during IDLE. */
  storeChanged(change: MailChange, now: number): Output<never>[] {
    this.changes.push(change);
    return [{ type: 'timer', at: now }];
  }
  tick(): Output<never>[] {
    this.ticks++;
    return [{ type: 'write', bytes: utf8Bytes(`tick ${this.ticks}\r\n`) }];
  }
  closed(): Output<never>[] {
    this.closedCalled = true;
    return [];
  }
}

function setup(engines: EngineRegistry = { smtp: EchoServer, pop3: EchoServer, imap: EchoServer }) {
  const world = defaultWorld(T0);
  const scheduler = new ManualScheduler(T0);
  // These tests drive connections synchronously: the parameters-only stand-in TLS (tls-wire.test.ts has the records).
  const network = new VirtualNetwork(world, { now: scheduler.clock, scheduler, random: testRandom(), engines, tlsLayer: 'stand-in' });
  const netEvents: NetworkEvent[] = [];
  network.subscribe((e) => netEvents.push(e));
  return { world, scheduler, network, netEvents };
}

function open(network: VirtualNetwork, host: string, port: number) {
  const result = network.connect(host, port);
  if (!result.ok) throw new Error(result.message);
  const events: ConnectionEvent[] = [];
  const text = (): string => events.flatMap((e) => (e.type === 'data' ? [utf8Text(e.bytes)] : [])).join('');
  result.connection.open((e) => events.push(e));
  return { connection: result.connection, events, text };
}

describe('VirtualNetwork connect', () => {
  it('answers an unknown host with a DNS error and a closed port with REFUSED', () => {
    const { network, netEvents } = setup();
    expect(network.connect('mail.nowhere.test', 25)).toMatchObject({ ok: false, code: 'DNS' });
    expect(network.connect('mail.example.com', 8080)).toMatchObject({ ok: false, code: 'REFUSED' });
    expect(netEvents.map((e) => e.type)).toEqual(['refused', 'refused']);
  });

  it('refuses a port whose protocol has no engine', () => {
    const { network } = setup({ smtp: EchoServer });
    expect(network.connect('mail.example.com', 110)).toMatchObject({ ok: false, code: 'REFUSED' });
  });

  it('refuses the connection when the engine cannot start, instead of throwing', () => {
    class Broken {
      constructor() {
        throw new Error('no config');
      }
    }
    const { network } = setup({ smtp: Broken as unknown as EngineRegistry['smtp'] });
    expect(network.connect('mail.example.com', 25)).toMatchObject({ ok: false, code: 'REFUSED', message: expect.stringContaining('no config') });
  });

  it('resolves by name (case-insensitive, trailing dot) and by address', () => {
    const { network } = setup();
    expect(open(network, 'MAIL.Example.ORG.', 25).connection.session.server.host).toBe('mail.example.org');
    expect(open(network, '192.0.2.10', 25).connection.session.server.host).toBe('mail.example.com');
  });

  it('gives the engine the peer and a unique session id', () => {
    const { network } = setup();
    const a = open(network, 'mail.example.com', 587);
    expect(a.text()).toBe('hello 203.0.113.5 tls=false\r\n');
    expect(EchoServer.last!.ctx.peer).toEqual({ address: '203.0.113.5', localPort: 587, implicitTls: false });
    const b = open(network, 'mail.example.com', 587);
    expect(b.connection.session.id).not.toBe(a.connection.session.id);
  });

  it('starts implicit-TLS ports in TLS before the greeting (RFC 8314 §3)', () => {
    const { network } = setup();
    const c = open(network, 'mail.example.com', 993);
    expect(c.events[0]).toEqual({ type: 'tls', info: { version: 'TLSv1.3', cipher: 'TLS_AES_128_GCM_SHA256', serverName: 'mail.example.com' } });
    expect(c.text()).toBe('tls TLSv1.3\r\nhello 203.0.113.5 tls=true\r\n');
    expect(EchoServer.last!.ctx.peer.implicitTls).toBe(true);
    expect(c.connection.session.entries.every((e) => e.tls)).toBe(true);
    expect(c.connection.session.tlsLayer).toBe('stand-in');
  });

  it('makes real TLS records unless the network or the connection chooses the stand-in', () => {
    const network = new VirtualNetwork(defaultWorld(T0), { now: () => T0, scheduler: new ManualScheduler(T0), random: testRandom(), engines: { smtp: EchoServer } });
    const layer = (options: ConnectOptions = {}) => {
      const opened = network.connect('mail.example.com', 465, options);
      if (!opened.ok) throw new Error(opened.message);
      return opened.connection.session.tlsLayer;
    };
    expect(layer()).toBe('records');
    expect(layer({ tlsLayer: 'stand-in' })).toBe('stand-in');
    const { network: standIn } = setup();
    const opened = standIn.connect('mail.example.com', 465, { tlsLayer: 'records' });
    expect(opened.ok && opened.connection.session.tlsLayer).toBe('records');
  });

  it('waits in settle() for tracked work, and keeps its failure for settle() in strict mode', async () => {
    const scheduler = new ManualScheduler(T0);
    const network = new VirtualNetwork(defaultWorld(T0), { now: scheduler.clock, scheduler, random: testRandom(), engines: {}, strict: true });
    let done = false;
    let release = (): void => {};
    const work = new Promise<void>((resolve) => {
      release = resolve;
    });
    network.track(work.then(() => {
      done = true;
    }));
    expect(network.busy).toBe(true);
    const settled = network.settle();
    release();
    await settled;
    expect(done).toBe(true);
    expect(network.busy).toBe(false);
    network.track(Promise.reject(new Error('the run failed')));
    await expect(network.settle()).rejects.toThrow('the run failed');
  });

  it('fails a TLS mode that does not match the port', () => {
    const { network } = setup();
    expect(network.connect('mail.example.com', 465, { tls: 'none' })).toMatchObject({ ok: false, code: 'TLS' });
    expect(network.connect('mail.example.com', 25, { tls: 'implicit' })).toMatchObject({ ok: false, code: 'TLS' });
  });
});

describe('VirtualConnection', () => {
  it('runs STARTTLS: the server agrees, the client starts the handshake, the engine hears tlsStarted', () => {
    const { network, netEvents } = setup();
    const c = open(network, 'mail.example.com', 25);
    c.connection.send(utf8Bytes('TLS\r\n'));
    expect(c.connection.tls).toBeNull();
    c.connection.startTls();
    expect(c.connection.tls?.version).toBe('TLSv1.3');
    expect(c.text()).toContain('> TLS\r\ntls TLSv1.3\r\n');
    c.connection.send(utf8Bytes('secret\r\n'));
    const entries = c.connection.session.entries;
    expect(entries.map((e) => [e.direction, latin1Text(e.bytes), e.tls])).toEqual([
      ['to-client', 'hello 203.0.113.5 tls=false\r\n', false],
      ['to-server', 'TLS\r\n', false],
      ['to-client', '> TLS\r\n', false],
      ['to-client', 'tls TLSv1.3\r\n', true],
      ['to-server', 'secret\r\n', true],
      ['to-client', '> secret\r\n', true],
    ]);
    expect(netEvents.some((e) => e.type === 'tls')).toBe(true);
  });

  it('fails the handshake when the client starts TLS the server did not agree to', () => {
    const { network } = setup();
    const c = open(network, 'mail.example.com', 25);
    c.connection.startTls();
    expect(c.events.slice(-2)).toMatchObject([{ type: 'error', code: 'TLS' }, { type: 'closed', by: 'server' }]);
    expect(EchoServer.last!.closedCalled).toBe(true);
  });

  it('drops the connection when plaintext follows the server agreeing to TLS', () => {
    const { network } = setup();
    const c = open(network, 'mail.example.com', 25);
    c.connection.send(utf8Bytes('TLS\r\n'));
    c.connection.send(utf8Bytes('MAIL FROM:<a@b>\r\n'));
    expect(c.events.slice(-2)).toMatchObject([{ type: 'error', code: 'TLS' }, { type: 'closed', by: 'server' }]);
    expect(c.connection.isOpen).toBe(false);
  });

  it('closes when the engine asks, after flushing its writes', () => {
    const { network, netEvents } = setup();
    const c = open(network, 'mail.example.com', 25);
    c.connection.send(utf8Bytes('BYE\r\nignored\r\n'));
    expect(c.text().endsWith('> BYE\r\n')).toBe(true);
    expect(c.events.at(-1)).toEqual({ type: 'closed', by: 'server' });
    expect(c.connection.session.closedBy).toBe('server');
    expect(netEvents.at(-1)?.type).toBe('session-closed');
    c.connection.send(utf8Bytes('after\r\n'));
    expect(c.connection.session.entries.at(-1)?.direction).toBe('to-client');
  });

  it('tells the engine when the client closes', () => {
    const { network } = setup();
    const c = open(network, 'mail.example.com', 25);
    c.connection.close();
    expect(EchoServer.last!.closedCalled).toBe(true);
    expect(c.events.at(-1)).toEqual({ type: 'closed', by: 'client' });
  });

  it('turns timer outputs into scheduled ticks, and cancels them on close', () => {
    const { network, scheduler } = setup();
    const c = open(network, 'mail.example.com', 25);
    c.connection.send(utf8Bytes('LATER\r\n'));
    scheduler.advanceTo(T0 + 999);
    expect(c.text()).not.toContain('tick');
    scheduler.advanceTo(T0 + 1000);
    expect(c.text()).toContain('tick 1\r\n');
    c.connection.send(utf8Bytes('LATER\r\n'));
    c.connection.close();
    expect(scheduler.pending).toBe(0);
  });

  it('feeds the world store\'s changes to storeChanged while open, and ticks when it asks', () => {
    const { network, scheduler } = setup();
    const c = open(network, 'mail.example.com', 143);
    const engine = EchoServer.last!;
    network.world.store.createMailbox('alice@example.com', 'Fresh');
    expect(engine.changes.map((ch) => ch.kind)).toEqual(['mailbox-created']);
    expect(c.text()).not.toContain('tick');
    scheduler.runDue();
    expect(c.text().match(/tick/g)).toHaveLength(1);
    c.connection.close();
    network.world.store.createMailbox('alice@example.com', 'Later');
    expect(engine.changes).toHaveLength(1);
  });

  it('queues a send made while data is being delivered (run to completion)', () => {
    const { network } = setup();
    const result = network.connect('mail.example.com', 25);
    if (!result.ok) throw new Error('connect');
    const seen: string[] = [];
    result.connection.open((e) => {
      if (e.type !== 'data') return;
      const text = utf8Text(e.bytes);
      seen.push(text);
      if (text.startsWith('hello')) {
        result.connection.send(utf8Bytes('one\r\n'));
        result.connection.send(utf8Bytes('two\r\n'));
        seen.push('(sent)');
      }
    });
    expect(seen).toEqual(['hello 203.0.113.5 tls=false\r\n', '(sent)', '> one\r\n', '> two\r\n']);
  });

  it('closes the connection with a PROTOCOL error when an engine throws', () => {
    const { network } = setup();
    const c = open(network, 'mail.example.com', 25);
    c.connection.send(utf8Bytes('BOOM\r\n'));
    expect(c.events.slice(-2)).toMatchObject([{ type: 'error', code: 'PROTOCOL' }, { type: 'closed', by: 'server' }]);
    expect(c.connection.session.reason).toMatch(/kaboom/);
  });

  it('keeps the log bounded', () => {
    const world = defaultWorld(T0);
    const scheduler = new ManualScheduler(T0);
    const network = new VirtualNetwork(world, { now: scheduler.clock, scheduler, random: testRandom(), engines: { smtp: EchoServer }, log: { maxSessions: 2, maxSessionBytes: 40 } });
    for (let i = 0; i < 3; i++) open(network, 'mail.example.com', 25);
    expect(network.sessions.map((s) => s.id)).toEqual(['mail.example.com:25#2', 'mail.example.com:25#3']);
    const c = open(network, 'mail.example.com', 25);
    c.connection.send(utf8Bytes('x'.repeat(30) + '\r\n'));
    expect(c.connection.session.droppedBytes).toBeGreaterThan(0);
    expect(c.connection.session.entries.reduce((n, e) => n + e.bytes.length, 0)).toBeLessThanOrEqual(40);
  });
});

describe('ManualScheduler', () => {
  it('runs tasks in time order, FIFO within a time, and never inside at()', () => {
    const s = new ManualScheduler(0);
    const order: string[] = [];
    s.at(20, () => order.push('b'));
    s.at(10, () => order.push('a1'));
    s.at(10, () => {
      order.push('a2');
      s.at(10, () => order.push('a3'));
    });
    const cancel = s.at(15, () => order.push('never'));
    cancel();
    expect(order).toEqual([]);
    s.advanceTo(30);
    expect(order).toEqual(['a1', 'a2', 'a3', 'b']);
    expect(s.now).toBe(30);
    expect(s.nextTime()).toBeNull();
  });
});
