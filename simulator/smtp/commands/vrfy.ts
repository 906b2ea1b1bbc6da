import type { SmtpCommand } from '../command.ts';
import { R252CannotVrfy, R501Syntax } from '../replies.ts';
import { COMMAND_STATES } from '../state.ts';

/**
 * RFC 5321 §3.5.3 VRFY: answering would let anyone harvest addresses (§7.3), so the server says
 * 252 "Cannot VRFY user, but will accept message and attempt delivery", as §3.5.3 allows.
 * @rfc 5321#3.5.3
 */
export const VRFY: SmtpCommand = {
  verb: 'VRFY',
  states: COMMAND_STATES,
  syntax: 'VRFY string',
  rfc: 'RFC 5321 §3.5.3',
  summary: 'ask whether an address exists (answered with 252: not disclosed)',
  handle(s, args) {
    if (!args.trim()) return s.send(R501Syntax('VRFY user-or-address'));
    s.send(R252CannotVrfy);
  },
};
