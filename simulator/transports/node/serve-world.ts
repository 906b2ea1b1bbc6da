/** The world `npm run serve` serves: the default world, plus the domain and users asked for. */
import { DEFAULT_SETTINGS, type HostConfig } from '../../world/host.ts';
import { MAIL_PORTS } from '../../world/ports.ts';
import { defaultWorld, hostForDomain, type World } from '../../world/world.ts';

export interface UserSpec {
  /** A full address, or a local part in the served domain. */
  name: string;
  password: string;
}

export interface WorldOptions {
  /** The domain served; its host answers on every listener. Default example.com. */
  domain?: string;
  users?: readonly UserSpec[];
  /** Allow AUTH/LOGIN/USER before TLS (the host setting; RFC 8314 §4 says don't). */
  plaintextAuth?: boolean;
  /** Start from this world instead of the default one. */
  world?: World;
  now: number;
}

export function prepareWorld(options: WorldOptions): { world: World; host: HostConfig } {
  const world = options.world ?? defaultWorld(options.now);
  const domain = (options.domain ?? 'example.com').toLowerCase();
  const host = hostForDomain(world, domain) ?? addHost(world, domain);
  for (const user of options.users ?? []) addUser(world, host, user, domain);
  if (options.plaintextAuth) host.settings.plaintextAuth = true;
  return { world, host };
}

/** A new host `mail.<domain>` on every mail port, with the A and MX records that find it. */
function addHost(world: World, domain: string): HostConfig {
  const host: HostConfig = {
    name: `mail.${domain}`,
    // RFC 5737 TEST-NET-3, numbered after the hosts already there.
    address: `203.0.113.${10 + world.hosts.length}`,
    domains: [domain],
    ports: [...MAIL_PORTS],
    settings: structuredClone(DEFAULT_SETTINGS),
  };
  world.hosts.push(host);
  world.dns.records.push({ type: 'A', name: host.name, address: host.address });
  world.dns.records.push({ type: 'MX', name: domain, preference: 10, exchange: host.name });
  return host;
}

function addUser(world: World, host: HostConfig, user: UserSpec, domain: string): void {
  const address = (user.name.includes('@') ? user.name : `${user.name}@${domain}`).toLowerCase();
  const userDomain = address.slice(address.lastIndexOf('@') + 1);
  if (!hostForDomain(world, userDomain)) {
    host.domains.push(userDomain);
    world.dns.records.push({ type: 'MX', name: userDomain, preference: 10, exchange: host.name });
  }
  const existing = world.store.account(address);
  if (existing) existing.password = user.password;
  else world.store.addAccount(address, user.password);
}
