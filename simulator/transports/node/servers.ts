/**
 * `startServers`: the engines on real TCP ports over one shared World, for `npm run serve`, the
 * conformance tests and the benchmarks.
 */
import type { HostConfig } from '../../world/host.ts';
import { serverContext } from '../../net/server-context.ts';
import type { World } from '../../world/world.ts';
import { selfSignedCertificate } from './certificate.ts';
import { startMta } from './mta-runner.ts';
import { loadEngines, type EngineFactory } from './engines.ts';
import { prepareWorld, type UserSpec } from './serve-world.ts';
import { SERVICES, type Service, type ServiceName } from './services.ts';
import { listenTcp, type TcpListener, type TlsCredentials } from './tcp-server.ts';

export interface ServeOptions {
  /** Address to bind; default 127.0.0.1. */
  bind?: string;
  /** The services to run and their ports (0 = ephemeral). Absent: every service on its default port. */
  ports?: Partial<Record<ServiceName, number>>;
  domain?: string;
  users?: readonly UserSpec[];
  plaintextAuth?: boolean;
  /** Default: a self-signed certificate for the served host, made now. */
  tls?: TlsCredentials;
  /** Default: the default world (simulator/world/world.ts). */
  world?: World;
  /** Engine events, tagged with the session id (the CLI's --verbose log). */
  onEvent?: (sessionId: string, event: unknown) => void;
  /** An engine threw (a bug in our code): the connection is dropped and the error reported here. */
  onError?: (sessionId: string, error: unknown) => void;
  /** What the MTA did (relays, deferrals, bounces). */
  onMtaEvent?: (event: unknown) => void;
}

export interface RunningServers {
  /** The port each running service listens on. */
  ports: Partial<Record<ServiceName, number>>;
  bind: string;
  world: World;
  /** The virtual host every listener plays. */
  host: HostConfig;
  /** Services asked for whose engine could not be loaded, with the reason. */
  missing: Array<{ service: ServiceName; reason: string }>;
  /** Why mail for other virtual domains is not relayed, when the MTA could not start. */
  mtaError?: string;
  close(): Promise<void>;
}

export async function startServers(options: ServeOptions = {}): Promise<RunningServers> {
  const bind = options.bind ?? '127.0.0.1';
  const { world, host } = prepareWorld({ ...options, now: Date.now() });
  const wanted = wantedServices(options.ports);
  const engines = await loadEngines([...new Set(wanted.map(({ service }) => service.protocol))]);
  const tls = options.tls ?? selfSignedCertificate(host.name);
  const listeners: TcpListener[] = [];
  const mta = await startMta(world, options.onMtaEvent);
  const running: RunningServers = {
    ports: {},
    bind,
    world,
    host,
    missing: [],
    ...('error' in mta ? { mtaError: mta.error } : {}),
    close: async () => {
      if ('stop' in mta) mta.stop();
      await Promise.all(listeners.map((l) => l.close()));
    },
  };
  try {
    for (const { service, port } of wanted) {
      const engine = engines.get(service.protocol);
      if (!engine?.ok) {
        running.missing.push({ service: service.name, reason: engine?.reason ?? 'not loaded' });
        continue;
      }
      const listener = await listenService(service, port, engine.factory, { ...options, bind, tls, world, host });
      listeners.push(listener);
      running.ports[service.name] = listener.port;
    }
  } catch (error) {
    await running.close();
    throw error;
  }
  return running;
}

function wantedServices(ports: ServeOptions['ports']): Array<{ service: Service; port: number }> {
  if (!ports) return SERVICES.map((service) => ({ service, port: service.defaultPort }));
  return SERVICES.flatMap((service) => {
    const port = ports[service.name];
    return port === undefined ? [] : [{ service, port }];
  });
}

interface ListenContext {
  bind: string;
  tls: TlsCredentials;
  world: World;
  host: HostConfig;
  onEvent?: ServeOptions['onEvent'];
  onError?: ServeOptions['onError'];
}

function listenService(service: Service, port: number, factory: EngineFactory, ctx: ListenContext): Promise<TcpListener> {
  return listenTcp({
    bind: ctx.bind,
    port,
    virtualPort: service.virtualPort,
    implicitTls: service.implicitTls,
    tls: ctx.tls,
    label: service.name,
    makeEngine: (peer, sessionId) => factory(serverContext(ctx.world, ctx.host, peer, sessionId)),
    storeChanges: (listener) => ctx.world.store.subscribe(listener),
    onEvent: ctx.onEvent,
    onError: ctx.onError ?? ((sessionId, error) => console.error(`${sessionId}: engine error`, error)),
  });
}
