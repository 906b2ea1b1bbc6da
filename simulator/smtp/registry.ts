/**
 * Every command the server knows, derived from the command files (commands/index.ts is generated
 * from the folder), in the order their specs give (`order`): HELP lists them so, and the UI reads
 * this to show which commands are valid in each state.
 */
import { commandRegistry } from '../command.ts';
import type { SmtpCommand } from './command.ts';
import { COMMANDS } from './commands/index.ts';
import type { SmtpState } from './state.ts';

export const SMTP_REGISTRY = commandRegistry<SmtpCommand>(COMMANDS, (c) => c.order);

export const SMTP_COMMANDS: readonly SmtpCommand[] = SMTP_REGISTRY.all;

/**
 * RFC 5321 verbs this server knows of but does not offer: they get 502 "Command not implemented"
 * rather than 500 "unrecognized" (§4.2.4). EXPN would disclose lists (§7.3); TURN is deprecated (F.1).
 */
export const NOT_IMPLEMENTED: readonly string[] = ['EXPN', 'TURN', 'SEND', 'SOML', 'SAML', 'ETRN', 'ATRN', 'VERB'];

export function commandByVerb(verb: string): SmtpCommand | undefined {
  return SMTP_REGISTRY.find(verb);
}

/** The commands that are in sequence in `state` (what the UI offers next). */
export function allowedCommands(state: SmtpState): Array<Pick<SmtpCommand, 'verb' | 'syntax' | 'rfc' | 'summary'>> {
  return SMTP_REGISTRY.allowedIn(state).map(({ verb, syntax, rfc, summary }) => ({ verb, syntax, rfc, summary }));
}
