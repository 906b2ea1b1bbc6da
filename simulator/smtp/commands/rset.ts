import { rfc } from '../../fsm.ts';
import { reply, enter, protocolError } from '../effects.ts';
import type { SmtpCommand } from '../command.ts';
import { R250ResetOk } from '../replies.ts';
import { COMMAND_STATES, isTransactionState } from '../state.ts';

/**
 * RFC 5321 §4.1.1.5 RSET: "any stored sender, recipients, and mail data MUST be discarded";
 * the EHLO and the login stay (a session is not a transaction).
 * @rfc 5321#4.1.1.5
 */
export const RSET: SmtpCommand = {
  verb: 'RSET',
  order: 90,
  states: COMMAND_STATES,
  syntax: 'RSET',
  rfc: rfc(5321, '4.1.1.5'),
  summary: 'abandon the current mail transaction',
  handle(s, args) {
    if (args) return [protocolError({ kind: 'syntax', syntax: 'RSET (no arguments)' })];
    s.resetTransaction();
    return isTransactionState(s.state) ? [reply(R250ResetOk), enter('RSET')] : [reply(R250ResetOk)];
  },
};
