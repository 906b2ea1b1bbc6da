/** Message flags as IMAP shows them (RFC 9051 §2.3.2). */
import { SYSTEM_FLAGS } from '../store/types.ts';

/** RFC 9051 §7.3.5 FLAGS: the flags this server's mailboxes know. */
export const MAILBOX_FLAGS: readonly string[] = [...SYSTEM_FLAGS];

/**
 * RFC 9051 §7.1 PERMANENTFLAGS: "\*" says clients may create new keywords
 * (any atom that does not start with a backslash, §2.3.2).
 */
export const PERMANENT_FLAGS: readonly string[] = [...SYSTEM_FLAGS, '\\*'];

/** `(\Seen \Flagged)`: a flag list in the order the flags were set. */
export function flagList(flags: Iterable<string>): string {
  return `(${[...flags].join(' ')})`;
}

/**
 * Why a flag from STORE or APPEND cannot be stored, or null if it can. \Recent is
 * server-maintained (RFC 3501 §2.3.2: "this flag can not be altered by the client"), and any
 * other backslash flag is not a system flag of RFC 9051 §2.3.2.
 */
export function flagProblem(flag: string): string | null {
  if (!flag.startsWith('\\')) return null;
  if ((SYSTEM_FLAGS as readonly string[]).includes(flag)) return null;
  if (flag.toLowerCase() === '\\recent') return '\\Recent is set by the server and cannot be stored';
  return `${flag} is not a system flag`;
}

/**
 * RFC 9051 §7.3.5 FLAGS: the system flags plus the keywords messages of this mailbox carry
 * (Dovecot and Cyrus list keywords in use, so clients can offer them).
 */
export function flagsInUse(messages: Iterable<{ flags: ReadonlySet<string> }>): string[] {
  const keywords = new Set<string>();
  for (const m of messages) for (const f of m.flags) if (!f.startsWith('\\')) keywords.add(f);
  return [...MAILBOX_FLAGS, ...[...keywords].sort()];
}
