/**
 * Framing that is not a keyword: multiline reply markers, line ends, the DATA terminator and
 * dot-stuffing, SASL's cancel line.
 */
import { entries } from './entry.ts';
import { ref } from './rfc.ts';
import type { Explanation } from './types.ts';

const smtp = entries('smtp', 'wire');
const pop3 = entries('pop3', 'wire');
const imap = entries('imap', 'wire');

export const SMTP_WIRE: readonly Explanation[] = [
  smtp(
    '-',
    'More lines follow',
    'A hyphen right after the code means this reply continues on the next line; the last line has a space there instead.',
    ref(5321, '4.2.1'),
  ),
  smtp('SP', 'Last line of the reply', 'A space right after the code marks the last (or only) line of a reply.', ref(5321, '4.2.1')),
  smtp('CRLF', 'End of line', 'Every SMTP line ends with carriage return + line feed (CR LF).', ref(5321, '2.3.8')),
  smtp('.', 'End of message data', 'A line holding only "." ends the message sent after DATA.', ref(5321, '4.1.1.4')),
  smtp(
    '..',
    'Dot-stuffing',
    'A message line that starts with "." is sent with one more "." in front, so it cannot be mistaken for the end; the server removes it.',
    ref(5321, '4.5.2'),
  ),
  smtp('*', 'Cancel AUTH', 'A line with a single "*" cancels the AUTH exchange; the server answers 501.', ref(4954, '4')),
  smtp(
    '<>',
    'Null reverse-path',
    'MAIL FROM:<> has no sender address: used for bounces, so that a bounce never causes another bounce.',
    ref(5321, '4.5.5'),
  ),
];

export const POP3_LINE_WIRE: readonly Explanation[] = [
  pop3('CRLF', 'End of line', 'Every POP3 command and response line ends with CR LF.', ref(1939, '3')),
  pop3('*', 'Cancel AUTH', 'A line with a single "*" cancels the AUTH exchange; the server answers -ERR.', ref(5034, '4')),
];

export const IMAP_LINE_WIRE: readonly Explanation[] = [
  imap('CRLF', 'End of line', 'Every IMAP line ends with CR LF (data inside a literal may contain more).', ref(9051, '2.2')),
  imap(
    '*',
    'Cancel AUTHENTICATE',
    'A line with a single "*" cancels the AUTHENTICATE exchange; the server answers BAD.',
    ref(9051, '6.2.2'),
  ),
];
