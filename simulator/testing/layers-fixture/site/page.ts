// site-through-entry-points: the first import goes round the entry point, the second through it.
import { world } from '../simulator/world/world.ts';
import { world as sameWorld } from '../simulator/world/index.ts';

export const title = `${world.hosts.length} ${sameWorld.hosts.length}`;
