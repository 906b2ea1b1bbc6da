import type { CommandSpec } from './command.ts';
import { ok } from '../responses.ts';

/** @rfc 3501#6.4.1 CHECK: a checkpoint; RFC 9051 removed it, but rev1 clients still send it. */
export const CHECK: CommandSpec<'CHECK'> = {
  name: 'CHECK',
  verb: 'CHECK',
  syntax: 'CHECK',
  rfc: '3501#6.4.1',
  handle() {
    return ok('CHECK completed');
  },
};
