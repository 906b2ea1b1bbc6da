// engines-no-world: an engine reaching for the World.
import { world } from '../world/world.ts';

export const hosts = world.hosts;
