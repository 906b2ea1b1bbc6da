/**
 * The EHLO keywords, one typed list with the RFC per entry (emersion/go-imap `capability.go`).
 * Each honours the host's switches (`isEnabled`) and the connection's state (TLS, login).
 */
import { rfc, type RfcSection } from '../fsm.ts';
import type { SmtpSession } from './session.ts';

export interface SmtpCapability {
  keyword: string;
  rfc: RfcSection;
  summary: string;
  /** The parameter shown after the keyword (`SIZE 10485760`, `AUTH PLAIN LOGIN`). */
  param?: (session: SmtpSession) => string;
  /** Offered only when this holds, besides being enabled on the host. */
  when?: (session: SmtpSession) => boolean;
}

export const SASL_MECHANISMS = ['PLAIN', 'LOGIN'] as const;
export type SaslMechanismName = (typeof SASL_MECHANISMS)[number];

export const SMTP_CAPABILITIES: readonly SmtpCapability[] = [
  { keyword: 'PIPELINING', rfc: rfc(2920), summary: 'send several commands without waiting for each reply' },
  {
    keyword: 'SIZE',
    rfc: rfc(1870),
    summary: 'the largest message accepted, in octets; MAIL FROM may declare SIZE=',
    param: (s) => String(s.settings.maxMessageSize),
  },
  { keyword: '8BITMIME', rfc: rfc(6152), summary: 'message content may use 8-bit octets (BODY=8BITMIME)' },
  { keyword: 'ENHANCEDSTATUSCODES', rfc: rfc(2034), summary: 'replies carry RFC 3463 codes such as 5.1.1' },
  { keyword: 'SMTPUTF8', rfc: rfc(6531), summary: 'UTF-8 addresses and headers (MAIL FROM:<…> SMTPUTF8)' },
  { keyword: 'CHUNKING', rfc: rfc(3030), summary: 'BDAT sends the message in counted chunks, no dot-stuffing' },
  // RFC 3207 §4.2: "A server MUST NOT return the STARTTLS extension in response to an EHLO
  // command received after a TLS handshake has completed."
  { keyword: 'STARTTLS', rfc: rfc(3207), summary: 'upgrade this connection to TLS', when: (s) => !s.secure },
  {
    keyword: 'AUTH',
    rfc: rfc(4954),
    summary: 'log in with a SASL mechanism',
    param: () => SASL_MECHANISMS.join(' '),
    when: (s) => s.authAllowed,
  },
  // RFC 5321 §4.1.1.1: the EHLO reply "MUST contain keywords ... for all commands not listed as
  // 'required' in Section 4.5.1"; HELP is not on that list, so implementing it means naming it.
  { keyword: 'HELP', rfc: rfc(5321, '4.1.1.1'), summary: 'HELP lists the commands this server knows' },
];

export function isOffered(session: SmtpSession, keyword: string): boolean {
  const cap = SMTP_CAPABILITIES.find((c) => c.keyword === keyword);
  if (!cap || !session.offers(keyword)) return false;
  return cap.when ? cap.when(session) : true;
}

/** The lines after the first of the EHLO reply (RFC 5321 §4.1.1.1 ehlo-line). */
export function ehloKeywords(session: SmtpSession): string[] {
  return SMTP_CAPABILITIES.filter((c) => isOffered(session, c.keyword)).map((c) =>
    c.param ? `${c.keyword} ${c.param(session)}` : c.keyword,
  );
}

/** An extension the client may use: offered, and the session began with EHLO (RFC 5321 §2.2.1). */
export function isNegotiated(session: SmtpSession, keyword: string): boolean {
  return session.helo?.esmtp === true && isOffered(session, keyword);
}
