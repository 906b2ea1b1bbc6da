/**
 * SMTP reply codes: the meaning of each digit (RFC 5321 §4.2.1) and every code of RFC 5321
 * §4.2.2/§4.2.3, plus the codes RFC 4954 (AUTH), RFC 1870 (SIZE) and RFC 3207 (STARTTLS) give
 * their own meaning. Titles are the RFC's reply texts.
 */
import { entries } from './entry.ts';
import { ref } from './rfc.ts';
import type { Explanation } from './types.ts';

const klass = entries('smtp', 'reply-class');
const category = entries('smtp', 'reply-category');
const code = entries('smtp', 'reply-code');
const S421 = ref(5321, '4.2.1');
const S422 = ref(5321, '4.2.2');

/** RFC 5321 §4.2.1: the first digit says good, bad or incomplete. */
export const SMTP_REPLY_CLASSES: readonly Explanation[] = [
  klass('2yz', 'Positive Completion reply', 'Success: the server did what was asked, and the client may send its next command.', S421),
  klass(
    '3yz',
    'Positive Intermediate reply',
    'So far so good, but the server needs more before it can finish: after 354 the message text, after 334 the next authentication step.',
    S421,
  ),
  klass(
    '4yz',
    'Transient Negative Completion reply',
    'Not done this time, but the problem is temporary: the same command may well work if the client tries again later.',
    S421,
  ),
  klass(
    '5yz',
    'Permanent Negative Completion reply',
    'Not done, and repeating the same command will not help: something must change first (the address, the login, the message).',
    S421,
  ),
];

/** RFC 5321 §4.2.1: the second digit says what kind of thing the reply is about. */
export const SMTP_REPLY_CATEGORIES: readonly Explanation[] = [
  category(
    'x0z',
    'Syntax',
    'About the command itself: a syntax error, an unknown or unimplemented command, or one that fits no other category.',
    S421,
  ),
  category('x1z', 'Information', 'An answer to a request for information, such as status or help.', S421),
  category('x2z', 'Connections', 'About the connection (the "transmission channel"): service ready, closing.', S421),
  category(
    'x3z',
    'Unspecified',
    'RFC 5321 leaves this category unspecified; RFC 4954 uses it for the AUTH replies 235, 334, 530 and 535.',
    S421,
  ),
  category('x4z', 'Unspecified', 'RFC 5321 leaves this category unspecified.', S421),
  category('x5z', 'Mail system', 'About the receiving mail system: mailboxes, storage, whether the transfer can go ahead.', S421),
];

