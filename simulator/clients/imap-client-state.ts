/**
 * The IMAP client's connection states and every transition between them in one table (the UI
 * draws the diagram from it). 'authenticated' covers the selected state too: what is selected
 * lives beside the state, as in RFC 9051 §3.
 */
import { clientTable, findTransition, rfc, type RfcSection } from '../fsm.ts';

export type ImapClientState =
  | 'greeting'
  | 'starttls'
  | 'tls-handshake'
  | 'capability'
  | 'login'
  | 'authenticated'
  | 'idle'
  | 'logout'
  | 'done';

export const IMAP_CLIENT_TRANSITIONS: Readonly<Record<ImapClientState, readonly ImapClientState[]>> = {
  // RFC 9051 §7.1.1: the greeting; its [CAPABILITY] code may save a CAPABILITY command.
  greeting: ['starttls', 'capability', 'login', 'logout', 'done'],
  // RFC 9051 §6.2.1: STARTTLS, the handshake, then the capabilities again.
  starttls: ['tls-handshake', 'login', 'logout', 'done'],
  'tls-handshake': ['capability', 'done'],
  capability: ['starttls', 'login', 'logout', 'done'],
  login: ['authenticated', 'capability', 'logout', 'done'],
  authenticated: ['idle', 'capability', 'logout', 'done'],
  // RFC 2177 §3: IDLE until the client sends DONE.
  idle: ['authenticated', 'logout', 'done'],
  logout: ['done'],
  done: [],
};

/** The section that defines what the client sent in each state (or, for the last two, the end). */
const RFC_OF: Record<ImapClientState, RfcSection> = {
  greeting: rfc(9051, '7.1.1'),
  starttls: rfc(9051, '6.2.1'),
  'tls-handshake': rfc(9051, '6.2.1'),
  capability: rfc(9051, '6.1.1'),
  login: rfc(9051, '6.2.3'),
  authenticated: rfc(9051, '3'),
  idle: rfc(2177, '3'),
  logout: rfc(9051, '6.1.3'),
  done: rfc(9051, '3'),
};

export const IMAP_CLIENT_TABLE = clientTable<ImapClientState>('IMAP client', 'greeting', IMAP_CLIENT_TRANSITIONS, RFC_OF);

export function canTransition(from: ImapClientState, to: ImapClientState): boolean {
  return findTransition(IMAP_CLIENT_TABLE, from, to) !== undefined;
}
