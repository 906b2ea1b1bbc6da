/**
 * RFC 3463 enhanced status codes (class.subject.detail), with the details RFC 4954 (X.5.6, X.7.8,
 * X.7.9, X.7.11, X.7.12) and RFC 6531 (X.6.7–X.6.10) add. A concrete code such as 5.7.1 is
 * explained by combining its class with the X.7.1 entry.
 */
import { entries } from './entry.ts';
import { ref } from './rfc.ts';
import type { Explanation } from './types.ts';

const klass = entries('smtp', 'enhanced-class');
const subject = entries('smtp', 'enhanced-subject');
const detail = entries('smtp', 'enhanced-code');

export const ENHANCED_CLASSES: readonly Explanation[] = [
  klass('2.X.X', 'Success', 'The action succeeded; the detail may say more (for example what was converted).', ref(3463, '2')),
  klass(
    '4.X.X',
    'Persistent Transient Failure',
    'The message is fine, but a temporary condition stopped it; sending again later may work.',
    ref(3463, '2'),
  ),
  klass(
    '5.X.X',
    'Permanent Failure',
    'Resending the message as it is will not work; the message or the destination must change.',
    ref(3463, '2'),
  ),
];

export const ENHANCED_SUBJECTS: readonly Explanation[] = [
  subject('X.0.X', 'Other or Undefined Status', 'No more information about what kind of problem this is.', ref(3463, '2')),
  subject(
    'X.1.X',
    'Addressing Status',
    'About the sender or recipient address: its syntax or whether it exists. The sender can usually fix these.',
    ref(3463, '2'),
  ),
  subject('X.2.X', 'Mailbox Status', "About the recipient's mailbox (full, disabled); the recipient controls this.", ref(3463, '2')),
  subject('X.3.X', 'Mail System Status', 'About the destination mail system (full, not accepting mail, message too big).', ref(3463, '2')),
  subject(
    'X.4.X',
    'Network and Routing Status',
    'About the network or routing between mail systems (no answer, DNS trouble, loops).',
    ref(3463, '2'),
  ),
  subject(
    'X.5.X',
    'Mail Delivery Protocol Status',
    'About the SMTP dialogue itself: a bad command, bad syntax, bad arguments.',
    ref(3463, '2'),
  ),
  subject(
    'X.6.X',
    'Message Content or Media Status',
    'About the message content: media types, conversions, non-ASCII addresses.',
    ref(3463, '2'),
  ),
  subject(
    'X.7.X',
    'Security or Policy Status',
    'About security or policy: authentication, permission to relay, encryption.',
    ref(3463, '2'),
  ),
];

const D = (section: string) => ref(3463, section);