export const SMTP_REPLY_CODES: readonly Explanation[] = [
  code('211', 'System status, or system help reply', 'A status report or help, meant for a person to read.', S422),
  code('214', 'Help message', 'Help text, answering HELP: useful only to the human user.', S422),
  code(
    '220',
    '<domain> Service ready',
    'The server is ready: the greeting when the connection opens, or "go ahead with TLS" after STARTTLS.',
    S422,
  ),
  code('221', '<domain> Service closing transmission channel', 'Goodbye: the answer to QUIT; the server closes the connection.', S422),
  code('235', 'Authentication Succeeded', 'AUTH worked: the client is now logged in for the rest of the session.', ref(4954, '6')),
  code(
    '250',
    'Requested mail action okay, completed',
    'OK: the command worked. Also the EHLO reply, whose lines list the extensions the server offers.',
    S422,
  ),
  code(
    '251',
    'User not local; will forward to <forward-path>',
    'Accepted, but the mailbox is elsewhere and the server will forward the message.',
    ref(5321, '3.4'),
  ),
  code(
    '252',
    'Cannot VRFY user, but will accept message and attempt delivery',
    'VRFY will not confirm whether the user exists, but mail to the address will be tried.',
    ref(5321, '3.5.3'),
  ),
  code(
    '334',
    'Server challenge (AUTH)',
    'The next step of an AUTH exchange: the text is a base64 challenge, and the client answers with a base64 line (or "*" to cancel).',
    ref(4954, '4'),
  ),
  code(
    '354',
    'Start mail input; end with <CRLF>.<CRLF>',
    'Send the message now: headers, blank line, body, and finally a line holding only a dot.',
    S422,
  ),
  code(
    '421',
    '<domain> Service not available, closing transmission channel',
    'The server is shutting this connection (overload, too many errors, a timeout). It may come as the answer to any command; try again later.',
    S422,
  ),
  code(
    '432',
    'A password transition is needed',
    'AUTH: the user must first log in once with PLAIN so the selected mechanism can be set up.',
    ref(4954, '6'),
  ),
  code(
    '450',
    'Requested mail action not taken: mailbox unavailable',
    'The mailbox cannot take mail right now (busy, or temporarily blocked by policy); try later.',
    S422,
  ),
  code(
    '451',
    'Requested action aborted: local error in processing',
    'Something went wrong on the server; the client should try again later.',
    S422,
  ),
  code(
    '452',
    'Requested action not taken: insufficient system storage',
    'The server lacks room for now, or (after RCPT) too many recipients for one transaction; the rest can be tried later. With SIZE, it cannot take a message that big at the moment (RFC 1870 §6.1).',
    S422,
  ),
  code(
    '454',
    'TLS not available / Temporary authentication failure',
    'A temporary failure: after STARTTLS, TLS cannot start now (RFC 3207 §4); after AUTH, a server problem, not a wrong password (RFC 4954 §6).',
    ref(3207, '4'),
  ),
  code(
    '455',
    'Server unable to accommodate parameters',
    'A MAIL FROM or RCPT TO parameter cannot be handled right now.',
    ref(5321, '4.1.1.11'),
  ),
  code(
    '500',
    'Syntax error, command unrecognized',
    'The server did not understand the command (unknown word, or the line was too long).',
    S422,
  ),
  code(
    '501',
    'Syntax error in parameters or arguments',
    'The command is known but its arguments are malformed, e.g. a bad address; also the answer to "*" cancelling AUTH.',
    S422,
  ),
  code('502', 'Command not implemented', 'The server knows this command but does not offer it.', ref(5321, '4.2.4')),
  code(
    '503',
    'Bad sequence of commands',
    'The command is fine but comes at the wrong moment, e.g. RCPT before MAIL, or DATA before any RCPT.',
    S422,
  ),
  code(
    '504',
    'Command parameter not implemented',
    'The command is implemented but not with that parameter, e.g. an AUTH mechanism the server lacks.',
    S422,
  ),
  code('530', 'Authentication required', 'Log in first (AUTH), or, when the text says so, start TLS first (RFC 3207 §4).', ref(4954, '6')),
  code(
    '534',
    'Authentication mechanism is too weak',
    'AUTH: server policy wants a stronger mechanism for this user; try another one.',
    ref(4954, '6'),
  ),
  code('535', 'Authentication credentials invalid', 'AUTH failed: wrong user name or password.', ref(4954, '6')),
  code(
    '538',
    'Encryption required for requested authentication mechanism',
    'AUTH: this mechanism is only allowed over an encrypted connection (kept for history; servers should simply not offer it).',
    ref(4954, '6'),
  ),
  code(
    '550',
    'Requested action not taken: mailbox unavailable',
    'Permanent refusal: no such mailbox, no access, or rejected by policy, such as a relay refused (RFC 5321 §3.6.2).',
    S422,
  ),
  code(
    '551',
    'User not local; please try <forward-path>',
    'The mailbox is not here; the text says where to send instead.',
    ref(5321, '3.4'),
  ),
  code(
    '552',
    'Requested mail action aborted: exceeded storage allocation',
    "Too big: the mailbox is over its quota, or the message is over the server's fixed maximum size (RFC 1870 §6.1).",
    S422,
  ),
  code(
    '553',
    'Requested action not taken: mailbox name not allowed',
    'The address is not acceptable, e.g. bad syntax or a sender you may not use.',
    S422,
  ),
  code(
    '554',
    'Transaction failed',
    'The transaction failed; as a greeting instead of 220 it means "No SMTP service here". Postfix also refuses relaying with it (554 5.7.1), where RFC 5321 §3.6.2 asks for 550.',
    S422,
  ),
  code(
    '555',
    'MAIL FROM/RCPT TO parameters not recognized or not implemented',
    'A parameter after the address (like SIZE= or BODY=) is not supported.',
    ref(5321, '4.1.1.11'),
  ),
];
