import { ehloKeywords } from '../capabilities.ts';
import { rfc } from '../../fsm.ts';
import { reply, enter, protocolError } from '../effects.ts';
import type { SmtpCommand } from '../command.ts';
import { R250Hello } from '../replies.ts';
import { COMMAND_STATES } from '../state.ts';

export const EHLO_SYNTAX = 'EHLO domain (or an address literal such as [192.0.2.1])';

/**
 * RFC 5321 §4.1.1.1 EHLO: the client names itself and learns the extensions.
 * @rfc 5321#4.1.4 a later EHLO MUST "reset the state exactly as if a RSET command had been issued".
 * The argument is not checked against the client's address: "the SMTP server MUST NOT refuse to
 * accept a message on that basis" (§4.1.4).
 */
export const EHLO: SmtpCommand = {
  verb: 'EHLO',
  order: 10,
  states: COMMAND_STATES,
  syntax: EHLO_SYNTAX,
  rfc: rfc(5321, '4.1.1.1'),
  summary: 'say hello and list the extensions this server offers',
  handle(s, args) {
    const name = args.trim();
    if (!name) return [protocolError({ kind: 'syntax', syntax: EHLO_SYNTAX })];
    s.resetTransaction();
    s.helo = { name, esmtp: true };
    return [reply(R250Hello([`${s.hostName} greets ${name}`, ...ehloKeywords(s)])), enter('EHLO')];
  },
};
