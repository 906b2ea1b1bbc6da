import type { PortSpec } from './ports.ts';

/** A server's behaviour switches, as an admin would set them in its config. */
export interface HostSettings {
  /**
   * Allow AUTH/LOGIN/USER/PASS on a connection that is not TLS. Off by default, as RFC 8314 §4
   * and RFC 2595 §3.2 recommend; on, to show what an eavesdropper sees.
   */
  plaintextAuth: boolean;
  /**
   * SMTP only: refuse MAIL until STARTTLS has run, on every SMTP port (Postfix
   * smtpd_tls_security_level=encrypt). RFC 3207 §4 allows it with "530 5.7.0 Must issue a STARTTLS
   * command first", but says a publicly-referenced MX "MUST NOT require" it: the switch shows why.
   * Optional so worlds saved before it existed still load.
   */
  starttlsRequired?: boolean;
  /** RFC 1870 SIZE: the largest message accepted, in octets. */
  maxMessageSize: number;
  /** Capabilities switched off on this host, by their wire name (`PIPELINING`, `IDLE`, `STLS` …). */
  disabled: string[];
}

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

export const DEFAULT_SETTINGS: HostSettings = {
  plaintextAuth: false,
  starttlsRequired: false,
  maxMessageSize: 10 * 1024 * 1024,
  disabled: [],
};

export function isEnabled(host: HostConfig, capability: string): boolean {
  return !host.settings.disabled.includes(capability.toUpperCase());
}
