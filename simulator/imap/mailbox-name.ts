/** Checks on names a client wants to give a mailbox (RFC 9051 §5.1). */
import { no, Code, type TaggedResult } from './responses.ts';

/**
 * @rfc 9051#5.1 "the list-wildcard characters ("%" and "*") ... SHOULD NOT be used in mailbox
 * names": LIST could never name such a mailbox alone. Null when the name is acceptable.
 */
export function newNameProblem(name: string): TaggedResult | null {
  if (/[%*]/.test(name)) return no(`"${name}" contains a LIST wildcard (% or *), which a mailbox name must not`, Code.CANNOT);
  return null;
}
