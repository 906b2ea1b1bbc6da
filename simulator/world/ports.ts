/**
 * The mail ports, one record each: what the virtual hosts listen on, and every fact the site
 * states about a port (the ports explorer, the reference table, the tutorials all read this list,
 * so no two pages can describe a port two ways). IANA rows are those copied in
 * content/rfc/ports.txt from the Service Name and Transport Protocol Port Number Registry;
 * 2525 and 26 have no row for mail there (2525/tcp is IANA's `ms-v-worlds`, 26 is unassigned).
 */

export type MailProtocol = 'smtp' | 'pop3' | 'imap';
export type TlsMode = 'none' | 'starttls' | 'implicit';
export type PortRole = 'relay' | 'submission' | 'access';

/** What the engines need to know about a port a host listens on. */
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

/** A row of the IANA registry (content/rfc/ports.txt). */
export interface IanaEntry {
  service: string;
  /** The registry's description column. */
  description: string;
  /** The registry's reference column. */
  references: string[];
  /** The registry's Registration Date, or else its Modification Date, as printed there. */
  date: { kind: 'registered' | 'modified'; on: string } | null;
}

export interface PortFacts extends Omit<PortSpec, 'iana'> {
  /** The RFC (and section) that defines how TLS starts there. */
  tlsRfc: string;
  /** The IANA registration for mail, or null: no mail service is registered there. */
  iana: IanaEntry | null;
  /** What the registry says when it registers no mail service on the port. */
  ianaElse: string | null;
  /** Registered for mail in the IANA registry, by an RFC. */
  standard: boolean;
  /** The virtual hosts listen on it (26: nothing does). */
  listens: boolean;
  /** What the port is for, in one line (tables). */
  use: string;
  /** Typical real-world status, in a sentence or two (the explorer). */
  status: string;
}

