import type { CommandSpec } from './command.ts';
import { ok } from '../responses.ts';

/**
 * @rfc 9051#6.1.3 LOGOUT: "The server MUST send a BYE untagged response before the (tagged) OK
 * response, and then close the network connection."
 */
export const LOGOUT: CommandSpec<'LOGOUT'> = {
  name: 'LOGOUT',
  verb: 'LOGOUT',
  syntax: 'LOGOUT',
  rfc: '9051#6.1.3',
  handle(_cmd, s) {
    s.untagged('BYE Mailwire IMAP server logging out');
    s.dropView();
    s.enter('LOGOUT');
    return { ...ok('LOGOUT completed'), then: 'close' };
  },
};
