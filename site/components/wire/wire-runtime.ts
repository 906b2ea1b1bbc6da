/**
 * What the wire pages load after the first paint: the virtual network with the protocol engines
 * (the default world on real time, TLS made of real encrypted records so the wire shows
 * ciphertext) and the simulator's scripted scenarios that run on it.
 */
import { createVirtualNetwork } from '../../../simulator/net/virtual-network-engines.ts';
import type { VirtualNetwork } from '../../../simulator/net/virtual-network.ts';
import { defaultWorld } from '../../../simulator/world/world.ts';
import { TimerScheduler } from '../../browser/timer-scheduler.ts';
import { systemRandom } from '../../../simulator/transports/system-random.ts';

export { runAttackScenario } from '../../../simulator/scenarios/attack-scenarios.ts';
export { starttlsInjection } from '../../../simulator/scenarios/attack-injection.ts';
export { probePort } from '../../../simulator/scenarios/ports-probe.ts';

export function createWireNetwork(): VirtualNetwork {
  const now = (): number => Date.now();
  return createVirtualNetwork(defaultWorld(now()), { now, scheduler: new TimerScheduler(), random: systemRandom(), tlsLayer: 'records' });
}
