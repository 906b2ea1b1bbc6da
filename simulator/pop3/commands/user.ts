import { R } from '../replies.ts';
import { reply } from '../effects.ts';
import { rfc } from '../../fsm.ts';
import type { Pop3Command } from './command.ts';

/**
 * @rfc 1939#7 USER name. The reply is +OK whether or not the name exists: @rfc 1939#13 "Servers
 * that answer -ERR to the USER command are giving potential attackers clues about which names
 * are valid." The verdict comes at PASS, the same for a wrong name and a wrong password.
 */
export const USER: Pop3Command = {
  verb: 'USER',
  order: 30,
  states: ['AUTHORIZATION'],
  syntax: 'USER name',
  rfc: rfc(1939, '7'),
  args: { min: 1, max: 1 },
  summary: 'Say whose maildrop to open; PASS follows',
  capability: 'USER',
  handle(s, [name]) {
    if (!s.plaintextAllowed) return [reply(R.plaintextRefused)];
    s.pendingUser = name ?? '';
    return [reply(R.userAccepted)];
  },
};
