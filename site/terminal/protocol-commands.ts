/**
 * The command verbs each protocol defines, for Tab completion while the server's state is unknown
 * (state-commands.ts asks the engines' registries which ones a known state allows).
 */
import type { MailProtocol } from '../../simulator/world/ports.ts';

export const PROTOCOL_COMMANDS: Record<MailProtocol, readonly string[]> = {
  // RFC 5321 §4.1.1, RFC 3207 STARTTLS, RFC 4954 AUTH, RFC 3030 BDAT
  smtp: ['EHLO', 'HELO', 'MAIL FROM:', 'RCPT TO:', 'DATA', 'BDAT', 'RSET', 'VRFY', 'EXPN', 'HELP', 'NOOP', 'QUIT', 'STARTTLS', 'AUTH'],
  // RFC 1939 §§4–7, RFC 2449 CAPA, RFC 2595 STLS, RFC 5034 AUTH
  pop3: ['USER', 'PASS', 'APOP', 'STAT', 'LIST', 'RETR', 'DELE', 'NOOP', 'RSET', 'QUIT', 'TOP', 'UIDL', 'CAPA', 'STLS', 'AUTH'],
  // RFC 9051 §6, RFC 2177 IDLE, RFC 2971 ID
  imap: [
    'CAPABILITY', 'NOOP', 'LOGOUT', 'STARTTLS', 'AUTHENTICATE', 'LOGIN', 'ENABLE', 'SELECT', 'EXAMINE',
    'CREATE', 'DELETE', 'RENAME', 'SUBSCRIBE', 'UNSUBSCRIBE', 'LIST', 'NAMESPACE', 'STATUS', 'APPEND',
    'IDLE', 'CLOSE', 'UNSELECT', 'EXPUNGE', 'SEARCH', 'FETCH', 'STORE', 'COPY', 'MOVE', 'UID', 'ID',
  ],
};
