/** A default world on a manual clock with the real engines behind the virtual network. */
import { ManualScheduler } from '../net/virtual-network-clock.ts';
import { createVirtualNetwork } from '../net/virtual-network-engines.ts';
import type { VirtualNetwork } from '../net/virtual-network.ts';
import { defaultWorld, type World } from '../world/world.ts';
import { VirtualConnector } from '../transports/virtual.ts';
import type { DeviceOptions } from './device.ts';
import { testRandom } from '../testing/random.ts';

export const T0 = Date.UTC(2026, 10, 26, 9, 0, 0);
export const DAY = 24 * 60 * 60_000;

export interface Fixture {
  world: World;
  scheduler: ManualScheduler;
  network: VirtualNetwork;
  /** Device options for alice on mail.example.com at `port`, connecting as `name`. */
  device(name: string, port: number, user?: string): DeviceOptions;
  /** Lets the network run; then the promise's value. */
  run<T>(work: Promise<T>): Promise<T>;
}

export function fixture(): Fixture {
  const world = defaultWorld(T0);
  const scheduler = new ManualScheduler(T0);
  const network = createVirtualNetwork(world, { now: scheduler.clock, scheduler, random: testRandom(), strict: true });
  let host = 50;
  return {
    world,
    scheduler,
    network,
    device: (name, port, user = 'alice@example.com') => ({
      name,
      user,
      password: user.startsWith('bob') ? 'builder' : user.startsWith('carol') ? 'singer' : 'wonderland',
      host: 'mail.example.com',
      port,
      connector: new VirtualConnector(network, { origin: 'client', from: { address: `203.0.113.${host++}`, name } }),
      now: scheduler.clock,
    }),
    run: async (work) => {
      await network.settle();
      return work;
    },
  };
}
