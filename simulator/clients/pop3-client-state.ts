/**
 * The POP3 client's states for one "check mail" run, and every transition between them in one
 * table (the UI draws the diagram from it). Each state but 'tls-handshake' and 'done' names the
 * command whose response the client is waiting for.
 */
import { clientTable, findTransition, rfc, type RfcSection } from '../fsm.ts';

export type Pop3ClientState =
  | 'greeting'
  | 'capa'
  | 'stls'
  | 'tls-handshake'
  | 'user'
  | 'pass'
  | 'auth'
  | 'uidl'
  | 'retr'
  | 'dele'
  | 'quit'
  | 'done';

export const POP3_CLIENT_TRANSITIONS: Readonly<Record<Pop3ClientState, readonly Pop3ClientState[]>> = {
  // RFC 1939 §4: the greeting; RFC 2449 §5: CAPA first, to learn STLS, UIDL and SASL.
  greeting: ['capa', 'quit', 'done'],
  capa: ['stls', 'user', 'auth', 'quit', 'done'],
  // RFC 2595 §4: STLS, then the handshake, then CAPA again (the old list is stale).
  stls: ['tls-handshake', 'user', 'auth', 'quit', 'done'],
  'tls-handshake': ['capa', 'done'],
  user: ['pass', 'quit', 'done'],
  pass: ['uidl', 'quit', 'done'],
  auth: ['uidl', 'quit', 'done'],
  uidl: ['retr', 'dele', 'quit', 'done'],
  retr: ['retr', 'dele', 'quit', 'done'],
  dele: ['dele', 'quit', 'done'],
  // RFC 1939 §6: QUIT's +OK is the moment the DELEs take effect (the UPDATE state).
  quit: ['done'],
  done: [],
};

/** The section that defines what the client sent in each state (or, for the last two, the end). */
const RFC_OF: Record<Pop3ClientState, RfcSection> = {
  greeting: rfc(1939, '4'),
  capa: rfc(2449, '5'),
  stls: rfc(2595, '4'),
  'tls-handshake': rfc(2595, '4'),
  user: rfc(1939, '7'),
  pass: rfc(1939, '7'),
  auth: rfc(5034, '4'),
  uidl: rfc(1939, '7'),
  retr: rfc(1939, '5'),
  dele: rfc(1939, '5'),
  quit: rfc(1939, '6'),
  done: rfc(1939, '6'),
};

export const POP3_CLIENT_TABLE = clientTable<Pop3ClientState>('POP3 client', 'greeting', POP3_CLIENT_TRANSITIONS, RFC_OF);

export function canTransition(from: Pop3ClientState, to: Pop3ClientState): boolean {
  return findTransition(POP3_CLIENT_TABLE, from, to) !== undefined;
}