export const ENHANCED_DETAILS: readonly Explanation[] = [
  detail(
    'X.0.0',
    'Other undefined Status',
    'Only the class is known: success, temporary or permanent failure, with no further detail.',
    D('3.1'),
  ),
  detail(
    'X.1.0',
    'Other address status',
    'Something about the address caused this report (for a success: the address was accepted).',
    D('3.2'),
  ),
  detail('X.1.1', 'Bad destination mailbox address', 'The recipient mailbox does not exist: the part left of the "@" is wrong.', D('3.2')),
  detail(
    'X.1.2',
    'Bad destination system address',
    'The recipient\'s domain (right of the "@") does not exist or cannot take mail.',
    D('3.2'),
  ),
  detail('X.1.3', 'Bad destination mailbox address syntax', 'The recipient address is not a valid address at all.', D('3.2')),
  detail(
    'X.1.4',
    'Destination mailbox address ambiguous',
    'The address matches more than one recipient on the destination system.',
    D('3.2'),
  ),
  detail('X.1.5', 'Destination address valid', 'The recipient address is valid: used in positive replies.', D('3.2')),
  detail(
    'X.1.6',
    'Destination mailbox has moved, No forwarding address',
    'The address used to be valid but no longer takes mail.',
    D('3.2'),
  ),
  detail('X.1.7', "Bad sender's mailbox address syntax", 'The sender address (MAIL FROM) is not a valid address.', D('3.2')),
  detail('X.1.8', "Bad sender's system address", "The sender's domain does not exist or cannot take return mail.", D('3.2')),
  detail('X.2.0', 'Other or undefined mailbox status', 'The mailbox exists, but something about it caused this report.', D('3.3')),
  detail('X.2.1', 'Mailbox disabled, not accepting messages', 'The mailbox exists but is not accepting messages.', D('3.3')),
  detail('X.2.2', 'Mailbox full', 'The recipient is over quota; they can delete messages to make room.', D('3.3')),
  detail('X.2.3', 'Message length exceeds administrative limit', 'The message is bigger than this mailbox allows.', D('3.3')),
  detail('X.2.4', 'Mailing list expansion problem', 'The address is a mailing list that could not be expanded.', D('3.3')),
  detail(
    'X.3.0',
    'Other or undefined mail system status',
    'The destination system normally accepts mail, but something about it caused this report.',
    D('3.4'),
  ),
  detail('X.3.1', 'Mail system full', "The mail system's storage is full.", D('3.4')),
  detail(
    'X.3.2',
    'System not accepting network messages',
    'The host is not accepting messages (shutting down, overloaded, maintenance).',
    D('3.4'),
  ),
  detail('X.3.3', 'System not capable of selected features', 'The destination does not support features the message asks for.', D('3.4')),
  detail('X.3.4', 'Message too big for system', 'The message is larger than the per-message size limit.', D('3.4')),
  detail('X.3.5', 'System incorrectly configured', 'The system is not configured in a way that lets it accept this message.', D('3.4')),
  detail(
    'X.4.0',
    'Other or undefined network or routing status',
    'Something went wrong with the network, and no more detail fits.',
    D('3.5'),
  ),
  detail('X.4.1', 'No answer from host', 'The next host did not answer the connection attempt.', D('3.5')),
  detail('X.4.2', 'Bad connection', 'The connection was made but broke down before the transaction finished, e.g. a time-out.', D('3.5')),
  detail('X.4.3', 'Directory server failure', 'A directory server, such as DNS, could not be reached.', D('3.5')),
  detail('X.4.4', 'Unable to route', 'The next hop could not be determined from the routing information (DNS).', D('3.5')),
  detail('X.4.5', 'Mail system congestion', 'The mail system is congested.', D('3.5')),
  detail('X.4.6', 'Routing loop detected', 'The message was forwarded too many times: a routing loop.', D('3.5')),
  detail('X.4.7', 'Delivery time expired', 'The message was considered too old: it waited too long.', D('3.5')),
  detail('X.5.0', 'Other or undefined protocol status', 'Something went wrong with the mail protocol, and no more detail fits.', D('3.6')),
  detail('X.5.1', 'Invalid command', 'A command out of sequence or not supported.', D('3.6')),
  detail('X.5.2', 'Syntax error', 'A command that could not be understood: wrong syntax or an unknown command.', D('3.6')),
  detail('X.5.3', 'Too many recipients', 'More recipients than can be delivered in one go.', D('3.6')),
  detail('X.5.4', 'Invalid command arguments', 'A valid command with bad arguments: out of range or an unknown feature.', D('3.6')),
  detail('X.5.5', 'Wrong protocol version', 'The two sides could not agree on a protocol version.', D('3.6')),
  detail(
    'X.5.6',
    'Authentication Exchange line is too long',
    'AUTH: the base64 response was longer than the server can take.',
    ref(4954, '6'),
  ),
  detail('X.6.0', 'Other or undefined media error', 'Something about the message content made it undeliverable.', D('3.7')),
  detail('X.6.1', 'Media not supported', "The message's media type is not supported on the way.", D('3.7')),
  detail(
    'X.6.2',
    'Conversion required and prohibited',
    'The content must be converted to be delivered, but conversion is not allowed.',
    D('3.7'),
  ),
  detail(
    'X.6.3',
    'Conversion required but not supported',
    'The content must be converted (e.g. 8-bit to 7-bit) but no host can do it.',
    D('3.7'),
  ),
  detail('X.6.4', 'Conversion with loss performed', 'Delivered, but a conversion lost some data.', D('3.7')),
  detail('X.6.5', 'Conversion Failed', 'A required conversion was tried and failed.', D('3.7')),
  detail(
    'X.6.7',
    'Non-ASCII addresses not permitted for that sender/recipient',
    'A non-ASCII address was used where it is not allowed, e.g. without the SMTPUTF8 parameter.',
    ref(6531, '3.5'),
  ),
  detail(
    'X.6.8',
    'UTF-8 string reply is required, but not permitted by the SMTP client',
    'The reply would need UTF-8 to show the mailbox name, but the client did not allow it.',
    ref(6531, '4.2'),
  ),
  detail(
    'X.6.9',
    'UTF-8 header message cannot be transferred to one or more recipients',
    'A message with UTF-8 headers cannot go to some recipient, so it is rejected after the final dot.',
    ref(6531, '3.5'),
  ),
  detail('X.6.10', 'Duplicate of X.6.8 (deprecated)', 'Same meaning as X.6.8; no longer used.', ref(6531, '4.2')),
  detail(
    'X.7.0',
    'Other or undefined security status',
    'Something security-related caused this (often: authentication required, or temporary authentication trouble).',
    D('3.8'),
  ),
  detail(
    'X.7.1',
    'Delivery not authorized, message refused',
    'The sender may not send to this destination (per-host or per-recipient filtering, refused relaying).',
    D('3.8'),
  ),
  detail('X.7.2', 'Mailing list expansion prohibited', 'The sender may not send to this mailing list.', D('3.8')),
  detail(
    'X.7.3',
    'Security conversion required but not possible',
    'Delivery needed a conversion between secure messaging protocols that could not be done.',
    D('3.8'),
  ),
  detail('X.7.4', 'Security features not supported', 'The message uses security features the delivery protocol cannot support.', D('3.8')),
  detail('X.7.5', 'Cryptographic failure', 'A system allowed to validate or decrypt the message lacked a valid key.', D('3.8')),
  detail('X.7.6', 'Cryptographic algorithm not supported', 'The needed cryptographic algorithm is not supported.', D('3.8')),
  detail('X.7.7', 'Message integrity failure', 'The message was corrupted or altered, so it could not be validated.', D('3.8')),
  detail('X.7.8', 'Authentication credentials invalid', 'AUTH failed: wrong user name or password.', ref(4954, '6')),
  detail('X.7.9', 'Authentication mechanism is too weak', 'AUTH: server policy wants a stronger mechanism.', ref(4954, '6')),
  detail(
    'X.7.11',
    'Encryption required for requested authentication mechanism',
    'AUTH: this mechanism needs an encrypted connection.',
    ref(4954, '6'),
  ),
  detail(
    'X.7.12',
    'A password transition is needed',
    'AUTH: log in once with PLAIN first, then the chosen mechanism will work.',
    ref(4954, '6'),
  ),
];

