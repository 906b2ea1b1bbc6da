/** The POP3 engine's public types: its events, its options and the command registry's shape. */
import type { Command } from '../command.ts';
import type { EngineEvent } from '../engine.ts';
import type { Pop3Effect } from './effects.ts';
import type { Pop3Session } from './session.ts';
import type { Pop3State } from './state.ts';

/** What a POP3 session tells the UI, besides the shared state/auth/tls events. */
export type Pop3Event =
  | EngineEvent
  /** RFC 1939 §6: the UPDATE state removed these messages (store UIDs) from the INBOX. */
  | { kind: 'update'; account: string; expunged: number[]; seen: number[] }
  /** The maildrop snapshot a login took (RFC 1939 §5 message numbers refer to it). */
  | { kind: 'maildrop'; account: string; messages: number; octets: number };

/** Server policy that is POP3's alone (the host's shared switches live in HostSettings). */
export interface Pop3Options {
  /** RFC 2449 §6.5 LOGIN-DELAY: seconds between logins of one user; 0 announces and enforces none. */
  loginDelay: number;
  /** RFC 2449 §6.7 EXPIRE: days mail is kept on the server, or NEVER. */
  expire: number | 'NEVER';
  /** RFC 1939 §3 autologout after this long idle (ms); "MUST be of at least 10 minutes". 0: never. */
  autologoutMs: number;
  /** Bad commands (unknown, syntax, wrong state) before the server gives up on the client. */
  maxErrors: number;
  /** Failed logins before the server closes the connection. */
  maxAuthFailures: number;
  /** RFC 2449 §6.9 IMPLEMENTATION. */
  implementation: string;
}

export const DEFAULT_POP3_OPTIONS: Pop3Options = {
  loginDelay: 0,
  expire: 'NEVER',
  autologoutMs: 10 * 60_000,
  maxErrors: 10,
  maxAuthFailures: 3,
  implementation: 'Mailwire',
};

/** How a command's arguments are split (RFC 1939 §3: keyword, then arguments separated by SP). */
export interface ArgSpec {
  min: number;
  max: number;
  /** The whole rest of the line is one argument (RFC 1939 §7: a PASS may contain spaces). */
  rest?: boolean;
  /** Arguments longer than 40 octets are allowed (RFC 5034 §4: the initial response is bounded by the line only). */
  long?: boolean;
}

/**
 * One command file's export (simulator/command.ts): its spec, how its arguments split, and the
 * handler that returns its replies and effects.
 */
export interface Pop3Command extends Command<Pop3State, Pop3Session, readonly string[], Pop3Effect> {
  args: ArgSpec;
}
