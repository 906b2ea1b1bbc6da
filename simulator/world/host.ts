import type { HostSettings } from '../host-settings.ts';
import { arr, list, bool, int, obj, oneOf, str } from '../wire/json-read.ts';
import type { MailProtocol, PortRole, PortSpec, TlsMode } from './ports.ts';

export { DEFAULT_SETTINGS, isEnabled, type HostSettings } from '../host-settings.ts';

/** A virtual mail server: its name, the domains it is the mail host for, and its open ports. */
export interface HostConfig {
  /** The host name the greeting uses: `mail.example.com`. */
  name: string;
  /** Its virtual address in the simulated network (an A record points here). */
  address: string;
  /** Domains whose mail this host accepts and whose users log in here. */
  domains: string[];
  ports: PortSpec[];
  settings: HostSettings;
}

const PROTOCOLS = ['smtp', 'pop3', 'imap'] as const satisfies readonly MailProtocol[];
const ROLES = ['relay', 'submission', 'access'] as const satisfies readonly PortRole[];
const TLS_MODES = ['none', 'starttls', 'implicit'] as const satisfies readonly TlsMode[];

/** The hosts as saved: a copy, every field kept. */
export function serializeHosts(hosts: readonly HostConfig[]): HostConfig[] {
  return structuredClone(hosts) as HostConfig[];
}

/**
 * Saved hosts, checked; throws InvalidData naming the first fault. Hosts keep any fields a newer
 * HostConfig adds; the ones the engines rely on are checked. They are saved as they are (a clone).
 */
export function readHosts(data: unknown, at: string): HostConfig[] {
  return list(data, at, readHost);
}

function readHost(data: unknown, at: string): HostConfig {
  const o = obj(data, at);
  str(o.name, `${at}.name`);
  str(o.address, `${at}.address`);
  list(o.domains, `${at}.domains`, str);
  arr(o.ports, `${at}.ports`).forEach((p, i) => {
    const w = `${at}.ports[${i}]`;
    const po = obj(p, w);
    int(po.port, `${w}.port`, 1);
    oneOf(po.protocol, PROTOCOLS, `${w}.protocol`);
    oneOf(po.role, ROLES, `${w}.role`);
    oneOf(po.tls, TLS_MODES, `${w}.tls`);
    if (po.iana !== null) str(po.iana, `${w}.iana`);
    str(po.rfc, `${w}.rfc`);
  });
  const settings = obj(o.settings, `${at}.settings`);
  bool(settings.plaintextAuth, `${at}.settings.plaintextAuth`);
  if (settings.starttlsRequired !== undefined) bool(settings.starttlsRequired, `${at}.settings.starttlsRequired`);
  int(settings.maxMessageSize, `${at}.settings.maxMessageSize`, 0);
  list(settings.disabled, `${at}.settings.disabled`, str);
  return structuredClone(o) as unknown as HostConfig;
}
