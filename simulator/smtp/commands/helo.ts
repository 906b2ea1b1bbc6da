import type { SmtpCommand } from '../command.ts';
import { R250Hello, R501Syntax } from '../replies.ts';
import { COMMAND_STATES } from '../state.ts';

/**
 * RFC 5321 §4.1.1.1 HELO: the pre-ESMTP hello. No extension may be used after it
 * (RFC 5321 §2.2.1: extensions are negotiated by EHLO only).
 * @rfc 5321#4.1.1.1
 */
export const HELO: SmtpCommand = {
  verb: 'HELO',
  states: COMMAND_STATES,
  syntax: 'HELO domain',
  rfc: 'RFC 5321 §4.1.1.1',
  summary: 'say hello without asking for extensions (plain SMTP)',
  handle(s, args) {
    const name = args.trim();
    if (!name) return s.send(R501Syntax('HELO domain'));
    s.resetTransaction();
    s.helo = { name, esmtp: false };
    s.send(R250Hello([s.hostName]));
    s.move('HELO');
  },
};
