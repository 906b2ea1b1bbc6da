/**
 * The one place the site decides which network the terminal talks to: the virtual network of
 * ./virtual-connector.ts, with the engines running in the page. The island loads this module
 * lazily, with xterm.js, so the engines never weigh on the first paint.
 */
import type { Connector, Transport, TransportEvent, TransportHandler } from '../../simulator/transport.ts';
import type { World } from '../../simulator/world/world.ts';
import { createVirtualConnector } from './virtual-connector.ts';

export function createConnector(): Connector {
  return createVirtualConnector();
}

/** A host `/hosts` lists: its name, the domains it serves and its open ports. */
export interface HostListing {
  name: string;
  domains: string[];
  ports: number[];
}

/** A connector that can say which hosts it reaches (optional: not every network knows). */
export interface HostDirectory {
  hosts(): HostListing[];
}

function hasHostDirectory(c: Connector): c is Connector & HostDirectory {
  return typeof (c as Partial<HostDirectory>).hosts === 'function';
}

/** The virtual world behind a connector: its own `world`, or its network's (VirtualConnector). */
function worldOf(c: Connector): World | null {
  const candidates = [(c as { world?: unknown }).world, (c as { network?: { world?: unknown } }).network?.world];
  for (const w of candidates) {
    if (typeof w === 'object' && w !== null && Array.isArray((w as Partial<World>).hosts)) return w as World;
  }
  return null;
}

/** The hosts a connector reaches: from its own directory, or from the virtual world it runs. */
export function hostsOf(connector: Connector): HostListing[] {
  if (hasHostDirectory(connector)) return connector.hosts();
  const world = worldOf(connector);
  return world ? world.hosts.map((h) => ({ name: h.name, domains: [...h.domains], ports: h.ports.map((p) => p.port) })) : [];
}

/**
 * Delivers events after the caller has had the chance to register (handlers are added after
 * `connect()` returns), in order, and holds them until the first handler arrives.
 */
export class EventQueue {
  readonly #handlers = new Set<TransportHandler>();
  readonly #pending: TransportEvent[] = [];
  #scheduled = false;

  on(handler: TransportHandler): () => void {
    this.#handlers.add(handler);
    this.#schedule();
    return () => this.#handlers.delete(handler);
  }

  emit(event: TransportEvent): void {
    this.#pending.push(event);
    this.#schedule();
  }

  #schedule(): void {
    if (this.#scheduled || this.#pending.length === 0 || this.#handlers.size === 0) return;
    this.#scheduled = true;
    queueMicrotask(() => {
      this.#scheduled = false;
      while (this.#pending.length > 0 && this.#handlers.size > 0) {
        const event = this.#pending.shift();
        if (event) for (const h of [...this.#handlers]) h(event);
      }
    });
  }
}

/** What a client sees when nothing listens: the connection is refused, then it is closed. */
class RefusedTransport implements Transport {
  readonly tls = null;
  readonly #events = new EventQueue();

  constructor(readonly label: string) {
    this.#events.emit({ type: 'error', code: 'REFUSED', message: 'connection refused' });
    this.#events.emit({ type: 'closed', by: 'server', reason: 'connection refused' });
  }

  send(): void {
    // Never connected: there is nobody to send to.
  }
  startTls(): void {}
  close(): void {}
  on(handler: TransportHandler): () => void {
    return this.#events.on(handler);
  }
}

/** The network before any server runs: every connection is refused, as on a host with no listener. */
export class RefusingConnector implements Connector {
  connect(host: string, port: number): Transport {
    return new RefusedTransport(`${host}:${port}`);
  }
}
