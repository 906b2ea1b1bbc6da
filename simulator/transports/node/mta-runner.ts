/**
 * Runs the MTA (simulator/net/mta.ts) on real time for `npm run serve`: mail a real client
 * submits for another virtual domain (bob@example.org) is relayed over the virtual network's
 * SMTP, port 25, to that domain's host, as on the site.
 */
import type { World } from '../../net/world.ts';

export interface MtaRunner {
  stop(): void;
}

/** How often the queue is looked at; the MTA itself decides what is due (its retry backoff). */
const POLL_MS = 100;

type MtaLike = { run(now: number): unknown[]; nextWakeup(): number | null };

export async function startMta(world: World, onEvent?: (event: unknown) => void): Promise<MtaRunner | { error: string }> {
  let mta: MtaLike;
  try {
    const { createVirtualNetwork } = await import('../../net/virtual-network-engines.ts');
    const { Mta } = await import('../../net/mta.ts');
    const scheduler = {
      at(time: number, task: () => void): () => void {
        const timer = setTimeout(task, Math.max(0, time - Date.now()));
        timer.unref();
        return () => clearTimeout(timer);
      },
    };
    mta = new Mta(createVirtualNetwork(world, { now: Date.now, scheduler }));
  } catch (error) {
    return { error: error instanceof Error ? error.message.split('\n')[0]! : String(error) };
  }
  const timer = setInterval(() => {
    const due = mta.nextWakeup();
    if (due === null || due > Date.now()) return;
    try {
      for (const event of mta.run(Date.now())) onEvent?.(event);
    } catch (error) {
      console.error('mta: error', error);
    }
  }, POLL_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
