import { serverContext, type ServerContext } from '../net/server-context.ts';
import { defaultWorld, hostByName, type World } from '../world/world.ts';
import { portSpec } from '../world/ports.ts';

let counter = 0;

/** A server context on a host of `world` (the default world if none), as a client on `port` sees it. */
export function testContext(hostName: string, port: number, world: World = defaultWorld(Date.UTC(2026, 10, 26, 8, 0, 0))): ServerContext {
  const host = hostByName(world, hostName);
  if (!host) throw new Error(`no host ${hostName}`);
  return serverContext(world, host, { address: '203.0.113.5', localPort: port, implicitTls: portSpec(port)?.tls === 'implicit' }, `test-${++counter}`);
}
