/**
 * Reruns a replay link's lines: each terminal's lines in order, waiting after each until the
 * network has gone quiet, so replies arrive before the next line (as they did for the learner).
 */
import { appStore } from '../../store/app-store.ts';
import { ensureTabs } from '../../store/lab-actions.ts';
import type { PageWorld } from '../../world/page-network.ts';
import type { ReplayScript } from '../../world/replay.ts';
import { whenTerminal } from './terminal-handles.ts';

const QUIET_MS = 120;
const MAX_WAIT_MS = 4000;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Waits until neither the network nor the terminals' transcripts changed for QUIET_MS. */
async function quiet(world: PageWorld): Promise<void> {
  const mark = (): string => `${world.tracker.version}/${Object.values(appStore.getState().transcripts).reduce((n, t) => n + t.length, 0)}`;
  const start = Date.now();
  let last = mark();
  for (;;) {
    await sleep(QUIET_MS);
    const now = mark();
    if ((now === last && !world.network.busy) || Date.now() - start > MAX_WAIT_MS) return;
    last = now;
  }
}

export async function runReplay(world: PageWorld, script: ReplayScript, onProgress: (done: number, total: number) => void): Promise<void> {
  const ids = ensureTabs(appStore, script.terminals.length);
  const order = script.order ?? script.terminals.flatMap((lines, i) => lines.map(() => i));
  const next = script.terminals.map(() => 0);
  let done = 0;
  for (const i of order) {
    const id = ids[i];
    const line = script.terminals[i]?.[next[i]!];
    next[i]!++;
    if (id === undefined || line === undefined) continue;
    const handle = await whenTerminal(id);
    handle.run(line);
    await quiet(world);
    onProgress(++done, order.length);
  }
}
