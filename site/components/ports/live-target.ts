/** Where a row's Open goes when the ports explorer's Live switch is on. */
import { portSpec } from '../../../simulator/world/ports.ts';

export interface LiveSettings {
  on: boolean;
  host: string;
  /** Empty: the row's own port. */
  port: string;
}

export interface LiveTarget {
  host: string;
  port: number;
  /** From the row, not the typed port: a server on 10993 plays the part of 993 (RFC 8314 §3). */
  implicitTls: boolean;
}

/** Where Open on the row for `rowPort` connects, or what the learner must fix first. */
export function liveTarget(settings: LiveSettings, rowPort: number): LiveTarget | { error: string } {
  const host = settings.host.trim();
  if (host === '' || /\s/.test(host)) return { error: 'Live is on: type the live host first (for example mail.example.net).' };
  const typed = settings.port.trim();
  if (typed !== '' && (!/^\d{1,5}$/.test(typed) || Number(typed) < 1 || Number(typed) > 65535)) {
    return { error: `"${typed}" is not a port number (1-65535); leave it empty to use the row's port.` };
  }
  return { host, port: typed === '' ? rowPort : Number(typed), implicitTls: portSpec(rowPort)?.tls === 'implicit' };
}
