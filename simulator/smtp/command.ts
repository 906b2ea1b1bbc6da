/** The shape of one SMTP command file (simulator/command.ts; aiosmtpd `@syntax`, wildduck command modules). */
import type { Command, Handler } from '../command.ts';
import type { SmtpEffect } from './effects.ts';
import type { SmtpSession } from './session.ts';
import type { SmtpState } from './state.ts';

/** `states`: where the command is in sequence; elsewhere it gets a 503 (RFC 5321 §4.1.4). */
export interface SmtpCommand extends Command<SmtpState, SmtpSession, string, SmtpEffect> {
  /**
   * Where HELP, the lab's diagram and Tab list it, lowest first: a session's order (greeting,
   * security, the mail transaction, the any-time commands, QUIT). The files' names say nothing
   * about it (commands/index.ts is generated in file-name order). In tens, so a new command
   * fits between two without renumbering.
   */
  readonly order: number;
  /**
   * Runs instead of the plain 503 when the command arrives out of sequence: BDAT must still
   * swallow its chunk, or the chunk would be read as commands (RFC 3030 §2).
   */
  readonly outOfSequence?: Handler<SmtpSession, string, SmtpEffect>;
}
