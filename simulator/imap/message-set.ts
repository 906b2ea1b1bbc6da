/** The messages a command names, and the UID sets of RFC 4315 response codes. */
import type { StoredMessage } from '../store/types.ts';
import type { SequenceSet } from './parse/ast.ts';
import { compactSequenceSet, formatSequenceSet } from './parse/sequence-set.ts';
import type { ImapProtocolError } from './protocol-error.ts';
import { Code, no, type TaggedResult } from './responses.ts';
import type { Session } from './session.ts';

/** The messages a COPY/MOVE/STORE/FETCH names, by sequence number or by UID; a bad sequence number is the client's error. */
export function pick(cmd: { uid: boolean; set: SequenceSet }, s: Session): StoredMessage[] | ImapProtocolError {
  if (cmd.uid) return s.selected.byUid(cmd.set);
  const resolved = s.selected.bySeq(cmd.set);
  return resolved.ok ? resolved.messages : { kind: 'argument', message: resolved.message };
}

/** RFC 4315 §3 `COPYUID uidvalidity source-uids destination-uids`, both in the same order. */
export function copyUid(uidValidity: number, pairs: ReadonlyArray<[number, number]>): string {
  const from = formatSequenceSet(compactSequenceSet(pairs.map(([a]) => a)));
  const to = formatSequenceSet(compactSequenceSet(pairs.map(([, b]) => b)));
  return `COPYUID ${uidValidity} ${from} ${to}`;
}

/**
 * RFC 5530 EXPUNGEISSUED: some named messages were expunged by another session and the client
 * has not been told yet (RFC 9051 §7.5.1 holds the EXPUNGE back). Null when all still exist.
 */
export function expungeIssued(messages: readonly StoredMessage[], s: Session): TaggedResult | null {
  if (messages.every((m) => s.selected.isLive(m))) return null;
  return no('Some of the messages were expunged by another session; NOOP will tell which', Code.EXPUNGEISSUED);
}
