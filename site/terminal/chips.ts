/** The command chips shown under the terminal on touch screens: one tap runs the line. */
import type { MailProtocol } from '../../simulator/net/ports.ts';

export const DISCONNECTED_CHIPS: readonly string[] = [
  '/help',
  '/hosts',
  '/connect mail.example.com 25',
  '/connect mail.example.com 110',
  '/connect mail.example.com 143',
];

export const PROTOCOL_CHIPS: Record<MailProtocol, readonly string[]> = {
  smtp: ['EHLO client.example', 'MAIL FROM:<alice@example.com>', 'RCPT TO:<bob@example.org>', 'DATA', 'RSET', 'QUIT'],
  pop3: ['CAPA', 'USER alice@example.com', 'PASS wonderland', 'STAT', 'LIST', 'RETR 1', 'QUIT'],
  imap: ['a1 CAPABILITY', 'a2 LOGIN alice@example.com wonderland', 'a3 SELECT INBOX', 'a4 FETCH 1 ENVELOPE', 'a5 LOGOUT'],
};
