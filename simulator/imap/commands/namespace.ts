import type { CommandSpec } from './command.ts';
import { ok } from '../responses.ts';

/**
 * @rfc 2342#5 NAMESPACE (RFC 9051 §6.3.10): one personal namespace with the empty prefix and
 * the "/" delimiter; no other users' or shared namespaces.
 */
export const NAMESPACE: CommandSpec<'NAMESPACE'> = {
  name: 'NAMESPACE',
  verb: 'NAMESPACE',
  syntax: 'NAMESPACE',
  rfc: '9051#6.3.10',
  handle(_cmd, s) {
    s.untagged('NAMESPACE (("" "/")) NIL NIL');
    return ok('NAMESPACE completed');
  },
};
