/** Builds knowledge-base entries with less noise in the data files. */
import type { EntryKind, Explanation, Protocol, RfcRef } from './types.ts';

type Extra = Pick<Explanation, 'syntax' | 'example' | 'states'>;

/** An entry builder bound to one protocol and kind: `code('250', title, meaning, ref(5321, '4.2.2'))`. */
export function entries(protocol: Protocol, kind: EntryKind) {
  return (token: string, title: string, meaning: string, rfc: RfcRef, extra: Extra = {}): Explanation => ({
    protocol,
    kind,
    token,
    title,
    meaning,
    rfc,
    ...extra,
  });
}
