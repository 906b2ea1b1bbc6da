import { rfc } from '../../fsm.ts';
import { COMMAND_STATES } from '../state.ts';
import type { ImapCommandSpec } from './command.ts';
import { done, untagged } from '../effects.ts';
import { ok } from '../responses.ts';

/**
 * @rfc 2342#5 NAMESPACE (RFC 9051 §6.3.10): one personal namespace with the empty prefix and
 * the "/" delimiter; no other users' or shared namespaces.
 */
export const NAMESPACE: ImapCommandSpec<'NAMESPACE'> = {
  name: 'NAMESPACE',
  verb: 'NAMESPACE',
  states: COMMAND_STATES.NAMESPACE,
  capability: 'NAMESPACE',
  summary: 'Show the mailbox name prefixes',
  syntax: 'NAMESPACE',
  rfc: rfc(9051, '6.3.10'),
  handle() {
    return [untagged('NAMESPACE (("" "/")) NIL NIL'), done(ok('NAMESPACE completed'))];
  },
};
