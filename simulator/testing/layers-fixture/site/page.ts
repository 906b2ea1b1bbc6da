// site-through-entry-points: seed-messages.ts is not named by world/index.ts, so importing it goes
// round the entry point; world.ts is named there (and is the real world/index.ts's), so it may be imported.
import { seeds } from '../simulator/world/seed-messages.ts';
import { world } from '../simulator/world/world.ts';
import { world as sameWorld } from '../simulator/world/index.ts';

export const title = `${seeds.length} ${world.hosts.length} ${sameWorld.hosts.length}`;
