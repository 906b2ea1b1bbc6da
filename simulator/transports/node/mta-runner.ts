/**
 * Runs the MTA (simulator/mta/mta.ts) on real time for `npm run serve`: mail a real client
 * submits for another virtual domain (bob@example.org) is relayed over the virtual network's
 * SMTP, port 25, to that domain's host, as on the site.
 */
import type { World } from '../../world/world.ts';
import { systemRandom } from '../system-random.ts';

export interface MtaRunner {
  stop(): void;
}

/** How often the queue is looked at; the MTA itself decides what is due (its retry backoff). */
const POLL_MS = 100;

type MtaLike = { run(now: number): Promise<unknown[]>; nextWakeup(): number | null };

export async function startMta(world: World, onEvent?: (event: unknown) => void): Promise<MtaRunner | { error: string }> {
  let mta: MtaLike;
  try {
    const { createVirtualNetwork } = await import('../../net/virtual-network-engines.ts');
    const { Mta } = await import('../../mta/mta.ts');
    const scheduler = {
      at(time: number, task: () => void): () => void {
        const timer = setTimeout(task, Math.max(0, time - Date.now()));
        timer.unref();
        return () => clearTimeout(timer);
      },
    };
    mta = new Mta(createVirtualNetwork(world, { now: Date.now, scheduler, random: systemRandom() }));
  } catch (error) {
    return { error: error instanceof Error ? error.message.split('\n')[0]! : String(error) };
  }
  // A run waits on TLS records (WebCrypto): polls that come meanwhile skip, so runs never overlap.
  let running = false;
  const timer = setInterval(() => {
    const due = mta.nextWakeup();
    if (running || due === null || due > Date.now()) return;
    running = true;
    mta.run(Date.now()).then(
      (events) => {
        for (const event of events) onEvent?.(event);
      },
      (error: unknown) => console.error('mta: error', error),
    ).finally(() => {
      running = false;
    });
  }, POLL_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
