/**
 * The command words Tab offers: those the engines' registries allow in the server's current
 * state, or every verb of the protocol while the state is unknown.
 */
import type { MailProtocol } from '../../simulator/world/ports.ts';
import { allowedCommands as smtpAllowed } from '../../simulator/smtp/registry.ts';
import { SMTP_STATES, type SmtpState } from '../../simulator/smtp/state.ts';
import { allowedCommands as pop3Allowed } from '../../simulator/pop3/registry.ts';
import { POP3_STATES, type Pop3State } from '../../simulator/pop3/state.ts';
import { allowedCommands as imapAllowed } from '../../simulator/imap/registry.ts';
import { IMAP_STATES, type ImapState } from '../../simulator/imap/state.ts';
import { PROTOCOL_COMMANDS } from './protocol-commands.ts';

/** Verbs whose argument starts with a keyword the learner always types next (RFC 5321 §4.1.1.2–3). */
const SMTP_WORDS: Record<string, string> = { MAIL: 'MAIL FROM:', RCPT: 'RCPT TO:' };

const isIn = <S extends string>(states: readonly S[], s: string): s is S => (states as readonly string[]).includes(s);

export function commandsFor(protocol: MailProtocol, state: string | null): readonly string[] {
  if (state === null) return PROTOCOL_COMMANDS[protocol];
  switch (protocol) {
    case 'smtp':
      return isIn<SmtpState>(SMTP_STATES, state) ? smtpAllowed(state).map((c) => SMTP_WORDS[c.verb] ?? c.verb) : PROTOCOL_COMMANDS.smtp;
    case 'pop3':
      return isIn<Pop3State>(POP3_STATES, state) ? pop3Allowed(state) : PROTOCOL_COMMANDS.pop3;
    case 'imap':
      return isIn<ImapState>(IMAP_STATES, state) ? imapAllowed(state) : PROTOCOL_COMMANDS.imap;
  }
}
