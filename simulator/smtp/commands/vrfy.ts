import { rfc } from '../../fsm.ts';
import { reply, protocolError } from '../effects.ts';
import type { SmtpCommand } from '../command.ts';
import { R252CannotVrfy } from '../replies.ts';
import { COMMAND_STATES } from '../state.ts';

/**
 * RFC 5321 §3.5.3 VRFY: answering would let anyone harvest addresses (§7.3), so the server says
 * 252 "Cannot VRFY user, but will accept message and attempt delivery", as §3.5.3 allows.
 * @rfc 5321#3.5.3
 */
export const VRFY: SmtpCommand = {
  verb: 'VRFY',
  order: 110,
  states: COMMAND_STATES,
  syntax: 'VRFY string',
  rfc: rfc(5321, '3.5.3'),
  summary: 'ask whether an address exists (answered with 252: not disclosed)',
  handle(s, args) {
    if (!args.trim()) return [protocolError({ kind: 'syntax', syntax: 'VRFY user-or-address' })];
    return [reply(R252CannotVrfy)];
  },
};
