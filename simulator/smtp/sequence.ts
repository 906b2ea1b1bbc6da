/**
 * The 503 a command gets when it arrives out of order, saying what was expected
 * (RFC 5321 §4.1.4 Order of Commands; RFC 3030 §2 for BDAT; RFC 4954 §4 for AUTH).
 */
import { R503BadSequence, type Reply } from './replies.ts';
import type { SmtpState } from './state.ts';

export function sequenceError(state: SmtpState, verb: string): Reply {
  if (state === 'connected') return R503BadSequence('send EHLO or HELO first');
  switch (verb) {
    case 'MAIL':
      return R503BadSequence('nested MAIL command; a transaction is already open (RSET ends it)');
    case 'RCPT':
      return state === 'bdat' ? R503BadSequence('RCPT after BDAT; the message is already being sent') : R503BadSequence('need MAIL command');
    case 'DATA':
      if (state === 'bdat') return R503BadSequence('DATA and BDAT cannot be mixed in one transaction');
      return R503BadSequence(state === 'mail' ? 'need RCPT command' : 'need MAIL command');
    case 'BDAT':
      return R503BadSequence(state === 'mail' ? 'need RCPT command' : 'need MAIL command');
    case 'AUTH':
    case 'STARTTLS':
      return R503BadSequence(`${verb} is not allowed during a mail transaction (RSET ends it)`);
    default:
      return R503BadSequence(`${verb} is not allowed now`);
  }
}
