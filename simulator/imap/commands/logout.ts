import { rfc } from '../../fsm.ts';
import { COMMAND_STATES } from '../state.ts';
import type { ImapCommandSpec } from './command.ts';
import { close, done, enter, untagged } from '../effects.ts';
import { ok } from '../responses.ts';

/**
 * @rfc 9051#6.1.3 LOGOUT: "The server MUST send a BYE untagged response before the (tagged) OK
 * response, and then close the network connection."
 */
export const LOGOUT: ImapCommandSpec<'LOGOUT'> = {
  name: 'LOGOUT',
  verb: 'LOGOUT',
  states: COMMAND_STATES.LOGOUT,
  summary: 'Say goodbye and close the connection',
  syntax: 'LOGOUT',
  rfc: rfc(9051, '6.1.3'),
  handle(s) {
    s.dropView();
    return [untagged('BYE Mailwire IMAP server logging out'), enter('LOGOUT'), done(ok('LOGOUT completed')), close()];
  },
};
