import { rfc } from '../../fsm.ts';
import { closeWith } from '../effects.ts';
import type { SmtpCommand } from '../command.ts';
import { R221Bye } from '../replies.ts';
import { COMMAND_STATES } from '../state.ts';

/**
 * RFC 5321 §4.1.1.10 QUIT: "The receiver MUST send a "221 OK" reply, and then close the
 * transmission channel." An open transaction is abandoned.
 * @rfc 5321#4.1.1.10
 */
export const QUIT: SmtpCommand = {
  verb: 'QUIT',
  order: 130,
  states: COMMAND_STATES,
  syntax: 'QUIT',
  rfc: rfc(5321, '4.1.1.10'),
  summary: 'end the session',
  handle(s) {
    return closeWith(R221Bye(s.hostName));
  },
};
