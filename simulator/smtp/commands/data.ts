import { rfc } from '../../fsm.ts';
import { reply, enter, read, protocolError } from '../effects.ts';
import type { SmtpCommand } from '../command.ts';
import { DataReader } from '../data.ts';
import { R354StartInput } from '../replies.ts';

/**
 * RFC 5321 §4.1.1.4 DATA: 354, then the message until <CRLF>.<CRLF> (read by DataReader).
 * @rfc 5321#4.1.1.4
 * @rfc 3030#2 "If a DATA statement is issued after a BDAT for the current transaction, a 503
 * "Bad sequence of commands" MUST be issued."
 */
export const DATA: SmtpCommand = {
  verb: 'DATA',
  order: 70,
  states: ['rcpt'],
  syntax: 'DATA',
  rfc: rfc(5321, '4.1.1.4'),
  summary: 'send the message, ending with a line holding only "."',
  handle(s, args) {
    if (args) return [protocolError({ kind: 'syntax', syntax: 'DATA (no arguments)' })];
    if (s.tx?.bdat) return [protocolError({ kind: 'bad-sequence', why: 'DATA and BDAT cannot be mixed in one transaction' })];
    return [read(new DataReader(s, s.lastLineEnding === 'crlf')), reply(R354StartInput), enter('DATA')];
  },
};