const CLASS_WORD: Record<string, string> = { '2': 'Success', '4': 'Temporary failure', '5': 'Permanent failure' };

/** RFC 3463 §2 status-code = class "." subject "." detail, each without leading zeros. */
export const ENHANCED_CODE = /^([245])\.(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})$/;

/**
 * A concrete code (`5.7.1`) explained: the class, then the detail, or only the subject when the
 * detail is unknown (RFC 3463 §2: "the subject sub-code, if recognized, must be reported").
 */
export function explainEnhanced(code: string): Explanation | undefined {
  const m = ENHANCED_CODE.exec(code);
  if (!m) return undefined;
  const [, c, s, d] = m;
  const cls = ENHANCED_CLASSES.find((e) => e.token === `${c}.X.X`)!;
  const known = ENHANCED_DETAILS.find((e) => e.token === `X.${s}.${d}`);
  const subj = ENHANCED_SUBJECTS.find((e) => e.token === `X.${s}.X`);
  const base = known ?? subj;
  if (!base) return { ...cls, token: code, meaning: `${cls.meaning} (Subject ${s} is not defined in the RFCs here.)` };
  return {
    ...base,
    token: code,
    title: `${CLASS_WORD[c!]}: ${base.title}`,
    meaning: `${cls.title}. ${base.meaning}`,
  };
}
