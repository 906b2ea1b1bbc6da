/**
 * What an SMTP command handler (and a payload reader) returns (simulator/command.ts): replies and
 * effects, carried out in order by the engine (server.ts `apply`).
 */
import type { LineBuffer } from '../wire/line-buffer.ts';
import type { SmtpProtocolError } from './errors.ts';
import type { SmtpEvent } from './events.ts';
import type { Reply } from './replies.ts';
import type { SmtpInput } from './state.ts';

export type SmtpEffect =
  | { type: 'reply'; reply: Reply }
  /** A client's protocol error: mapped to its 500/501/502/503 in one place (errors.ts). */
  | { type: 'error'; error: SmtpProtocolError }
  | { type: 'event'; event: SmtpEvent }
  /** Move along the state table (state.ts). */
  | { type: 'enter'; on: SmtpInput }
  /** Hand the input to a payload reader (DATA, a BDAT chunk, a SASL exchange), or take it back (null). */
  | { type: 'read'; reader: InputReader | null }
  | { type: 'starttls' }
  | { type: 'close' };

/** Something that owns the input for a while: DATA content, a BDAT chunk, a SASL exchange. */
export interface InputReader {
  /** Consumes what it can: null when it must wait for more bytes, else what to do (maybe nothing). */
  read(input: LineBuffer, now: number): readonly SmtpEffect[] | null;
  /** Octets taken from the input and held until the reader is done (a DATA message, a BDAT chunk). */
  readonly held: number;
}

export const reply = (r: Reply): SmtpEffect => ({ type: 'reply', reply: r });
export const enter = (on: SmtpInput): SmtpEffect => ({ type: 'enter', on });
export const event = (e: SmtpEvent): SmtpEffect => ({ type: 'event', event: e });
export const read = (reader: InputReader | null): SmtpEffect => ({ type: 'read', reader });
export const protocolError = (error: SmtpProtocolError): SmtpEffect => ({ type: 'error', error });

/** A final reply, then close: QUIT's 221, or a 421 (RFC 5321 §3.8). */
export function closeWith(r: Reply): SmtpEffect[] {
  return [reply(r), enter(r.code === 221 ? 'QUIT' : '421'), { type: 'close' }];
}
