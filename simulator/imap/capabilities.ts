/**
 * The capabilities this server can advertise: one typed list with the RFC per entry
 * (emersion/go-imap capability.go). CAPABILITY, the greeting's [CAPABILITY ...] code and the
 * post-login [CAPABILITY ...] code are all derived from it, the session and the host settings.
 * Which command a capability announces is said by the command's own spec (`capability: 'IDLE'`,
 * simulator/command.ts), never here: a new command with a new capability touches only its file.
 */
import type { ServerHost } from '../engine.ts';
import { rfc, type RfcSection } from '../fsm.ts';
import { isEnabled } from '../host-settings.ts';

export interface CapabilityEntry {
  name: string;
  rfc: RfcSection;
  /** Shown only before authentication (STARTTLS, LOGINDISABLED, AUTH=…, SASL-IR). */
  preAuthOnly?: boolean;
  /**
   * Announced by a command (its spec's `capability`): offered only while a registered command
   * names it. Which command that is, the specs say.
   */
  command?: true;
}

export const CAPABILITIES: readonly CapabilityEntry[] = [
  { name: 'IMAP4rev2', rfc: rfc(9051) },
  { name: 'IMAP4rev1', rfc: rfc(9051, 'A') }, // Appendix A: a server may advertise both
  { name: 'STARTTLS', rfc: rfc(9051, '6.2.1'), preAuthOnly: true, command: true },
  { name: 'LOGINDISABLED', rfc: rfc(9051, '6.2.3'), preAuthOnly: true },
  { name: 'AUTH=PLAIN', rfc: rfc(4616), preAuthOnly: true },
  { name: 'SASL-IR', rfc: rfc(4959), preAuthOnly: true },
  { name: 'ENABLE', rfc: rfc(5161), command: true },
  { name: 'IDLE', rfc: rfc(2177), command: true },
  { name: 'MOVE', rfc: rfc(6851), command: true },
  { name: 'UIDPLUS', rfc: rfc(4315) },
  { name: 'NAMESPACE', rfc: rfc(2342), command: true },
  { name: 'ID', rfc: rfc(2971), command: true },
  { name: 'UNSELECT', rfc: rfc(3691), command: true },
  { name: 'CHILDREN', rfc: rfc(3348) },
  { name: 'LIST-EXTENDED', rfc: rfc(5258) },
  { name: 'LIST-STATUS', rfc: rfc(5819) },
  { name: 'SPECIAL-USE', rfc: rfc(6154) },
  { name: 'LITERAL+', rfc: rfc(7888) },
  { name: 'ESEARCH', rfc: rfc(4731) },
  { name: 'SEARCHRES', rfc: rfc(5182) },
  { name: 'STATUS=SIZE', rfc: rfc(8438) },
  { name: 'BINARY', rfc: rfc(3516) },
];

/** What the capability list depends on besides the host. */
export interface CapabilityInputs {
  host: ServerHost;
  /** The connection is TLS (after STARTTLS, or implicit on 993). */
  tls: boolean;
  authenticated: boolean;
  /** The capabilities the registered commands' specs announce: one whose command is missing is not offered. */
  announced: ReadonlySet<string>;
}

/** The host lets plaintext passwords through: over TLS, or when its settings allow cleartext. */
export function passwordsAllowed(inputs: { host: ServerHost; tls: boolean }): boolean {
  return inputs.tls || inputs.host.settings.plaintextAuth;
}

const LISTED = new Set(CAPABILITIES.map((c) => c.name));

/**
 * @rfc 9051#7.2.2 the capability names for this moment of the session, in the table's order;
 * a command's capability the table does not list comes after it.
 */
export function currentCapabilities(inputs: CapabilityInputs): string[] {
  const passwords = passwordsAllowed(inputs);
  const listed = CAPABILITIES.filter((c) => {
    if (!isEnabled(inputs.host, c.name)) return false;
    if (c.command && !inputs.announced.has(c.name)) return false;
    if (c.preAuthOnly && inputs.authenticated) return false;
    switch (c.name) {
      case 'STARTTLS':
        return !inputs.tls; // RFC 9051 §6.2.1: not after TLS is in place
      case 'LOGINDISABLED':
        return !passwords; // RFC 9051 §6.2.3 / RFC 2595 §3.2
      case 'AUTH=PLAIN':
      case 'SASL-IR':
        return passwords;
      default:
        return true;
    }
  }).map((c) => c.name);
  const unlisted = [...inputs.announced].filter((name) => !LISTED.has(name) && isEnabled(inputs.host, name));
  return unlisted.length ? [...listed, ...unlisted] : listed;
}

/** Is the command switched off on the host, because the capability its spec names is (`IDLE`, `MOVE`, …)? */
export function commandDisabled(host: ServerHost, spec: { readonly capability?: string }): boolean {
  return spec.capability !== undefined && !isEnabled(host, spec.capability);
}

/** RFC 5161 / RFC 9051 §6.3.1: the extensions ENABLE can switch on. */
export const ENABLEABLE = ['IMAP4REV2', 'UTF8=ACCEPT'] as const;
