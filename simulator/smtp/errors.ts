/**
 * An SMTP client's protocol errors as typed values, and the one place they become 500/501/502/503
 * replies (go-imap `readCommand`), saying what was expected (RFC 5321 §4.1.4 Order of Commands;
 * RFC 3030 §2 for BDAT; RFC 4954 §4 for AUTH).
 */
import { R500LineTooLong, R500NotUtf8, R500Unrecognized, R501Syntax, R502NotImplemented, R503BadSequence, type Reply } from './replies.ts';
import type { SmtpState } from './state.ts';

export type SmtpProtocolError =
  /** RFC 5321 §4.5.3.1.4: over 512 octets. */
  | { kind: 'line-too-long' }
  | { kind: 'not-utf8' }
  /** RFC 5321 §4.2.4: 500 for a verb we do not know, 502 for one we know of but do not offer. */
  | { kind: 'unrecognized'; verb: string }
  | { kind: 'not-implemented'; verb: string }
  /** 501: the arguments do not match the syntax. */
  | { kind: 'syntax'; syntax: string }
  /** 503: the command arrived in a state the table does not allow it in. */
  | { kind: 'out-of-sequence'; state: SmtpState; verb: string }
  /** 503 for a reason only the command knows ("already authenticated"). */
  | { kind: 'bad-sequence'; why: string };

export function errorReply(e: SmtpProtocolError): Reply {
  switch (e.kind) {
    case 'line-too-long':
      return R500LineTooLong;
    case 'not-utf8':
      return R500NotUtf8;
    case 'unrecognized':
      return R500Unrecognized;
    case 'not-implemented':
      return R502NotImplemented;
    case 'syntax':
      return R501Syntax(e.syntax);
    case 'out-of-sequence':
      return R503BadSequence(sequenceReason(e.state, e.verb));
    case 'bad-sequence':
      return R503BadSequence(e.why);
  }
}

function sequenceReason(state: SmtpState, verb: string): string {
  if (state === 'connected') return 'send EHLO or HELO first';
  switch (verb) {
    case 'MAIL':
      return 'nested MAIL command; a transaction is already open (RSET ends it)';
    case 'RCPT':
      return state === 'bdat' ? 'RCPT after BDAT; the message is already being sent' : 'need MAIL command';
    case 'DATA':
      if (state === 'bdat') return 'DATA and BDAT cannot be mixed in one transaction';
      return state === 'mail' ? 'need RCPT command' : 'need MAIL command';
    case 'BDAT':
      return state === 'mail' ? 'need RCPT command' : 'need MAIL command';
    case 'AUTH':
    case 'STARTTLS':
      return `${verb} is not allowed during a mail transaction (RSET ends it)`;
    default:
      return `${verb} is not allowed now`;
  }
}
