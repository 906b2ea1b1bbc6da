import { MailStore } from '../store/mail-store.ts';
import { Dns, type DnsRecord } from './dns.ts';
import { DEFAULT_SETTINGS, type HostConfig } from './host.ts';
import { MAIL_PORTS } from './ports.ts';
import type { QueuedMessage } from './queue.ts';
import { SEED_MESSAGES } from './seed-messages.ts';

/** Everything the simulator knows: the mail store, the hosts and the DNS that joins them. */
export interface World {
  store: MailStore;
  hosts: HostConfig[];
  dns: Dns;
  /** Mail accepted for other hosts, waiting for the MTA (simulator/mta/mta.ts). */
  queue: QueuedMessage[];
}

export function hostByName(world: World, name: string): HostConfig | undefined {
  const n = name.toLowerCase().replace(/\.$/, '');
  return world.hosts.find((h) => h.name === n) ?? world.hosts.find((h) => h.address === n);
}

/** The host whose domains include `domain` (where its users' mailboxes live). */
export function hostForDomain(world: World, domain: string): HostConfig | undefined {
  const d = domain.toLowerCase();
  return world.hosts.find((h) => h.domains.includes(d));
}

export const DEFAULT_USERS = [
  { address: 'alice@example.com', password: 'wonderland' },
  { address: 'bob@example.org', password: 'builder' },
  { address: 'carol@example.com', password: 'singer' },
] as const;

/**
 * The default virtual world documented in the README: example.com served by mail.example.com,
 * example.org by mail.example.org, each listening on every mail port.
 * `now` dates the seed messages; UIDVALIDITY values derive from it (seconds, as Dovecot does).
 */
export function defaultWorld(now: number): World {
  const store = new MailStore(Math.floor(now / 1000));
  const hosts: HostConfig[] = [
    { name: 'mail.example.com', address: '192.0.2.10', domains: ['example.com'], ports: [...MAIL_PORTS], settings: structuredClone(DEFAULT_SETTINGS) },
    { name: 'mail.example.org', address: '198.51.100.20', domains: ['example.org'], ports: [...MAIL_PORTS], settings: structuredClone(DEFAULT_SETTINGS) },
  ];
  const records: DnsRecord[] = [];
  for (const host of hosts) {
    records.push({ type: 'A', name: host.name, address: host.address });
    for (const domain of host.domains) records.push({ type: 'MX', name: domain, preference: 10, exchange: host.name });
  }
  for (const user of DEFAULT_USERS) store.addAccount(user.address, user.password);
  for (const seed of SEED_MESSAGES) {
    const result = store.append(seed.to, seed.mailbox, seed.raw, { flags: seed.flags, internalDate: now - seed.ageMinutes * 60_000 });
    if (!result.ok) throw new Error(`seed message for ${seed.to}: ${result.message}`);
  }
  return { store, hosts, dns: new Dns(records), queue: [] };
}
