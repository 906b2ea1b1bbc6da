/**
 * What each mail port is for, from the RFCs and the IANA registry rows copied in
 * content/rfc/ports.txt (IANA service-names-port-numbers.csv). The virtual hosts' own table
 * is simulator/net/ports.ts (MAIL_PORTS); the test checks the two agree. 2525 and 26 have no
 * IANA assignment for mail: they are conventions of mail providers and hosts.
 */
import type { MailProtocol, PortRole, TlsMode } from '../../../simulator/net/ports.ts';

export interface IanaEntry {
  service: string;
  /** The registry's description column. */
  description: string;
  /** The registry's reference column. */
  references: string[];
}

export interface PortFacts {
  port: number;
  protocol: MailProtocol;
  role: PortRole;
  /** How TLS starts on the port as the RFCs define (or, off the registry, as providers run it). */
  tls: TlsMode;
  /** The RFC that defines how TLS starts there. */
  tlsRfc: string;
  /** The IANA registration for mail, or null: no mail service is registered there. */
  iana: IanaEntry | null;
  standard: boolean;
  /** Typical real-world status, in a sentence or two. */
  status: string;
}

/** The explorer's rows, in the order the issue lists them. */
export const PORT_FACTS: readonly PortFacts[] = [
  {
    port: 25, protocol: 'smtp', role: 'relay', tls: 'starttls', tlsRfc: 'RFC 3207',
    iana: { service: 'smtp', description: 'Simple Mail Transfer', references: ['RFC 5321'] }, standard: true,
    status: 'Server-to-server relay: MX delivery always uses 25, since an MX record names a host and no port (RFC 8314 §7.3). Many ISPs and cloud providers block outbound 25 because infected machines sent spam straight to MX hosts; users submit on 587 or 465 instead (RFC 6409 §1).',
  },
  {
    port: 465, protocol: 'smtp', role: 'submission', tls: 'implicit', tlsRfc: 'RFC 8314 §3.3',
    iana: { service: 'submissions', description: 'Message Submission over TLS protocol', references: ['RFC 8314'] }, standard: true,
    status: 'Submission with TLS from the first byte. Registered for this in 2018 (RFC 8314 §7.3); clients and servers SHOULD support it alongside 587 (§3.3).',
  },
  {
    port: 587, protocol: 'smtp', role: 'submission', tls: 'starttls', tlsRfc: 'RFC 3207',
    iana: { service: 'submission', description: 'Message Submission', references: ['RFC 6409'] }, standard: true,
    status: 'The submission port of RFC 6409 §3.1: AUTH, then STARTTLS-protected submission. Widely open where 25 is blocked.',
  },
  {
    port: 2525, protocol: 'smtp', role: 'submission', tls: 'starttls', tlsRfc: 'RFC 3207 (by convention)',
    iana: null, standard: false,
    status: 'Unofficial: no mail service is registered on it. Email-sending services and hosts offer it as a second submission port where 25 and 587 are blocked; it behaves like 587.',
  },
  {
    port: 26, protocol: 'smtp', role: 'submission', tls: 'starttls', tlsRfc: 'RFC 3207 (by convention)',
    iana: null, standard: false,
    status: 'Unofficial: no mail service is registered on it. Some shared-hosting providers open it as an extra SMTP port for customers whose network blocks 25. Most servers, and the virtual ones here, have nothing listening on it.',
  },
  {
    port: 110, protocol: 'pop3', role: 'access', tls: 'starttls', tlsRfc: 'RFC 2595 §4 (STLS)',
    iana: { service: 'pop3', description: 'Post Office Protocol - Version 3', references: [] }, standard: true,
    status: 'POP3 (RFC 1939), upgraded with STLS. RFC 8314 §4.1 asks providers to retire cleartext logins; many allow 110 only with STLS.',
  },
  {
    port: 995, protocol: 'pop3', role: 'access', tls: 'implicit', tlsRfc: 'RFC 8314 §3.1',
    iana: { service: 'pop3s', description: 'POP3 over TLS protocol', references: ['RFC 8314'] }, standard: true,
    status: 'POP3 with TLS from the first byte: the usual way to reach POP3 today (RFC 8314 §3.3 notes implicit TLS is more widely deployed for POP and IMAP).',
  },
  {
    port: 143, protocol: 'imap', role: 'access', tls: 'starttls', tlsRfc: 'RFC 9051 §6.2.1',
    iana: { service: 'imap', description: 'Internet Message Access Protocol', references: ['RFC 3501', 'RFC 9051'] }, standard: true,
    status: 'IMAP, upgraded with STARTTLS; servers announce LOGINDISABLED until TLS is on (RFC 9051 §6.2.3).',
  },
  {
    port: 993, protocol: 'imap', role: 'access', tls: 'implicit', tlsRfc: 'RFC 8314 §3.2',
    iana: { service: 'imaps', description: 'IMAP over TLS protocol', references: ['RFC 3501', 'RFC 8314', 'RFC 9051'] }, standard: true,
    status: 'IMAP with TLS from the first byte: what most mail apps are set up with. RFC 8314 §4 says providers SHOULD offer implicit TLS and advertise it first.',
  },
];

export const ROLE_TEXT: Record<PortRole, string> = {
  relay: 'relay (server to server)',
  submission: 'submission (your app sends)',
  access: 'access (your app reads)',
};

export const TLS_TEXT: Record<TlsMode, string> = {
  none: 'none',
  starttls: 'STARTTLS (upgrade)',
  implicit: 'implicit (from the first byte)',
};

/** Claims common in articles, checked against the RFCs. */
export interface Claim {
  claim: string;
  answer: string;
  /** Where the RFC says so: `RFC 8314 §3.3`. */
  cite: string[];
}

export const CLAIMS: readonly Claim[] = [
  {
    claim: '"Port 465 is deprecated."',
    answer: 'It was, briefly: 465 was registered as "smtps", then revoked. Since 2018 it is registered again as "submissions", submission over implicit TLS, and clients and servers SHOULD implement it together with STARTTLS on 587.',
    cite: ['RFC 8314 §7.3', 'RFC 8314 §3.3'],
  },
  {
    claim: '"Port 587 falls back to plaintext."',
    answer: 'A port does not fall back; a client does. A client that requires TLS (the default RFC 8314 asks for) stops when STARTTLS is missing or fails, and then 587 is as safe as 465: "there is no significant difference between the security properties of STARTTLS on port 587 and Implicit TLS on port 465" when both ends require TLS. An opportunistic client can be stripped: try it on the wire page.',
    cite: ['RFC 8314 §3.3', 'RFC 8314 §5.2'],
  },
  {
    claim: '"Use port 25 to send from your mail app."',
    answer: 'Port 25 is for relay between servers; mail apps submit on 587 or 465 with a password. Many networks block outbound 25 for exactly this reason.',
    cite: ['RFC 6409 §1', 'RFC 6409 §3.1'],
  },
  {
    claim: '"2525 (or 26) is an official alternative port."',
    answer: 'Neither is registered for mail in the IANA registry. They are provider conventions that happen to work like 587.',
    cite: ['IANA service names and port numbers'],
  },
];
