import type { SmtpCommand } from '../command.ts';
import { DataReader } from '../data.ts';
import { R354StartInput, R501Syntax, R503BadSequence } from '../replies.ts';

/**
 * RFC 5321 §4.1.1.4 DATA: 354, then the message until <CRLF>.<CRLF> (read by DataReader).
 * @rfc 5321#4.1.1.4
 * @rfc 3030#2 "If a DATA statement is issued after a BDAT for the current transaction, a 503
 * "Bad sequence of commands" MUST be issued."
 */
export const DATA: SmtpCommand = {
  verb: 'DATA',
  states: ['rcpt'],
  syntax: 'DATA',
  rfc: 'RFC 5321 §4.1.1.4',
  summary: 'send the message, ending with a line holding only "."',
  handle(s, args) {
    if (args) return s.send(R501Syntax('DATA (no arguments)'));
    if (s.tx?.bdat) return s.send(R503BadSequence('DATA and BDAT cannot be mixed in one transaction'));
    s.reader = new DataReader(s, s.lastLineEnding === 'crlf');
    s.send(R354StartInput);
    s.move('DATA');
  },
};
