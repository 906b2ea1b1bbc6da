/**
 * What the wire pages load after the first paint: the virtual network with the protocol engines
 * (the default world on real time, TLS made of real encrypted records so the wire shows
 * ciphertext) and the simulator's scripted scenarios that run on it.
 */
import { createVirtualNetwork, type VirtualNetwork } from '../../../simulator/net/index.ts';
import { defaultWorld } from '../../../simulator/world/index.ts';
import { TimerScheduler } from '../../browser/timer-scheduler.ts';

export { runAttackScenario } from '../../../simulator/scenarios/index.ts';
export { starttlsInjection } from '../../../simulator/scenarios/index.ts';
export { probePort } from '../../../simulator/scenarios/index.ts';

export function createWireNetwork(): VirtualNetwork {
  const now = (): number => Date.now();
  return createVirtualNetwork(defaultWorld(now()), { now, scheduler: new TimerScheduler(), tlsLayer: 'records' });
}
