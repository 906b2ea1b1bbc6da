/**
 * What a POP3 command handler returns (simulator/command.ts): replies and effects, carried out in
 * order by the engine (server.ts `apply`). Handlers never write to the wire themselves.
 */
import type { Pop3ProtocolError } from './errors.ts';
import type { Pop3Reply } from './replies.ts';
import type { Pop3Trigger } from './state.ts';
import type { Pop3Event } from './events.ts';

export type Pop3Effect =
  /** A one-line status response (RFC 1939 §3). */
  | { type: 'reply'; reply: Pop3Reply }
  /** A status line, then the body byte-stuffed, then "." (RFC 1939 §3). */
  | { type: 'multi'; reply: Pop3Reply; body: Uint8Array }
  /** RFC 5034 §4: "an empty server challenge is defined as a line with only a "+", followed by a single space". */
  | { type: 'challenge' }
  /** A client's protocol error: the engine maps it to its -ERR (errors.ts) and counts it. */
  | { type: 'error'; error: Pop3ProtocolError }
  | { type: 'event'; event: Pop3Event }
  /** Move along the state table (state.ts). */
  | { type: 'enter'; on: Pop3Trigger }
  | { type: 'starttls' }
  | { type: 'close' };

export const reply = (r: Pop3Reply): Pop3Effect => ({ type: 'reply', reply: r });
export const multi = (r: Pop3Reply, body: Uint8Array): Pop3Effect => ({ type: 'multi', reply: r, body });
export const enter = (on: Pop3Trigger): Pop3Effect => ({ type: 'enter', on });
export const event = (e: Pop3Event): Pop3Effect => ({ type: 'event', event: e });
export const protocolError = (error: Pop3ProtocolError): Pop3Effect => ({ type: 'error', error });
