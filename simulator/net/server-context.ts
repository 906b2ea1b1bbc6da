import type { EngineContext, Peer } from '../engine.ts';
import type { HostConfig } from '../world/host.ts';
import { portSpec } from '../world/ports.ts';
import { worldBackend } from '../world/world-backend.ts';
import type { World } from '../world/world.ts';

/**
 * What a transport hands a server engine for one connection: the engine's narrow context
 * (backend, host, peer), plus the world and the full host config for the engines that still
 * reach past the backend (SMTP and IMAP until they are converted: docs/engine-contract.md).
 */
export interface ServerContext extends EngineContext {
  world: World;
  host: HostConfig;
}

/**
 * The context for a connection from `peer` to `host`: the port table says the port's role (an
 * unknown port is submission when it is implicit TLS, else relay), and the world's DNS the IP
 * behind a virtual host name (for the Received header's TCP-info, RFC 5321 §4.4).
 */
export function serverContext(world: World, host: HostConfig, peer: Peer, sessionId: string): ServerContext {
  const role = portSpec(peer.localPort)?.role ?? (peer.implicitTls ? 'submission' : 'relay');
  const isIp = /^\d{1,3}(\.\d{1,3}){3}$/.test(peer.address) || peer.address.includes(':');
  const ip = isIp ? undefined : world.dns.a(peer.address)[0];
  return { world, host, peer: ip === undefined ? peer : { ...peer, ip }, role, sessionId, backend: worldBackend(world) };
}
