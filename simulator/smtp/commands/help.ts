import { citeRfc, rfc, type RfcSection } from '../../fsm.ts';
import { reply } from '../effects.ts';
import type { SmtpCommand } from '../command.ts';
import { R504UnknownHelpTopic } from '../replies.ts';
import { COMMAND_STATES } from '../state.ts';

/**
 * RFC 5321 §4.1.1.8 HELP, written from the command registry so it can never list a command the
 * server does not have.
 * @rfc 5321#4.1.1.8
 */
export const HELP: SmtpCommand = {
  verb: 'HELP',
  order: 120,
  states: COMMAND_STATES,
  syntax: 'HELP [command]',
  rfc: rfc(5321, '4.1.1.8'),
  summary: 'list the commands, or explain one',
  handle(s, args) {
    const topic = args.trim().toUpperCase();
    if (topic) {
      const command = s.commands.find((c) => c.verb === topic);
      if (!command) return [reply(R504UnknownHelpTopic)];
      return [reply({ code: 214, status: '2.0.0', lines: [`${command.syntax}: ${command.summary} (${wireCitation(command.rfc)})`] })];
    }
    const lines = [
      `Commands: ${s.commands.map((c) => c.verb).join(' ')}`,
      ...s.commands.map((c) => `${c.syntax} (${wireCitation(c.rfc)})`),
      'End of HELP info; HELP <command> explains one',
    ];
    return [reply({ code: 214, status: '2.0.0', lines })];
  },
};

/** RFC 5321 §4.2: reply text is US-ASCII, so "RFC 5321 §4.1.1.8" goes out as "RFC 5321 section 4.1.1.8". */
function wireCitation(ref: RfcSection): string {
  return citeRfc(ref).replace(/§/g, 'section ');
}
