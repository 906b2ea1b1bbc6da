/**
 * SMTP commands with the RFC's syntax (RFC 5321 §4.1.1 ABNF, RFC 3030 §2, RFC 3207 §4, RFC 4954 §4)
 * and a short example exchange. `states` are filled in from the engine's registry by the cards.
 */
import { entries } from './entry.ts';
import { ref } from './rfc.ts';
import type { Explanation } from './types.ts';

const cmd = entries('smtp', 'command');

export const SMTP_COMMAND_ENTRIES: readonly Explanation[] = [
  cmd(
    'EHLO',
    'Extended HELLO',
    'Says who the client is and asks which extensions the server offers; the 250 reply lists them, one keyword per line. A session with mail in it must start with EHLO or HELO.',
    ref(5321, '4.1.1.1'),
    {
      syntax: 'EHLO SP ( Domain / address-literal ) CRLF',
      example: 'C: EHLO laptop.example.org\nS: 250-mail.example.com\nS: 250-SIZE 10485760\nS: 250 STARTTLS',
    },
  ),
  cmd(
    'HELO',
    'HELLO',
    'The original greeting from RFC 821: identifies the client but offers no extensions. Servers must still accept it.',
    ref(5321, '4.1.1.1'),
    {
      syntax: 'HELO SP Domain CRLF',
      example: 'C: HELO laptop.example.org\nS: 250 mail.example.com',
    },
  ),
  cmd(
    'MAIL',
    'MAIL FROM',
    'Starts a mail transaction and gives the envelope sender (the reverse-path, where bounces go). <> means "no bounces" and is used for bounce messages themselves.',
    ref(5321, '4.1.1.2'),
    {
      syntax: 'MAIL FROM:<reverse-path> [SP mail-parameters] CRLF',
      example: 'C: MAIL FROM:<alice@example.com>\nS: 250 2.1.0 Sender OK',
    },
  ),
  cmd(
    'RCPT',
    'RCPT TO',
    'Names one envelope recipient; repeat it for each recipient. It only makes sense after MAIL.',
    ref(5321, '4.1.1.3'),
    {
      syntax: 'RCPT TO:<forward-path> [SP rcpt-parameters] CRLF',
      example: 'C: RCPT TO:<bob@example.org>\nS: 250 2.1.5 Recipient OK',
    },
  ),
  cmd(
    'DATA',
    'DATA',
    'Asks to send the message itself. After 354 the client sends headers, a blank line and the body, ending with a line that holds only "."; lines starting with "." get an extra dot (dot-stuffing).',
    ref(5321, '4.1.1.4'),
    {
      syntax: 'DATA CRLF',
      example: 'C: DATA\nS: 354 Start mail input; end with <CRLF>.<CRLF>\nC: Subject: hi\nC:\nC: Hello\nC: .\nS: 250 2.0.0 OK: queued',
    },
  ),
  cmd(
    'BDAT',
    'Binary DATA chunk',
    'Sends the next chunk of the message: exactly the stated number of octets follow the command line, no dot-stuffing. LAST marks the final chunk. Needs CHUNKING.',
    ref(3030, '2'),
    {
      syntax: 'BDAT SP chunk-size [ SP LAST ] CRLF',
      example: 'C: BDAT 8 LAST\nC: Hi Bob   (6 octets + CRLF = 8)\nS: 250 2.0.0 OK: 8 octets',
    },
  ),
  cmd(
    'RSET',
    'RESET',
    'Abandons the current mail transaction: the stored sender, recipients and data are discarded. It never closes the connection; Mailwire keeps the login.',
    ref(5321, '4.1.1.5'),
    {
      syntax: 'RSET CRLF',
      example: 'C: RSET\nS: 250 2.0.0 Reset state',
    },
  ),
  cmd(
    'VRFY',
    'VERIFY',
    'Asks whether an address is a user here. Many servers answer 252 ("cannot verify, but will try to deliver") so that spammers cannot harvest addresses.',
    ref(5321, '4.1.1.6'),
    {
      syntax: 'VRFY SP String CRLF',
      example: 'C: VRFY bob\nS: 252 2.5.0 Cannot VRFY user, but will accept message and attempt delivery',
    },
  ),
  cmd(
    'EXPN',
    'EXPAND',
    'Asks for the members of a mailing list. Often switched off, because it discloses addresses (RFC 5321 §7.3).',
    ref(5321, '4.1.1.7'),
    {
      syntax: 'EXPN SP String CRLF',
      example: 'C: EXPN staff\nS: 502 5.5.1 Command not implemented',
    },
  ),
  cmd(
    'HELP',
    'HELP',
    'Asks for help text, about all commands or one command; the reply is for people, not programs.',
    ref(5321, '4.1.1.8'),
    {
      syntax: 'HELP [ SP String ] CRLF',
      example: 'C: HELP\nS: 214-2.0.0 Commands: EHLO HELO STARTTLS AUTH MAIL RCPT ...\nS: 214 2.0.0 End of HELP info',
    },
  ),
  cmd('NOOP', 'NOOP', 'Does nothing but get a 250 reply: a way to check that the server is still there.', ref(5321, '4.1.1.9'), {
    syntax: 'NOOP [ SP String ] CRLF',
    example: 'C: NOOP\nS: 250 2.0.0 OK',
  }),
  cmd(
    'QUIT',
    'QUIT',
    'Ends the session: the server answers 221 and closes the connection. An unfinished transaction is abandoned.',
    ref(5321, '4.1.1.10'),
    {
      syntax: 'QUIT CRLF',
      example: 'C: QUIT\nS: 221 2.0.0 mail.example.com Service closing transmission channel',
    },
  ),
  cmd(
    'STARTTLS',
    'Start TLS',
    'Switches this connection to TLS. After 220 the TLS handshake starts; then both sides forget what was said before, and the client should send EHLO again.',
    ref(3207, '4'),
    {
      syntax: 'STARTTLS CRLF',
      example: 'C: STARTTLS\nS: 220 2.0.0 Ready to start TLS\n(TLS handshake)\nC: EHLO laptop.example.org',
    },
  ),
  cmd(
    'AUTH',
    'Authenticate',
    'Logs in with a SASL mechanism. Challenges come as 334 lines and answers as lines of base64; "*" cancels. The initial response may follow the mechanism name.',
    ref(4954, '4'),
    {
      syntax: 'AUTH SP sasl-mech [SP initial-response] CRLF',
      example: 'C: AUTH PLAIN AGFsaWNlAHdvbmRlcmxhbmQ=\nS: 235 2.7.0 Authentication successful',
    },
  ),
];
