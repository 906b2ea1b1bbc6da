/**
 * The /compare/ page's simulator, loaded lazily by the island: one virtual world and network,
 * the Scenario of simulator/scenarios/compare-scenario.ts on top, and a snapshot of everything the page
 * draws. The protocol work is all the Scenario's; this file only runs it one action at a time
 * and tells React when something changed.
 */
import { Scenario, type DeviceName, type Side } from '../../../simulator/scenarios/compare-scenario.ts';
import type { Pop3Settings } from '../../../simulator/clients/pop3-types.ts';
import type { SideVerdict } from '../../../simulator/scenarios/compare-verdict.ts';
import type { TranscriptLine } from '../../../simulator/clients/transcript.ts';
import { ManualScheduler } from '../../../simulator/net/virtual-network-clock.ts';
import { createVirtualNetwork } from '../../../simulator/net/virtual-network-engines.ts';
import { defaultWorld } from '../../../simulator/world/world.ts';
import type { VirtualNetwork } from '../../../simulator/net/virtual-network.ts';
import { handNetwork } from './hand-session.ts';
import { serverView, deviceView, type DeviceSnapshot, type ServerSnapshot } from './views.ts';
import { systemRandom } from '../../../simulator/transports/system-random.ts';

export type { DeviceName, Side };

export interface CompareSnapshot {
  version: number;
  busy: boolean;
  server: Record<Side, ServerSnapshot>;
  devices: Record<Side, Record<DeviceName, DeviceSnapshot>>;
  verdict: Record<Side, SideVerdict>;
  /** Every transcript's lines, by transcript name (`pop3-laptop`, `smtp-carol` …). */
  transcripts: Record<string, readonly TranscriptLine[]>;
  /** Devices the learner drives by hand (`pop3-laptop` …): the buttons leave them alone. */
  takenOver: readonly string[];
  /** Why the last step or button stopped part-way (its error's message), until the next one finishes or a reset. */
  failure: string | null;
}

const NOTIFY_MS = 40;

export const SIDES: readonly Side[] = ['pop3', 'imap'];
export const DEVICES: readonly DeviceName[] = ['laptop', 'phone'];

export class CompareRuntime {
  scenario!: Scenario;
  private scheduler!: ManualScheduler;
  private version = 0;
  private busy = false;
  private failure: string | null = null;
  private cached: CompareSnapshot | null = null;
  private readonly listeners = new Set<() => void>();
  private unhook: Array<() => void> = [];
  private queue: Promise<unknown> = Promise.resolve();
  private notifying: ReturnType<typeof setTimeout> | null = null;
  private readonly hands = new Map<string, VirtualNetwork>();

  constructor(private readonly clock: () => number = () => Date.now()) {
    this.build();
  }

  /** Starts again from the seed mailbox, with new devices. */
  reset(): void {
    for (const off of this.unhook) off();
    this.hands.clear();
    this.failure = null;
    this.build();
    this.changed();
  }

  /** A POP3 device's account settings, changed in the page's form. */
  setPop3Settings(name: DeviceName, patch: Partial<Pop3Settings>): void {
    const device = this.scenario.pop3[name];
    device.settings = { ...device.settings, ...patch };
    this.changed(true);
  }

  /** Devices taken over by hand, as `side-name` keys. */
  get takenOver(): ReadonlySet<string> {
    return new Set(this.hands.keys());
  }

  /**
   * Hands a device to the learner (or back): the network view its console connects through.
   * After every line the network settles, so IDLE pushes to the other devices arrive too.
   */
  takeOver(side: Side, name: DeviceName, on: boolean): VirtualNetwork | null {
    const key = `${side}-${name}`;
    if (!on) {
      if (this.hands.delete(key)) this.scenario.device(side, name).note('handed back: the buttons drive this device again', true);
      this.changed(true);
      return null;
    }
    let view = this.hands.get(key);
    if (!view) {
      view = handNetwork(this.scenario.options.network, this.scenario.device(side, name), side, name, () => this.pump());
      this.hands.set(key, view);
    }
    this.changed(true);
    return view;
  }

  /** The network view of a device taken over by hand, or null. */
  hand(side: Side, name: DeviceName): VirtualNetwork | null {
    return this.hands.get(`${side}-${name}`) ?? null;
  }

  /** Lets the network run what the hand console's line set off (wakes, IDLE pushes), quietly. */
  private pump(): void {
    this.changed();
    this.queue = this.queue.then(() => this.scenario.options.network.settle()).catch(() => undefined);
  }

  /** Bound, so React's useSyncExternalStore can take it as it is. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The snapshot for this version (the same object until something changes, for React). */
  readonly snapshot = (): CompareSnapshot => {
    if (this.cached?.version === this.version && this.cached.busy === this.busy) return this.cached;
    const s = this.scenario;
    const devices = (side: Side) => ({ laptop: deviceView(s[side].laptop), phone: deviceView(s[side].phone) });
    const transcripts: Record<string, readonly TranscriptLine[]> = {};
    for (const t of s.transcripts()) transcripts[t.name] = [...t.lines];
    this.cached = {
      version: this.version,
      busy: this.busy,
      server: { pop3: serverView(s, 'pop3'), imap: serverView(s, 'imap') },
      devices: { pop3: devices('pop3'), imap: devices('imap') },
      verdict: s.verdict(),
      transcripts,
      takenOver: [...this.hands.keys()],
      failure: this.failure,
    };
    return this.cached;
  };

  /**
   * Runs actions one after another: a second click waits for the first to finish. One that throws
   * still rejects, and its message stays in the snapshot so the page can say what happened.
   */
  run<T>(work: (scenario: Scenario) => Promise<T>): Promise<T> {
    const next = this.queue.then(async () => {
      this.busy = true;
      this.changed();
      // The network's clock follows the page's, so sessions age as they would (never backwards).
      this.scheduler.advanceTo(Math.max(this.scheduler.now, this.clock()));
      try {
        const result = await work(this.scenario);
        this.failure = null;
        return result;
      } catch (error) {
        this.failure = error instanceof Error ? error.message : String(error);
        throw error;
      } finally {
        this.busy = false;
        this.changed();
      }
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  private build(): void {
    const now = this.clock();
    const world = defaultWorld(now);
    this.scheduler = new ManualScheduler(now);
    const network = createVirtualNetwork(world, { now: this.scheduler.clock, scheduler: this.scheduler, random: systemRandom() });
    this.scenario = new Scenario({ world, network });
    this.unhook = [world.store.subscribe(() => this.changed()), this.scenario.subscribe(() => this.changed())];
  }

  /** Tells the page at most every NOTIFY_MS (one action appends hundreds of lines), or `now` for a form's input. */
  private changed(now = false): void {
    this.version++;
    if (now) {
      if (this.notifying !== null) clearTimeout(this.notifying);
      this.notifying = null;
      for (const listener of [...this.listeners]) listener();
      return;
    }
    if (this.notifying !== null) return;
    this.notifying = setTimeout(() => {
      this.notifying = null;
      for (const listener of [...this.listeners]) listener();
    }, NOTIFY_MS);
  }
}

export function createRuntime(): CompareRuntime {
  return new CompareRuntime();
}
