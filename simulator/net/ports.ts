/**
 * The mail ports and what each is for. The IANA names and RFCs come from the registry rows in
 * content/rfc/ports.txt; 2525 has no IANA assignment for mail and is a common alternative
 * submission port where 587 is blocked.
 */

export type MailProtocol = 'smtp' | 'pop3' | 'imap';
export type TlsMode = 'none' | 'starttls' | 'implicit';
export type PortRole = 'relay' | 'submission' | 'access';

export interface PortSpec {
  port: number;
  protocol: MailProtocol;
  role: PortRole;
  /** How TLS starts: a STARTTLS/STLS command on a plaintext connection, or from the first byte. */
  tls: TlsMode;
  /** IANA service name, or null when the port is not registered for this use. */
  iana: string | null;
  rfc: string;
}

export const MAIL_PORTS: readonly PortSpec[] = [
  { port: 25, protocol: 'smtp', role: 'relay', tls: 'starttls', iana: 'smtp', rfc: 'RFC 5321' },
  { port: 465, protocol: 'smtp', role: 'submission', tls: 'implicit', iana: 'submissions', rfc: 'RFC 8314' },
  { port: 587, protocol: 'smtp', role: 'submission', tls: 'starttls', iana: 'submission', rfc: 'RFC 6409' },
  { port: 2525, protocol: 'smtp', role: 'submission', tls: 'starttls', iana: null, rfc: 'RFC 6409' },
  { port: 110, protocol: 'pop3', role: 'access', tls: 'starttls', iana: 'pop3', rfc: 'RFC 1939' },
  { port: 995, protocol: 'pop3', role: 'access', tls: 'implicit', iana: 'pop3s', rfc: 'RFC 8314' },
  { port: 143, protocol: 'imap', role: 'access', tls: 'starttls', iana: 'imap', rfc: 'RFC 9051' },
  { port: 993, protocol: 'imap', role: 'access', tls: 'implicit', iana: 'imaps', rfc: 'RFC 8314' },
];

export function portSpec(port: number): PortSpec | undefined {
  return MAIL_PORTS.find((p) => p.port === port);
}
