/**
 * The ports explorer's wording: labels for roles and TLS modes, and the claims it checks. The
 * facts about each port are simulator/world/ports.ts (PORT_FACTS), the one list every page reads.
 */
import { portFacts, type PortRole, type TlsMode } from '../../../simulator/world/ports.ts';

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
    answer: `Neither is registered for mail in the IANA registry: ${portFacts(2525).ianaElse}, and 26 is ${portFacts(26).ianaElse}. 2525 is an ${portFacts(2525).use.charAt(0).toLowerCase()}${portFacts(2525).use.slice(1)}; it works like 587. 26 is ${portFacts(26).use.charAt(0).toLowerCase()}${portFacts(26).use.slice(1)}.`,
    cite: ['IANA service names and port numbers'],
  },
];
