import type { SmtpCommand } from '../command.ts';
import { R250ResetOk, R501Syntax } from '../replies.ts';
import { COMMAND_STATES, isTransactionState } from '../state.ts';

/**
 * RFC 5321 §4.1.1.5 RSET: "any stored sender, recipients, and mail data MUST be discarded";
 * the EHLO and the login stay (a session is not a transaction).
 * @rfc 5321#4.1.1.5
 */
export const RSET: SmtpCommand = {
  verb: 'RSET',
  states: COMMAND_STATES,
  syntax: 'RSET',
  rfc: 'RFC 5321 §4.1.1.5',
  summary: 'abandon the current mail transaction',
  handle(s, args) {
    if (args) return s.send(R501Syntax('RSET (no arguments)'));
    s.resetTransaction();
    s.send(R250ResetOk);
    if (isTransactionState(s.state)) s.move('RSET');
  },
};
