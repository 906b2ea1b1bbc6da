import { rfc } from '../../fsm.ts';
import { reply, enter, protocolError } from '../effects.ts';
import type { SmtpCommand } from '../command.ts';
import { R250Hello } from '../replies.ts';
import { COMMAND_STATES } from '../state.ts';

/**
 * RFC 5321 §4.1.1.1 HELO: the pre-ESMTP hello. No extension may be used after it
 * (RFC 5321 §2.2.1: extensions are negotiated by EHLO only).
 * @rfc 5321#4.1.1.1
 */
export const HELO: SmtpCommand = {
  verb: 'HELO',
  order: 20,
  states: COMMAND_STATES,
  syntax: 'HELO domain',
  rfc: rfc(5321, '4.1.1.1'),
  summary: 'say hello without asking for extensions (plain SMTP)',
  handle(s, args) {
    const name = args.trim();
    if (!name) return [protocolError({ kind: 'syntax', syntax: 'HELO domain' })];
    s.resetTransaction();
    s.helo = { name, esmtp: false };
    return [reply(R250Hello([s.hostName])), enter('HELO')];
  },
};
