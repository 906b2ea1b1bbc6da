/** The shape of one SMTP command in the registry (aiosmtpd `@syntax`, wildduck command modules). */
import type { SmtpSession } from './session.ts';
import type { SmtpState } from './state.ts';

export interface SmtpCommand {
  verb: string;
  /** The states in which the command is in sequence; elsewhere it gets a 503 (RFC 5321 §4.1.4). */
  states: readonly SmtpState[];
  /** For HELP and the UI's command list. */
  syntax: string;
  rfc: string;
  summary: string;
  handle(session: SmtpSession, args: string, now: number): void;
  /**
   * Runs instead of the plain 503 when the command arrives out of sequence: BDAT must still
   * swallow its chunk, or the chunk would be read as commands (RFC 3030 §2).
   */
  outOfSequence?(session: SmtpSession, args: string, now: number): void;
}
