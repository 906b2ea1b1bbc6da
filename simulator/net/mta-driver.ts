/**
 * Keeps an MTA running on a virtual network without anyone calling `run`: whenever a session
 * ends or an engine reports something (a message queued), the next due attempt is scheduled
 * through the network's scheduler. The page uses it so mail "really travels" after a learner's
 * `.`; tests can still drive `mta.run(now)` by hand instead.
 */
import type { Mta, MtaEvent } from './mta.ts';
import type { VirtualNetwork } from './virtual-network.ts';

/** Starts the MTA; returns a function that stops it. */
export function autoRunMta(mta: Mta, network: VirtualNetwork, onEvents: (events: MtaEvent[]) => void = () => {}): () => void {
  let pending: { at: number; cancel: () => void } | null = null;
  const plan = (): void => {
    const next = mta.nextWakeup();
    if (next === null || (pending && pending.at <= next)) return;
    pending?.cancel();
    const at = Math.max(next, network.now());
    pending = {
      at,
      cancel: network.scheduler.at(at, () => {
        pending = null;
        const events = mta.run(network.now());
        if (events.length) onEvents(events);
        plan();
      }),
    };
  };
  const unsubscribe = network.subscribe((event) => {
    if (event.type === 'engine' || event.type === 'session-closed') plan();
  });
  plan();
  return () => {
    unsubscribe();
    pending?.cancel();
    pending = null;
  };
}
