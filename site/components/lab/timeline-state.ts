/**
 * The lab's timeline state: which step the panels show (null: the live world), the world rebuilt
 * at that step (../../components/lab/timeline-replay.ts), and a fork made from a step. The live world is never
 * touched: a step is a fresh world replayed from the recorded inputs, and the panels point at it.
 */
import { createStore } from 'zustand/vanilla';
import { appStore } from '../../store/app-store.ts';
import type { PageWorld } from '../../world/page-network.ts';
import { scriptFromLog, type ReplayScript } from '../../world/replay.ts';
import { replayLink, type LinkResult } from '../../world/replay-world.ts';
import { forkInputs, replayTo, type ReplayedWorld, type TimelineInputs, type TimelineStep } from './timeline-replay.ts';
import { typedLog } from './terminal-handles.ts';

export interface Fork {
  /** The step it was made at. */
  step: number;
  world: ReplayedWorld;
  /** The inputs of the world it was made from: their first `step` lines are the fork's first. */
  original: TimelineInputs;
  /** The lines typed in the fork since, each at the fork's clock (its timeline goes on with them). */
  typed: readonly TimelineStep[];
  /** Moves the fork's clock to real time and gives it: the time a line typed in the fork is entered at. */
  now: () => number;
  /** Stops the clock that moves the fork's world in real time. */
  stop: () => void;
}

export interface TimelineState {
  /** The step shown, or null for the live world. */
  step: number | null;
  /** The world at `step`, once replayed. */
  view: ReplayedWorld | null;
  /** A replay is running for `step`. */
  loading: boolean;
  fork: Fork | null;
  /** Which world the terminals and panels show when there is a fork. */
  showing: 'original' | 'fork';
}

export const timelineStore = createStore<TimelineState>(() => ({ step: null, view: null, loading: false, fork: null, showing: 'original' }));

/**
 * A terminal's index in the session's inputs: by order of first use, so a closed tab keeps its
 * index (its lines changed the world too); on a page opened from a timed link, by tab order, as
 * the link numbers them (the replay opened a tab per terminal of the link, in order).
 */
export function terminalIndex(world: PageWorld): (terminalId: string) => number {
  if (world.replay?.times) {
    const tabs = appStore.getState().lab.tabs;
    return (id) => tabs.indexOf(id);
  }
  const ids: string[] = [];
  for (const e of typedLog()) if (!ids.includes(e.terminalId)) ids.push(e.terminalId);
  return (id) => {
    const used = ids.indexOf(id);
    // A terminal not used yet comes after the used ones.
    return used >= 0 ? used : ids.length + Math.max(0, appStore.getState().lab.tabs.filter((t) => !ids.includes(t)).indexOf(id));
  };
}

/** The steps a v2 replay link carried, in entry order. */
function linkSteps(script: ReplayScript | null): TimelineStep[] {
  if (!script?.times) return [];
  const order = script.order ?? script.terminals.flatMap((lines, i) => lines.map(() => i));
  const next = script.terminals.map(() => 0);
  return order.map((terminal, k) => ({ terminal, line: script.terminals[terminal]![next[terminal]!++]!, at: script.times![k]! }));
}

/**
 * The session's inputs so far. On a page opened from a timed link, the link's lines (with the
 * times they had) stand for the ones the page reran, and lines typed since follow them.
 */
export function sessionInputs(world: PageWorld): TimelineInputs {
  const index = terminalIndex(world);
  const typed = typedLog().map((e) => ({ terminal: index(e.terminalId), line: e.line, at: e.at }));
  const fromLink = linkSteps(world.replay);
  const steps = fromLink.length ? [...fromLink, ...typed.slice(fromLink.length)] : typed;
  return { seed: world.origins.seed, startedAt: world.origins.startedAt, startWorld: world.origins.startWorld, steps };
}

/** The `#replay=…&step=N` fragment for these inputs (with the start world when it is not the default one). */
export function stepLink(inputs: TimelineInputs, step: number): Promise<LinkResult> {
  const script = scriptFromLog(inputs.steps);
  return replayLink({ ...script, seed: inputs.seed, startedAt: inputs.startedAt, times: inputs.steps.map((s) => s.at), step }, inputs.startWorld, inputs.startedAt);
}

/** The inputs of the world shown: the fork's when the fork is showing, else the session's. */
export function shownInputs(world: PageWorld): TimelineInputs {
  const { fork, showing } = timelineStore.getState();
  return fork && showing === 'fork' ? forkInputs(fork.original, fork.step, fork.typed) : sessionInputs(world);
}

/** Records a line entered in a fork's terminal, at the fork's clock (the fork's timeline replays it). */
export function recordForkLine(world: ReplayedWorld, terminal: number, line: string): void {
  const { fork } = timelineStore.getState();
  if (fork?.world !== world) return;
  timelineStore.setState({ fork: { ...fork, typed: [...fork.typed, { terminal, line, at: fork.now() }] } });
}

let request = 0;

/** Shows the world after `step` lines of the world shown (the latest request wins when several overlap). */
export async function showStep(world: PageWorld, step: number): Promise<void> {
  const inputs = shownInputs(world);
  const target = Math.max(0, Math.min(step, inputs.steps.length));
  const mine = ++request;
  timelineStore.setState({ step: target, loading: true });
  const view = await replayTo(inputs, target);
  if (mine !== request) return;
  timelineStore.setState({ step: target, view, loading: false });
}

/** Back to the live world. */
export function showLive(): void {
  request++;
  timelineStore.setState({ step: null, view: null, loading: false });
}

/** Pace of the fork's clock: its ManualScheduler is moved to real time this often. */
const FORK_TICK_MS = 250;

/**
 * "Continue from here": the world at the step shown becomes a world of its own, its terminals
 * still connected where they were, its clock now moving in real time. The original is kept.
 */
export function forkHere(world: PageWorld): void {
  const { view, fork } = timelineStore.getState();
  if (!view) return;
  // Taken before the fork is replaced: a fork made in a fork starts from that fork's lines.
  const original = shownInputs(world);
  fork?.stop();
  // The fork this one replaces goes, terminals and all, as Discard would drop it.
  for (const t of fork?.world.terminals ?? []) t.dispose();
  const offset = Date.now() - view.scheduler.now;
  const now = (): number => {
    view.scheduler.advanceTo(Math.max(view.scheduler.now, Date.now() - offset));
    return view.scheduler.now;
  };
  const timer = setInterval(now, FORK_TICK_MS);
  request++;
  timelineStore.setState({
    fork: { step: view.step, world: view, original, typed: [], now, stop: () => clearInterval(timer) },
    showing: 'fork',
    step: null,
    view: null,
    loading: false,
  });
}

export function showWorld(which: 'original' | 'fork'): void {
  request++;
  timelineStore.setState({ showing: which, step: null, view: null, loading: false });
}

/** Drops the fork and goes back to the original world. */
export function discardFork(): void {
  const { fork } = timelineStore.getState();
  fork?.stop();
  for (const t of fork?.world.terminals ?? []) t.dispose();
  request++;
  timelineStore.setState({ fork: null, showing: 'original', step: null, view: null, loading: false });
}
