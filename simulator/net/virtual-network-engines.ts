/**
 * The engines behind the virtual network's ports, and a network wired with them.
 *
 * In the page, time is real and the scheduler wraps the browser's timers, and randomness is a
 * seeded stream whose seed came from the system once (all outside simulator/):
 *
 *   const scheduler = { at: (t, task) => { const id = setTimeout(task, Math.max(0, t - Date.now())); return () => clearTimeout(id); } };
 *   const random = seededRandom(systemRandom().bytes(32));    // simulator/random.ts, transports/system-random.ts
 *   const network = createVirtualNetwork(world, { now: () => Date.now(), scheduler, random });
 *   const connector = new VirtualConnector(network);          // simulator/transports/virtual.ts
 *   autoRunMta(new Mta(network), network, showEvents);         // simulator/mta/mta-driver.ts
 *   network.subscribe(showWire);                               // every session, byte by byte
 */
import { ImapServer } from '../imap/server.ts';
import { Pop3Server } from '../pop3/server.ts';
import { SmtpServer } from '../smtp/server.ts';
import type { RandomSource } from '../random.ts';
import type { Scheduler } from './virtual-network-clock.ts';
import { VirtualNetwork, type EngineRegistry, type VirtualNetworkOptions } from './virtual-network.ts';
import type { World } from '../world/world.ts';

export const MAIL_ENGINES: EngineRegistry = { smtp: SmtpServer, pop3: Pop3Server, imap: ImapServer };

/** A virtual network whose hosts run the real protocol engines. */
export function createVirtualNetwork(world: World, options: { now: () => number; scheduler: Scheduler; random: RandomSource } & Partial<VirtualNetworkOptions>): VirtualNetwork {
  return new VirtualNetwork(world, { engines: MAIL_ENGINES, ...options });
}
