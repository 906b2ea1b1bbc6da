/**
 * Tagged results and their response codes (RFC 9051 §7.1, RFC 5530). A handler returns one in
 * a `done` effect (effects.ts); the server writes `tag STATUS [CODE] text`. A BAD is made only
 * from a typed protocol error (errors.ts).
 */
import type { StoreError } from '../store/types.ts';

export type Status = 'OK' | 'NO' | 'BAD';

export interface TaggedResult {
  status: Status;
  /** The response code without brackets: `TRYCREATE`, `APPENDUID 38505 3955`. */
  code?: string;
  text: string;
}

export function ok(text: string, code?: string): TaggedResult {
  return code === undefined ? { status: 'OK', text } : { status: 'OK', code, text };
}

export function no(text: string, code?: string): TaggedResult {
  return code === undefined ? { status: 'NO', text } : { status: 'NO', code, text };
}

export function bad(text: string, code?: string): TaggedResult {
  return code === undefined ? { status: 'BAD', text } : { status: 'BAD', code, text };
}

/** RFC 5530 §3 and RFC 9051 §7.1 response codes, by name. */
export const Code = {
  /** RFC 9051 §7.1: COPY/APPEND target does not exist but could be created. */
  TRYCREATE: 'TRYCREATE',
  NONEXISTENT: 'NONEXISTENT',
  ALREADYEXISTS: 'ALREADYEXISTS',
  CANNOT: 'CANNOT',
  AUTHENTICATIONFAILED: 'AUTHENTICATIONFAILED',
  PRIVACYREQUIRED: 'PRIVACYREQUIRED',
  OVERQUOTA: 'OVERQUOTA',
  LIMIT: 'LIMIT',
  INUSE: 'INUSE',
  CLIENTBUG: 'CLIENTBUG',
  EXPUNGEISSUED: 'EXPUNGEISSUED',
  BADCHARSET: 'BADCHARSET',
  READ_ONLY: 'READ-ONLY',
  READ_WRITE: 'READ-WRITE',
  /** RFC 9051 §7.1 CLOSED: the previous mailbox is closed by a new SELECT/EXAMINE. */
  CLOSED: 'CLOSED',
  NOPERM: 'NOPERM',
  UNAVAILABLE: 'UNAVAILABLE',
  SERVERBUG: 'SERVERBUG',
} as const;

/** A store refusal as a NO with the RFC 5530 code a client can act on. */
export function storeRefusal(error: StoreError, message: string): TaggedResult {
  switch (error) {
    case 'nonexistent':
      return no(message, Code.NONEXISTENT);
    case 'already-exists':
      return no(message, Code.ALREADYEXISTS);
    case 'quota':
      return no(message, Code.OVERQUOTA);
    case 'in-use':
      return no(message, Code.INUSE);
    case 'cannot':
      return no(message, Code.CANNOT);
  }
}

/** The tagged line's text: `a1 NO [TRYCREATE] no such mailbox`. */
export function taggedLine(tag: string, result: TaggedResult): string {
  const code = result.code ? `[${result.code}] ` : '';
  return `${tag} ${result.status} ${code}${result.text}`;
}
