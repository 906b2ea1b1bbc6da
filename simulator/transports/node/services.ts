/**
 * The services `npm run serve` can listen for, and the virtual mail port each one plays.
 * The engines pick their role from `Peer.localPort` (simulator/world/ports.ts); real sockets listen on
 * unprivileged ports, so a listener tells the engine the port it stands in for, not its own.
 */
import type { MailProtocol } from '../../world/ports.ts';

export type ServiceName = 'smtp' | 'submission' | 'submissions' | 'pop3' | 'pop3s' | 'imap' | 'imaps';

export interface Service {
  name: ServiceName;
  protocol: MailProtocol;
  /** The mail port whose role the engine plays (25, 587, 465, 110, 995, 143, 993). */
  virtualPort: number;
  /** The unprivileged port served when no port flag is given. */
  defaultPort: number;
  /** RFC 8314: TLS from the first byte instead of a STARTTLS/STLS command. */
  implicitTls: boolean;
}

export const SERVICES: readonly Service[] = [
  { name: 'smtp', protocol: 'smtp', virtualPort: 25, defaultPort: 2525, implicitTls: false },
  { name: 'submission', protocol: 'smtp', virtualPort: 587, defaultPort: 5587, implicitTls: false },
  { name: 'submissions', protocol: 'smtp', virtualPort: 465, defaultPort: 5465, implicitTls: true },
  { name: 'pop3', protocol: 'pop3', virtualPort: 110, defaultPort: 5110, implicitTls: false },
  { name: 'pop3s', protocol: 'pop3', virtualPort: 995, defaultPort: 5995, implicitTls: true },
  { name: 'imap', protocol: 'imap', virtualPort: 143, defaultPort: 5143, implicitTls: false },
  { name: 'imaps', protocol: 'imap', virtualPort: 993, defaultPort: 5993, implicitTls: true },
];

export function serviceByName(name: string): Service | undefined {
  return SERVICES.find((s) => s.name === name);
}
