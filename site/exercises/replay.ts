/**
 * The headless runner: plays the lines a learner types (slash commands included) against the
 * real engines over the virtual network, on a manual clock, and records every session. The
 * terminal's own rules apply: `/connect [--tls|--plain] HOST PORT` opens, `/disconnect` closes without a word,
 * other slash commands only print, and every other line is sent with CRLF.
 */
import { ManualScheduler } from '../../simulator/net/virtual-network-clock.ts';
import { createVirtualNetwork } from '../../simulator/net/virtual-network-engines.ts';
import type { VirtualNetwork } from '../../simulator/net/virtual-network.ts';
import { defaultWorld, type World } from '../../simulator/world/world.ts';
import { VirtualConnector, type VirtualTransport } from '../../simulator/transports/virtual.ts';
import type { TransportEvent } from '../../simulator/transport.ts';
import { tlsAgreed } from '../../simulator/observe/index.ts';
import { portError } from '../terminal/commands/connect.ts';
import type { RunResult, SessionRun, StartWorld } from './types.ts';
import { seededRandom, type RandomSource } from '../../simulator/random.ts';
import { utf8Bytes } from '../../simulator/wire/bytes.ts';

/** The clock replays start at: fixed, so dates in replies are stable. */
export const REPLAY_EPOCH = Date.UTC(2026, 10, 26, 9, 0, 0);

interface Live {
  run: SessionRun;
  transport: VirtualTransport;
  partial: string;
  open: boolean;
}


export class Replayer {
  readonly scheduler: ManualScheduler;
  readonly network: VirtualNetwork;
  readonly sessions: SessionRun[] = [];
  /** What the terminal itself answered (a refused /connect), in order. */
  readonly notes: string[] = [];
  #live: Live | null = null;
  readonly #connector: VirtualConnector;

  /** `random` feeds TLS; a fixed seed by default, so a replay gives the same bytes every time. */
  constructor(world?: World, random: RandomSource = seededRandom(utf8Bytes('exercise replay'))) {
    this.scheduler = new ManualScheduler(REPLAY_EPOCH);
    this.network = createVirtualNetwork(world ?? defaultWorld(REPLAY_EPOCH), { now: this.scheduler.clock, scheduler: this.scheduler, random });
    this.#connector = new VirtualConnector(this.network);
  }

  get world(): World {
    return this.network.world;
  }

  /** Types one line as the terminal would, and lets the network settle. */
  async type(line: string): Promise<void> {
    const slash = /^\/(\S+)\s*(.*)$/.exec(line);
    if (slash) return this.#slash(slash[1] ?? '', slash[2] ?? '');
    const live = this.#live;
    if (!live || !live.open) return;
    live.run.lines.push({ from: 'C', text: line });
    const before = live.run.lines.length;
    live.transport.send(new TextEncoder().encode(`${line}\r\n`));
    await this.settle();
    if (live.open) {
      const answer = live.run.lines.slice(before).filter((l) => l.from === 'S').map((l) => l.text).join('\r\n');
      if (tlsAgreed(line, answer)) {
        live.transport.startTls();
        await this.settle();
      }
    }
  }

  /** Types every line in order. */
  async typeAll(lines: readonly string[]): Promise<void> {
    for (const line of lines) await this.type(line);
  }

  /** Advances the clock (timeouts, IDLE) and settles. */
  async wait(ms: number): Promise<void> {
    this.scheduler.now += ms;
    await this.settle();
  }

  async settle(): Promise<void> {
    await this.network.settle();
  }

  result(): RunResult {
    return { world: this.network.world, sessions: this.sessions };
  }

  async #slash(name: string, args: string): Promise<void> {
    if (name === 'connect') {
      const words = args.split(/\s+/).filter(Boolean);
      const tls = words.includes('--tls') ? 'implicit' : words.includes('--plain') ? 'none' : undefined;
      const [host, port] = words.filter((w) => !w.startsWith('--'));
      if (!host || !port || (this.#live && this.#live.open)) return;
      const bad = portError(port);
      if (bad) {
        this.notes.push(bad);
        return;
      }
      this.#open(host, Number(port), tls);
      await this.settle();
    } else if (name === 'disconnect' && this.#live?.open) {
      this.#live.transport.close();
      this.#live.open = false;
      this.#live.run.closedBy = 'client';
      await this.settle();
    }
  }

  #open(host: string, port: number, tls: 'implicit' | 'none' | undefined): void {
    const run: SessionRun = { host, port, lines: [], errors: [], closedBy: null };
    const transport = this.#connector.connect(host, port, tls === undefined ? {} : { tls });
    const live: Live = { run, transport, partial: '', open: true };
    this.sessions.push(run);
    this.#live = live;
    transport.on((event) => this.#event(live, event));
  }

  #event(live: Live, event: TransportEvent): void {
    switch (event.type) {
      case 'data': {
        const parts = (live.partial + new TextDecoder().decode(event.bytes)).split('\n');
        live.partial = parts.pop() ?? '';
        for (const p of parts) live.run.lines.push({ from: 'S', text: p.endsWith('\r') ? p.slice(0, -1) : p });
        return;
      }
      case 'error':
        live.run.errors.push(`${event.code}: ${event.message}`);
        return;
      case 'closed':
        if (live.partial) live.run.lines.push({ from: 'S', text: live.partial });
        live.partial = '';
        live.open = false;
        live.run.closedBy ??= event.by === 'server' ? 'server' : 'client';
        return;
      default:
        return;
    }
  }
}

/** A fresh copy of an exercise's start world, dated at the replay clock. */
export function startWorld(start: StartWorld): World {
  switch (start) {
    case 'default':
      return defaultWorld(REPLAY_EPOCH);
  }
}

/** Replays `lines` from a fresh default world (or `world`) and returns what happened. */
export async function replay(lines: readonly string[], world?: World): Promise<RunResult> {
  const r = new Replayer(world);
  await r.typeAll(lines);
  return r.result();
}
