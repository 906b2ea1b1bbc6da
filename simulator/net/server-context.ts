import type { EngineContext, Peer } from '../engine.ts';
import type { HostConfig } from './host.ts';
import { worldBackend } from './world-backend.ts';
import type { World } from './world.ts';

/**
 * What a transport hands a server engine for one connection: the engine's narrow context
 * (backend, host, peer), plus the world and the full host config for the engines that still
 * reach past the backend (SMTP and IMAP until they are converted: docs/engine-contract.md).
 */
export interface ServerContext extends EngineContext {
  world: World;
  host: HostConfig;
}

export function serverContext(world: World, host: HostConfig, peer: Peer, sessionId: string): ServerContext {
  return { world, host, peer, sessionId, backend: worldBackend(world) };
}
