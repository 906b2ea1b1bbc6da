/**
 * The CAPA list (RFC 2449 §5), one typed entry per capability with its RFC
 * (emersion/go-imap `capability.go`). What is announced is derived from the command registry,
 * the host's switches (`isEnabled`) and the session: STLS only before TLS, USER and SASL PLAIN
 * only where a password may be sent (RFC 2595 §9: PLAIN "MUST NOT be advertised" without TLS).
 */
import { rfc, type RfcSection } from '../fsm.ts';
import { isEnabled } from '../host-settings.ts';
import type { Pop3Session } from './session.ts';

export interface Pop3Capability {
  tag: string;
  rfc: RfcSection;
  /** The command the capability announces; absent from the registry means not announced. */
  command?: string;
  /** The rest of the CAPA line, or null when the capability is not offered to this session. */
  params(s: Pop3Session): string | null;
}

const always = (): string => '';

/** The SASL mechanisms this session may use now (none before TLS unless plaintext is allowed). */
export function saslMechanisms(s: Pop3Session): string[] {
  return s.plaintextAllowed ? ['PLAIN'] : [];
}

export const POP3_CAPABILITIES: readonly Pop3Capability[] = [
  { tag: 'TOP', rfc: rfc(2449, '6.1'), command: 'TOP', params: always },
  { tag: 'UIDL', rfc: rfc(2449, '6.8'), command: 'UIDL', params: always },
  { tag: 'USER', rfc: rfc(2449, '6.2'), command: 'USER', params: (s) => (s.plaintextAllowed ? '' : null) },
  {
    tag: 'SASL',
    rfc: rfc(2449, '6.3'),
    command: 'AUTH',
    params: (s) => {
      const mechanisms = saslMechanisms(s);
      return mechanisms.length ? mechanisms.join(' ') : null;
    },
  },
  { tag: 'RESP-CODES', rfc: rfc(2449, '6.4'), params: always },
  // RFC 2449 §6.5: the delay in seconds between logins (0: none).
  { tag: 'LOGIN-DELAY', rfc: rfc(2449, '6.5'), params: (s) => String(s.options.loginDelay) },
  { tag: 'PIPELINING', rfc: rfc(2449, '6.6'), params: always },
  // RFC 2449 §6.7: "Sites which permit users to retain messages indefinitely SHOULD announce this with the EXPIRE NEVER response."
  { tag: 'EXPIRE', rfc: rfc(2449, '6.7'), params: (s) => String(s.options.expire) },
  { tag: 'STLS', rfc: rfc(2595, '4'), command: 'STLS', params: (s) => (s.secure ? null : '') },
  { tag: 'IMPLEMENTATION', rfc: rfc(2449, '6.9'), params: (s) => s.options.implementation },
];

/** The CAPA lines for this session, in announcement order. */
export function capabilityLines(s: Pop3Session): string[] {
  const lines: string[] = [];
  for (const cap of POP3_CAPABILITIES) {
    if (cap.command && !s.commands.some((c) => c.verb === cap.command)) continue;
    if (!isEnabled(s.ctx.host, cap.tag)) continue;
    const params = cap.params(s);
    if (params === null) continue;
    lines.push(params ? `${cap.tag} ${params}` : cap.tag);
  }
  return lines;
}
