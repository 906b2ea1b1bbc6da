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

/**
 * These pages are about TLS: its code (a chunk of its own, ../../../simulator/net/tls-channel.ts)
 * loads with the network, after the first paint, so a console's first handshake runs at once and
 * the wire view is complete when the console takes the focus.
 */
export async function createWireNetwork(): Promise<VirtualNetwork> {
  const now = (): number => Date.now();
  const network = createVirtualNetwork(defaultWorld(now()), { now, scheduler: new TimerScheduler(), random: systemRandom(), tlsLayer: 'records' });
  await network.recordTls.load();
  return network;
}
