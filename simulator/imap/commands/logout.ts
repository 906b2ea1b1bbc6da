import { rfc } from '../../fsm.ts';
import type { ImapCommandSpec } from './command.ts';
import type { Cmd } from '../parse/ast.ts';
import { noArgs } from '../parse/no-args.ts';
import { close, done, enter, untagged } from '../effects.ts';
import { ok } from '../responses.ts';

export type LogoutCommand = Cmd<'LOGOUT'>;

/**
 * @rfc 9051#6.1.3 LOGOUT: "The server MUST send a BYE untagged response before the (tagged) OK
 * response, and then close the network connection."
 */
export const LOGOUT: ImapCommandSpec<LogoutCommand> = {
  name: 'LOGOUT',
  verb: 'LOGOUT',
  order: 30,
  states: ['not-authenticated', 'authenticated', 'selected'], // RFC 9051 §6.1 any state
  summary: 'Say goodbye and close the connection',
  syntax: 'LOGOUT',
  rfc: rfc(9051, '6.1.3'),
  parse: noArgs('LOGOUT'),
  handle(s) {
    s.dropView();
    return [untagged('BYE Mailwire IMAP server logging out'), enter('LOGOUT'), done(ok('LOGOUT completed')), close()];
  },
};
