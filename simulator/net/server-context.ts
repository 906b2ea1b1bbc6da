import type { Peer } from '../engine.ts';
import type { HostConfig } from '../world/host.ts';
import type { World } from '../world/world.ts';

/** What a server engine is given for one connection: the world it serves, as which host, to whom. */
export interface ServerContext {
  world: World;
  host: HostConfig;
  peer: Peer;
  /** Unique per connection: tags the store changes this session makes, and holds its locks. */
  sessionId: string;
}
