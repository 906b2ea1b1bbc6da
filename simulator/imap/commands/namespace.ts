import { rfc } from '../../fsm.ts';
import type { ImapCommandSpec } from './command.ts';
import type { Cmd } from '../parse/ast.ts';
import { noArgs } from '../parse/no-args.ts';
import { done, untagged } from '../effects.ts';
import { ok } from '../responses.ts';

export type NamespaceCommand = Cmd<'NAMESPACE'>;

/**
 * @rfc 2342#5 NAMESPACE (RFC 9051 §6.3.10): one personal namespace with the empty prefix and
 * the "/" delimiter; no other users' or shared namespaces.
 */
export const NAMESPACE: ImapCommandSpec<NamespaceCommand> = {
  name: 'NAMESPACE',
  verb: 'NAMESPACE',
  order: 180,
  states: ['authenticated', 'selected'], // RFC 9051 §6.3; §6.4: also valid in the selected state
  capability: 'NAMESPACE',
  summary: 'Show the mailbox name prefixes',
  syntax: 'NAMESPACE',
  rfc: rfc(9051, '6.3.10'),
  parse: noArgs('NAMESPACE'),
  handle() {
    return [untagged('NAMESPACE (("" "/")) NIL NIL'), done(ok('NAMESPACE completed'))];
  },
};
