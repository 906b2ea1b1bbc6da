import type { CommandSpec } from './command.ts';
import { ok } from '../responses.ts';

/** @rfc 9051#6.4.2 UNSELECT: like CLOSE, but "no messages are removed" (RFC 3691). */
export const UNSELECT: CommandSpec<'UNSELECT'> = {
  name: 'UNSELECT',
  verb: 'UNSELECT',
  syntax: 'UNSELECT',
  rfc: '9051#6.4.2',
  handle(_cmd, s) {
    s.dropView();
    s.enter('UNSELECT');
    return ok('UNSELECT completed');
  },
};
