/**
 * The lab's timeline (issue 17, item 1): a lab session is its inputs — the world it started from,
 * the seed its randomness streams from, and each line entered with its terminal and time — and
 * step N is the world after the first N lines. `replayTo` rebuilds it in a fresh world: the
 * engines are deterministic (time and randomness are inputs), so the same inputs give the same
 * bytes, and the panels can show any step while the live world goes on untouched.
 *
 * The lines go through the lab's own TerminalSession (headless: its screen is a string), so the
 * terminal's rules (slash commands, STARTTLS, certificate questions) are the ones the learner
 * used. Timers due before a line (the MTA's deliveries, autologout) run before it, in time order.
 */
import { Mta } from '../../../simulator/mta/mta.ts';
import { autoRunMta } from '../../../simulator/mta/mta-driver.ts';
import { ManualScheduler } from '../../../simulator/net/virtual-network-clock.ts';
import { createVirtualNetwork } from '../../../simulator/net/virtual-network-engines.ts';
import type { TlsLayer, VirtualNetwork } from '../../../simulator/net/virtual-network.ts';
import { seededRandom } from '../../../simulator/random.ts';
import { worldFromJson } from '../../../simulator/world/serialize.ts';
import { VirtualConnector } from '../../../simulator/transports/virtual.ts';
import { createMailwireStore } from '../../store/store.ts';
import { MemoryStorage } from '../../browser/page-storage.ts';
import { TerminalSession } from '../../terminal/session.ts';
import { ReportingConnector } from '../../world/reporting-connector.ts';
import { SessionTracker } from '../../world/session-tracker.ts';

/** One entered line: which terminal (by tab order), the line, and when (ms since 1970). */
export interface TimelineStep {
  terminal: number;
  line: string;
  at: number;
}

/** Everything a lab session's bytes depend on. */
export interface TimelineInputs {
  seed: Uint8Array;
  startedAt: number;
  /** The world at the start, as JSON (simulator/world/serialize.ts). */
  startWorld: string;
  steps: readonly TimelineStep[];
  /** Real records, as the lab's live world uses; synchronous tests may ask for the stand-in. */
  tlsLayer?: TlsLayer;
}

/** A world rebuilt at one step, with what the panels need to show it. */
export interface ReplayedWorld {
  network: VirtualNetwork;
  tracker: SessionTracker;
  scheduler: ManualScheduler;
  /** How many steps were replayed. */
  step: number;
  /** Per terminal (tab order): the network session it last opened. */
  networkSessions: Array<string | null>;
  /** Per terminal: what its screen showed (VT text), to continue from here. */
  screens: string[];
  /** Per terminal: its session, still connected where it was. */
  terminals: TerminalSession[];
  /** Terminal `index`, made (banner and prompt) if this world has none yet. */
  terminal(index: number): TerminalSession;
  /** Sends terminal `index`'s screen output to `write` from now on (a fork's terminal on the page). */
  attachScreen(index: number, write: (data: string) => void): () => void;
  /** Lets the network and the terminals finish what a line or a tick of the clock started. */
  settle(): Promise<void>;
}

/** The rounds of settling after a line: a line can start TLS, which then lets the next reply out. */
const SETTLE_ROUNDS = 4;

/** A fresh world driven by a manual clock, ready to take the session's lines one by one. */
export class TimelineRunner {
  readonly network: VirtualNetwork;
  readonly tracker = new SessionTracker();
  readonly scheduler: ManualScheduler;
  readonly networkSessions: Array<string | null> = [];
  readonly screens: string[] = [];
  readonly terminals: TerminalSession[] = [];
  step = 0;
  readonly #connector: VirtualConnector;
  readonly #store = createMailwireStore();
  readonly #sinks = new Map<number, (data: string) => void>();

  constructor(readonly inputs: Pick<TimelineInputs, 'seed' | 'startedAt' | 'startWorld' | 'tlsLayer'>) {
    const world = worldFromJson(inputs.startWorld);
    if (!world.ok) throw new Error(`the timeline's start world cannot be read: ${world.error}`);
    this.scheduler = new ManualScheduler(inputs.startedAt);
    const tlsLayer = inputs.tlsLayer ?? 'records';
    this.network = createVirtualNetwork(world.value, { now: this.scheduler.clock, scheduler: this.scheduler, random: seededRandom(inputs.seed), tlsLayer });
    this.network.subscribe((event) => this.tracker.handle(event));
    autoRunMta(new Mta(this.network), this.network, (events) => this.tracker.mta(events));
    this.#connector = new VirtualConnector(this.network, { tlsLayer });
  }

  /** The terminal with this index, made (banner and prompt) on first use. */
  terminal(index: number): TerminalSession {
    while (this.terminals.length <= index) {
      const i = this.terminals.length;
      this.screens.push('');
      this.networkSessions.push(null);
      const session = new TerminalSession({
        terminalId: `timeline-${i}`,
        screen: { write: (data) => this.#write(i, data) },
        connector: new ReportingConnector(this.#connector, (id) => (this.networkSessions[i] = id)),
        store: this.#store,
        storage: new MemoryStorage(),
        clock: this.scheduler.clock,
        live: false,
      });
      session.start();
      this.terminals.push(session);
    }
    return this.terminals[index]!;
  }

  /** Lets time run to `at` (timers due on the way fire in order), then enters the line. */
  async enter(step: TimelineStep): Promise<void> {
    this.scheduler.advanceTo(Math.max(step.at, this.scheduler.now));
    await this.settle();
    // As the lab's terminal does: the line shows on the prompt, then Enter.
    const session = this.terminal(step.terminal);
    session.editor.set(step.line.replace(/[\r\n]+/g, ' '));
    this.#write(step.terminal, session.editor.render());
    session.input('\r');
    await this.settle();
    this.step++;
  }

  #write(index: number, data: string): void {
    this.screens[index] += data;
    this.#sinks.get(index)?.(data);
  }

  async settle(): Promise<void> {
    for (let i = 0; i < SETTLE_ROUNDS; i++) {
      await this.network.settle();
      // The terminal's Connection reacts to replies in microtasks (STARTTLS once the server agrees).
      for (let j = 0; j < 8; j++) await Promise.resolve();
    }
  }

  /** The world as it is now; its arrays follow it if it goes on (a fork). */
  snapshot(): ReplayedWorld {
    return {
      network: this.network, tracker: this.tracker, scheduler: this.scheduler, step: this.step,
      networkSessions: this.networkSessions, screens: this.screens, terminals: this.terminals,
      terminal: (index) => this.terminal(index),
      attachScreen: (index, write) => {
        this.#sinks.set(index, write);
        return () => this.#sinks.delete(index);
      },
      settle: () => this.settle(),
    };
  }
}

/** The world after the first `step` lines of `inputs`, rebuilt from the start. */
export async function replayTo(inputs: TimelineInputs, step: number = inputs.steps.length): Promise<ReplayedWorld> {
  const runner = new TimelineRunner(inputs);
  const last = Math.max(0, Math.min(step, inputs.steps.length));
  for (const s of inputs.steps.slice(0, last)) await runner.enter(s);
  return runner.snapshot();
}

/**
 * A fork's inputs: the original's first `step` lines, then the lines typed in the fork (each at
 * the fork's clock, which went on from the step's time), from the same start world and seed. So
 * the fork has a timeline of its own, replayed like the original's.
 */
export function forkInputs(original: TimelineInputs, step: number, typed: readonly TimelineStep[]): TimelineInputs {
  return { ...original, steps: [...original.steps.slice(0, step), ...typed] };
}