/** The explorer's rows, in the order the issue lists them. */
export const PORT_FACTS: readonly PortFacts[] = [
  {
    port: 25, protocol: 'smtp', role: 'relay', tls: 'starttls', tlsRfc: 'RFC 3207', rfc: 'RFC 5321', listens: true, standard: true,
    iana: { service: 'smtp', description: 'Simple Mail Transfer', references: ['RFC 5321'], date: { kind: 'modified', on: '2017-06-05' } }, ianaElse: null,
    use: 'Relay: server to server, no login',
    status: 'Server-to-server relay: MX delivery always uses 25, since an MX record names a host and no port (RFC 8314 §7.3). Many ISPs and cloud providers block outbound 25 because infected machines sent spam straight to MX hosts; users submit on 587 or 465 instead (RFC 6409 §1).',
  },
  {
    port: 465, protocol: 'smtp', role: 'submission', tls: 'implicit', tlsRfc: 'RFC 8314 §3.3', rfc: 'RFC 8314 §7.3', listens: true, standard: true,
    iana: { service: 'submissions', description: 'Message Submission over TLS protocol', references: ['RFC 8314'], date: { kind: 'registered', on: '2017-12-12' } }, ianaElse: null,
    use: 'Submission from mail programs, with AUTH, TLS from the first byte',
    status: 'Submission with TLS from the first byte. Registered for this on 2017-12-12 (RFC 8314 §7.3); clients and servers SHOULD support it alongside 587 (§3.3).',
  },
  {
    port: 587, protocol: 'smtp', role: 'submission', tls: 'starttls', tlsRfc: 'RFC 3207', rfc: 'RFC 6409 §3.1', listens: true, standard: true,
    iana: { service: 'submission', description: 'Message Submission', references: ['RFC 6409'], date: { kind: 'modified', on: '2011-11-17' } }, ianaElse: null,
    use: 'Submission from mail programs, with AUTH after STARTTLS',
    status: 'The submission port of RFC 6409 §3.1: STARTTLS first (RFC 3207), then AUTH; these servers answer 530 5.7.0 to an AUTH before STARTTLS. Widely open where 25 is blocked.',
  },
  {
    port: 2525, protocol: 'smtp', role: 'submission', tls: 'starttls', tlsRfc: 'RFC 3207 (by convention)', rfc: 'none', listens: true, standard: false,
    iana: null, ianaElse: 'IANA assigns 2525/tcp to ms-v-worlds, not to mail',
    use: 'Unofficial alternative to 587 for submission, for networks that block outbound 25 and 587',
    status: 'Unofficial: no mail service is registered on it. Some providers and email-sending services offer it as an alternative to 587 for submission, for networks that block outbound 25 and 587; it works like 587 (STARTTLS, then AUTH).',
  },
  {
    port: 26, protocol: 'smtp', role: 'submission', tls: 'starttls', tlsRfc: 'RFC 3207 (by convention)', rfc: 'none', listens: false, standard: false,
    iana: null, ianaElse: 'unassigned in the IANA registry',
    use: 'Unofficial: some shared-hosting companies run SMTP on it too, for customers whose network blocks outbound 25',
    status: 'Unofficial: unassigned in the IANA registry. Some shared-hosting companies run their SMTP server on 26 as well as 25, for customers whose network blocks outbound 25. Most servers, and the virtual ones here, have nothing listening on it.',
  },
  {
    port: 110, protocol: 'pop3', role: 'access', tls: 'starttls', tlsRfc: 'RFC 2595 §4 (STLS)', rfc: 'RFC 1939', listens: true, standard: true,
    iana: { service: 'pop3', description: 'Post Office Protocol - Version 3', references: [], date: null }, ianaElse: null,
    use: 'Mail access: download, upgraded with STLS',
    status: 'POP3 (RFC 1939), upgraded with STLS. RFC 8314 §4.1 asks providers to retire cleartext logins; many allow 110 only with STLS.',
  },
  {
    port: 995, protocol: 'pop3', role: 'access', tls: 'implicit', tlsRfc: 'RFC 8314 §3.1', rfc: 'RFC 8314 §3.1', listens: true, standard: true,
    iana: { service: 'pop3s', description: 'POP3 over TLS protocol', references: ['RFC 8314'], date: { kind: 'modified', on: '2017-12-12' } }, ianaElse: null,
    use: 'Mail access: download, TLS from the first byte',
    status: 'POP3 with TLS from the first byte: the usual way to reach POP3 today (RFC 8314 §3.3 notes implicit TLS is more widely deployed for POP and IMAP).',
  },
  {
    port: 143, protocol: 'imap', role: 'access', tls: 'starttls', tlsRfc: 'RFC 9051 §6.2.1', rfc: 'RFC 9051', listens: true, standard: true,
    iana: { service: 'imap', description: 'Internet Message Access Protocol', references: ['RFC 3501', 'RFC 9051'], date: { kind: 'modified', on: '2021-02-22' } }, ianaElse: null,
    use: 'Mail access: folders on the server, upgraded with STARTTLS',
    status: 'IMAP, upgraded with STARTTLS; servers announce LOGINDISABLED until TLS is on (RFC 9051 §6.2.3).',
  },
  {
    port: 993, protocol: 'imap', role: 'access', tls: 'implicit', tlsRfc: 'RFC 8314 §3.2', rfc: 'RFC 8314 §3.2', listens: true, standard: true,
    iana: { service: 'imaps', description: 'IMAP over TLS protocol', references: ['RFC 3501', 'RFC 8314', 'RFC 9051'], date: { kind: 'modified', on: '2021-02-22' } }, ianaElse: null,
    use: 'Mail access: folders on the server, TLS from the first byte',
    status: 'IMAP with TLS from the first byte: what most mail apps are set up with. RFC 8314 §4 says providers SHOULD offer implicit TLS and advertise it first.',
  },
];

/** The ports every virtual host listens on (26 is not one of them). */
export const MAIL_PORTS: readonly PortSpec[] = PORT_FACTS.filter((f) => f.listens).map(({ port, protocol, role, tls, iana, rfc }) => ({
  port, protocol, role, tls, iana: iana?.service ?? null, rfc,
}));

/** The command that upgrades a plaintext connection to TLS: POP3's is STLS (RFC 2595 §4), SMTP's and IMAP's STARTTLS (RFC 3207 §4, RFC 9051 §6.2.1). */
export function upgradeVerb(protocol: MailProtocol): 'STARTTLS' | 'STLS' {
  return protocol === 'pop3' ? 'STLS' : 'STARTTLS';
}

/**
 * A port in one short line, for the lists a learner picks a port from: `25: SMTP relay (STARTTLS)`,
 * `2525: SMTP submission, unofficial (STARTTLS)`, `995: POP3 (implicit TLS)`. POP3 and IMAP are
 * only ever mailbox access, so their role goes unsaid.
 */
export function portLabel(p: PortSpec): string {
  const tls = p.tls === 'implicit' ? 'implicit TLS' : p.tls === 'starttls' ? upgradeVerb(p.protocol) : 'no TLS';
  const what = p.protocol === 'smtp' ? `SMTP ${p.role}${p.iana === null ? ', unofficial' : ''}` : p.protocol.toUpperCase();
  return `${p.port}: ${what} (${tls})`;
}

export function portSpec(port: number): PortSpec | undefined {
  return MAIL_PORTS.find((p) => p.port === port);
}

export function portFacts(port: number): PortFacts {
  const found = PORT_FACTS.find((f) => f.port === port);
  if (!found) throw new Error(`no facts for port ${port}`);
  return found;
}
