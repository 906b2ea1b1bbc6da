import { rfc } from '../../fsm.ts';
import { reply } from '../effects.ts';
import type { SmtpCommand } from '../command.ts';
import { R250Ok } from '../replies.ts';
import { COMMAND_STATES } from '../state.ts';

/**
 * RFC 5321 §4.1.1.9 NOOP: "If a parameter string is specified, servers SHOULD ignore it."
 * @rfc 5321#4.1.1.9
 */
export const NOOP: SmtpCommand = {
  verb: 'NOOP',
  order: 100,
  states: COMMAND_STATES,
  syntax: 'NOOP [string]',
  rfc: rfc(5321, '4.1.1.9'),
  summary: 'do nothing; the server answers 250',
  handle(s) {
    return [reply(R250Ok)];
  },
};
