/**
 * Keeps an MTA running on a virtual network without anyone calling `run`: whenever a session
 * ends or an engine reports something (a message queued), the next due attempt is scheduled
 * through the network's scheduler. The page uses it so mail "really travels" after a learner's
 * `.`; tests can still drive `await mta.run(now)` by hand instead.
 */
import type { Mta, MtaEvent } from './mta.ts';
import type { VirtualNetwork } from '../net/virtual-network.ts';

/**
 * Starts the MTA; returns a function that stops it. Each run is the network's work until it ends
 * (`network.settle()` waits for it); a run that fails is reported the network's way.
 */
export function autoRunMta(mta: Mta, network: VirtualNetwork, onEvents: (events: MtaEvent[]) => void = () => {}): () => void {
  let pending: { at: number; cancel: () => void } | null = null;
  // A run waits on TLS; its own sessions' events must not start another one meanwhile.
  let running = false;
  let stopped = false;
  const plan = (): void => {
    if (running || stopped) return;
    const next = mta.nextWakeup();
    if (next === null || (pending && pending.at <= next)) return;
    pending?.cancel();
    const at = Math.max(next, network.now());
    pending = {
      at,
      cancel: network.scheduler.at(at, () => {
        pending = null;
        network.track(runOnce());
      }),
    };
  };
  const runOnce = async (): Promise<void> => {
    running = true;
    try {
      const events = await mta.run(network.now());
      if (events.length && !stopped) onEvents(events);
    } finally {
      running = false;
      plan();
    }
  };
  const unsubscribe = network.subscribe((event) => {
    if (event.type === 'engine' || event.type === 'session-closed') plan();
  });
  plan();
  return () => {
    stopped = true;
    unsubscribe();
    pending?.cancel();
    pending = null;
  };
}
