/**
 * Command lines (RFC 1939 §3): "a case-insensitive keyword, possibly followed by one or more
 * arguments", separated by single spaces, ended by CRLF.
 */
import type { Line } from '../wire/line-buffer.ts';
import { strictUtf8Text } from '../wire/bytes.ts';
import type { Pop3ProtocolError } from './errors.ts';
import type { ArgSpec } from './commands/command.ts';

/** RFC 2449 §4: "Servers which support the CAPA command MUST support commands up to 255 octets." */
export const MAX_COMMAND_LINE = 255;
/** RFC 1939 §3: "Each argument may be up to 40 characters long." */
export const MAX_ARGUMENT = 40;
/** RFC 5034 §4: SASL responses "may be of arbitrary length"; PLAIN's fit well within this. */
export const MAX_SASL_LINE = 4096;

export type Parsed = { ok: true; verb: string; rest: string } | { ok: false; error: Pop3ProtocolError };

/** The keyword (upper-cased) and the unparsed rest of the line. */
export function parseLine(line: Line): Parsed {
  if (line.overflow) return { ok: false, error: { kind: 'line-too-long' } };
  const text = strictUtf8Text(line.bytes);
  if (text === null) return { ok: false, error: { kind: 'not-utf8' } };
  if (text.trim() === '') return { ok: false, error: { kind: 'empty' } };
  const space = text.indexOf(' ');
  const verb = (space < 0 ? text : text.slice(0, space)).toUpperCase();
  return { ok: true, verb, rest: space < 0 ? '' : text.slice(space + 1) };
}

/**
 * Splits the arguments as `spec` says. Repeated or trailing spaces are tolerated (clients send
 * them), except in a whole-line argument such as a password, which is taken verbatim.
 */
export function splitArgs(rest: string, spec: ArgSpec): { ok: true; args: string[] } | { ok: false; why: 'count' | 'length' } {
  let args: string[];
  if (spec.rest) args = rest === '' ? [] : [rest];
  else args = rest.split(' ').filter((a) => a !== '');
  if (args.length < spec.min || args.length > spec.max) return { ok: false, why: 'count' };
  if (!spec.long && args.some((a) => a.length > MAX_ARGUMENT)) return { ok: false, why: 'length' };
  return { ok: true, args };
}
