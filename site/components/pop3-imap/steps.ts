/**
 * The "POP3 or IMAP?" page's practice: the /compare/ page's Scenario (simulator/scenarios/compare-scenario.ts)
 * on a fresh default world, driven by a few named steps, each the same action the compare lab's
 * buttons run. Exercises are checked against the Scenario's state afterwards: what the server
 * holds, what each device holds, and the verdict the compare page draws from them.
 */
import { Scenario, type DeviceName, type Side } from '../../../simulator/scenarios/compare-scenario.ts';
import type { ActionResult } from '../../../simulator/scenarios/compare-scenario.ts';
import { ManualScheduler } from '../../../simulator/net/virtual-network-clock.ts';
import { createVirtualNetwork } from '../../../simulator/net/virtual-network-engines.ts';
import { defaultWorld } from '../../../simulator/world/world.ts';
import { REPLAY_EPOCH } from '../../exercises/replay.ts';
import { seededRandom } from '../../../simulator/random.ts';
import { utf8Bytes } from '../../../simulator/wire/bytes.ts';

export type { DeviceName, Side };

/** One action, as the practice's buttons offer it. */
export type PracticeStep =
  | { do: 'check'; side: Side; device: DeviceName }
  /** Open the first message this device shows as unread (it becomes read there). */
  | { do: 'read'; side: Side; device: DeviceName }
  /** Both devices of a side check mail at the same moment. */
  | { do: 'both'; side: Side }
  | { do: 'new-mail' };

/** A fresh Scenario on the default world, on a manual clock (as the replays of the terminal exercises). */
export function practiceScenario(): Scenario {
  const world = defaultWorld(REPLAY_EPOCH);
  const scheduler = new ManualScheduler(REPLAY_EPOCH);
  const network = createVirtualNetwork(world, { now: scheduler.clock, scheduler, random: seededRandom(utf8Bytes('practice scenario')) });
  return new Scenario({ world, network });
}

export async function runStep(scenario: Scenario, step: PracticeStep): Promise<ActionResult> {
  switch (step.do) {
    case 'check':
      return scenario.check(step.side, step.device);
    case 'read': {
      const unread = scenario.device(step.side, step.device).messages().find((m) => !m.flags.has('\\Seen'));
      if (!unread) return { ok: false, text: `the ${step.side.toUpperCase()} ${step.device} shows no unread message: check mail first`, ref: null };
      return scenario.read(step.side, step.device, unread.key);
    }
    case 'both':
      return scenario.bothAtOnce(step.side);
    case 'new-mail':
      return scenario.newMail();
  }
}

/** Runs `steps` in order on a fresh Scenario (the CI replay of an exercise). */
export async function runSteps(steps: readonly PracticeStep[]): Promise<Scenario> {
  const scenario = practiceScenario();
  for (const step of steps) await runStep(scenario, step);
  return scenario;
}

/** A step in words, for buttons and for the solution a page shows. */
export function stepText(step: PracticeStep): string {
  switch (step.do) {
    case 'check':
      return `${step.side.toUpperCase()} ${step.device}: check mail`;
    case 'read':
      return `${step.side.toUpperCase()} ${step.device}: read a message`;
    case 'both':
      return `${step.side.toUpperCase()}: both devices at once`;
    case 'new-mail':
      return 'Carol sends a new message';
  }
}
