/**
 * EHLO keywords (RFC 5321 §4.1.1.1 ehlo-line), the MAIL/RCPT parameters they bring, and the SASL
 * mechanisms that follow AUTH. DSN's RFC 3461 is not among the local texts: marked external.
 */
import { entries } from './entry.ts';
import { ref } from './rfc.ts';
import type { Explanation } from './types.ts';

const kw = entries('smtp', 'ehlo-keyword');
const param = entries('smtp', 'mail-parameter');
const mech = entries('smtp', 'sasl-mechanism');

export const EHLO_KEYWORDS: readonly Explanation[] = [
  kw(
    'PIPELINING',
    'Command pipelining',
    'The client may send several commands (MAIL, RCPT…) in one go without waiting for each reply; the replies come back in order.',
    ref(2920, '3'),
  ),
  kw(
    'SIZE',
    'Message size declaration',
    "The number after it is the largest message the server accepts, in octets. The client may declare a message's size with MAIL FROM:<…> SIZE=n and be refused before sending it.",
    ref(1870, '4'),
  ),
  kw(
    '8BITMIME',
    '8-bit MIME transport',
    'The message may contain octets above 127 (8-bit text) if MAIL FROM says BODY=8BITMIME.',
    ref(6152, '2'),
  ),
  kw(
    'ENHANCEDSTATUSCODES',
    'Enhanced status codes',
    'Replies (other than the greeting and the EHLO reply, and never 3xx) start with an RFC 3463 code like 5.1.1 that says more than the three digits.',
    ref(2034, '3'),
  ),
  kw(
    'SMTPUTF8',
    'Internationalized email',
    'Addresses and headers may be UTF-8 (e.g. ü in a mailbox name) if MAIL FROM carries the SMTPUTF8 parameter.',
    ref(6531, '3.2'),
  ),
  kw(
    'CHUNKING',
    'Chunked message transfer (BDAT)',
    'The client may send the message with BDAT n commands, each followed by exactly n octets, instead of DATA and the dot line.',
    ref(3030, '2'),
  ),
  kw(
    'BINARYMIME',
    'Binary MIME',
    'With CHUNKING, the message may be raw binary MIME (BODY=BINARYMIME), with no line-length or encoding limits.',
    ref(3030, '3'),
  ),
  kw(
    'STARTTLS',
    'Upgrade to TLS',
    'The client may send STARTTLS to switch this connection to TLS encryption. It is not offered again once TLS is running.',
    ref(3207, '3'),
  ),
  kw(
    'AUTH',
    'Authentication',
    'The client may log in with AUTH; the words after it are the SASL mechanisms the server accepts (PLAIN, LOGIN, …).',
    ref(4954, '3'),
  ),
  kw(
    'DSN',
    'Delivery status notifications',
    'The client may ask for delivery reports with NOTIFY=, RET= and ENVID= parameters (RFC 3461, not in the local RFC set).',
    ref(3461),
  ),
  kw(
    'EXPN',
    'EXPN supported',
    'The server answers EXPN (expand a mailing list). RFC 5321 says a server that supports EXPN MUST list it here.',
    ref(5321, '3.5.2'),
  ),
  kw(
    'VRFY',
    'VRFY supported',
    'The server answers VRFY. Listing it is optional, since every server must support VRFY.',
    ref(5321, '3.5.2'),
  ),
  kw(
    'HELP',
    'HELP supported',
    'The server answers HELP. Commands beyond the required minimum are listed in the EHLO reply (RFC 5321 §4.1.1.1).',
    ref(5321, '4.1.1.1'),
  ),
];

export const MAIL_PARAMETERS: readonly Explanation[] = [
  param(
    'SIZE',
    'SIZE= declared message size',
    "The client's estimate of the message size in octets, so the server can refuse an oversized message before it is sent (552) or when short of room (452).",
    ref(1870, '6'),
  ),
  param(
    'BODY',
    'BODY= content type',
    'BODY=7BIT, BODY=8BITMIME (RFC 6152) or BODY=BINARYMIME (RFC 3030 §3): what kind of octets the message contains.',
    ref(6152, '2'),
  ),
  param(
    'SMTPUTF8',
    'SMTPUTF8 parameter',
    'Says this message uses UTF-8 addresses or headers; only allowed if the server offered SMTPUTF8.',
    ref(6531, '3.4'),
  ),
  param(
    'AUTH',
    'AUTH= original submitter',
    'The identity that originally submitted the message, or <> if unknown (used between trusted servers).',
    ref(4954, '5'),
  ),
  param('RET', 'RET= return content', 'DSN: return the full message or only headers in a failure report (RFC 3461).', ref(3461)),
  param('ENVID', 'ENVID= envelope identifier', 'DSN: an identifier that comes back in delivery reports (RFC 3461).', ref(3461)),
  param('NOTIFY', 'NOTIFY= when to report', 'DSN on RCPT: NEVER, or any of SUCCESS, FAILURE, DELAY (RFC 3461).', ref(3461)),
  param('ORCPT', 'ORCPT= original recipient', 'DSN on RCPT: the recipient address as originally given (RFC 3461).', ref(3461)),
];

export const SMTP_SASL_MECHANISMS: readonly Explanation[] = [
  mech(
    'PLAIN',
    'SASL PLAIN',
    'One base64 message: authorization identity, NUL, user name, NUL, password. Only safe inside TLS, since base64 is not encryption.',
    ref(4616, '2'),
  ),
  mech(
    'LOGIN',
    'SASL LOGIN (non-standard)',
    'The server asks "Username:" then "Password:" in base64, and the client answers each in base64. Widely used but never published as an RFC; the link is the SASL framework.',
    ref(4422),
  ),
  mech(
    'CRAM-MD5',
    'SASL CRAM-MD5',
    "A challenge-response mechanism: the password is never sent, only a keyed MD5 digest of the server's challenge (RFC 2195).",
    ref(2195),
  ),
  mech('SCRAM-SHA-256', 'SASL SCRAM-SHA-256', 'A salted challenge-response mechanism; the password is never sent (RFC 7677).', ref(7677)),
  mech(
    'XOAUTH2',
    'SASL XOAUTH2 (vendor)',
    'A bearer-token mechanism used by large providers; standardized later as OAUTHBEARER (RFC 7628).',
    ref(7628),
  ),
  mech('OAUTHBEARER', 'SASL OAUTHBEARER', 'Log in with an OAuth 2.0 bearer token instead of a password (RFC 7628).', ref(7628)),
  mech(
    'EXTERNAL',
    'SASL EXTERNAL',
    'Log in with an identity established outside SASL, e.g. a TLS client certificate (RFC 4422 Appendix A).',
    ref(4422),
  ),
];
