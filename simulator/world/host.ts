import type { HostSettings } from '../host-settings.ts';
import type { PortSpec } from './ports.ts';

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
