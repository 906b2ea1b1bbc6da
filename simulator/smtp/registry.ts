/**
 * Every command the server knows, in the order HELP lists them. The UI reads this to show which
 * commands are valid in each state.
 */
import type { SmtpCommand } from './command.ts';
import { AUTH } from './commands/auth.ts';
import { BDAT } from './commands/bdat.ts';
import { DATA } from './commands/data.ts';
import { EHLO } from './commands/ehlo.ts';
import { HELO } from './commands/helo.ts';
import { HELP } from './commands/help.ts';
import { MAIL } from './commands/mail.ts';
import { NOOP } from './commands/noop.ts';
import { QUIT } from './commands/quit.ts';
import { RCPT } from './commands/rcpt.ts';
import { RSET } from './commands/rset.ts';
import { STARTTLS } from './commands/starttls.ts';
import { VRFY } from './commands/vrfy.ts';
import type { SmtpState } from './state.ts';

export const SMTP_COMMANDS: readonly SmtpCommand[] = [EHLO, HELO, STARTTLS, AUTH, MAIL, RCPT, DATA, BDAT, RSET, NOOP, VRFY, HELP, QUIT];

/**
 * RFC 5321 verbs this server knows of but does not offer: they get 502 "Command not implemented"
 * rather than 500 "unrecognized" (§4.2.4). EXPN would disclose lists (§7.3); TURN is deprecated (F.1).
 */
export const NOT_IMPLEMENTED: readonly string[] = ['EXPN', 'TURN', 'SEND', 'SOML', 'SAML', 'ETRN', 'ATRN', 'VERB'];

export function commandByVerb(verb: string): SmtpCommand | undefined {
  return SMTP_COMMANDS.find((c) => c.verb === verb);
}

/** The commands that are in sequence in `state` (what the UI offers next). */
export function allowedCommands(state: SmtpState): Array<Pick<SmtpCommand, 'verb' | 'syntax' | 'rfc' | 'summary'>> {
  return SMTP_COMMANDS.filter((c) => c.states.includes(state)).map(({ verb, syntax, rfc, summary }) => ({ verb, syntax, rfc, summary }));
}
