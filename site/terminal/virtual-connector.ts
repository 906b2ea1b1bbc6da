/**
 * The virtual network in the page: the default world (README) with the protocol engines behind
 * its ports, on real time. `createConnector()` in connector.ts returns this once the lead switches.
 */
import type { Connector } from '../../simulator/transport.ts';
import { VirtualConnector } from '../../simulator/transports/virtual.ts';
import { createVirtualNetwork } from '../../simulator/net/virtual-network-engines.ts';
import { defaultWorld } from '../../simulator/world/world.ts';
import { TimerScheduler } from '../browser/timer-scheduler.ts';
import { systemRandom } from '../../simulator/transports/system-random.ts';

export function createVirtualConnector(now: () => number = () => Date.now()): Connector {
  // Real TLS records (WebCrypto), so STARTTLS shows a real certificate and the wire ciphertext.
  return new VirtualConnector(createVirtualNetwork(defaultWorld(now()), { now, scheduler: new TimerScheduler(), random: systemRandom() }), { tlsLayer: 'records' });
}
