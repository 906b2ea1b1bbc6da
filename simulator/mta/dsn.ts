/**
 * Delivery status notifications (bounces) in the RFC 3464 shape: a multipart/report
 * (RFC 6522) with a human-readable part, a message/delivery-status part, and the original
 * message's headers.
 */
import { rfc5322Date } from '../mime/date.ts';
import { indexOfBytes, latin1Bytes, latin1Text, utf8Bytes, concatBytes } from '../wire/bytes.ts';

export interface DsnRecipient {
  /** RFC 3464 §2.3.2 Final-Recipient: the address the MTA tried. */
  address: string;
  /** RFC 3464 §2.3.3 Action. */
  action: 'failed' | 'delayed';
  /** RFC 3464 §2.3.4 Status: an RFC 3463 code. */
  status: string;
  /** RFC 3464 §2.3.5 Remote-MTA, when a server answered. */
  remoteMta: string | null;
  /** RFC 3464 §2.3.6 Diagnostic-Code as `type; text` (`smtp; 550 5.1.1 …`). */
  diagnostic: string | null;
  lastAttempt: number;
  /** One line for the human part: what went wrong, in words. */
  explanation: string;
}

export interface DsnInput {
  /** The host writing the report (Reporting-MTA, and MAILER-DAEMON@ it). */
  reportingMta: string;
  /** The original sender, who gets the report. */
  to: string;
  /** Unique: makes the Message-ID and the MIME boundary. */
  id: string;
  /** When the original message arrived (Arrival-Date). */
  arrivalDate: number;
  now: number;
  recipients: DsnRecipient[];
  original: Uint8Array;
}

/** The header section of a message: everything before the first empty line, with its CRLF. */
export function headerSection(raw: Uint8Array): Uint8Array {
  const crlf = indexOfBytes(raw, latin1Bytes('\r\n\r\n'));
  if (crlf >= 0) return raw.slice(0, crlf + 2);
  const lf = indexOfBytes(raw, latin1Bytes('\n\n'));
  return lf >= 0 ? raw.slice(0, lf + 1) : raw.slice();
}

/** RFC 3464 §2.2 per-message fields, then §2.3 per-recipient fields, blocks separated by blank lines. */
function deliveryStatus(input: DsnInput): string {
  const blocks = [[`Reporting-MTA: dns; ${input.reportingMta}`, `Arrival-Date: ${rfc5322Date(input.arrivalDate)}`]];
  for (const r of input.recipients) {
    const fields = [`Final-Recipient: rfc822; ${r.address}`, `Action: ${r.action}`, `Status: ${r.status}`];
    if (r.remoteMta) fields.push(`Remote-MTA: dns; ${r.remoteMta}`);
    if (r.diagnostic) fields.push(`Diagnostic-Code: ${clip(r.diagnostic)}`);
    fields.push(`Last-Attempt-Date: ${rfc5322Date(r.lastAttempt)}`);
    blocks.push(fields);
  }
  return blocks.map((b) => b.join('\r\n')).join('\r\n\r\n') + '\r\n';
}

/** RFC 5322 §2.1.1: a line MUST NOT exceed 998 characters; a verbose remote reply is cut. */
function clip(line: string): string {
  return line.length > 900 ? line.slice(0, 897) + '...' : line;
}

function humanPart(input: DsnInput): string {
  return [
    `This is the mail system at host ${input.reportingMta}.`,
    '',
    'I am sorry to have to tell you that your message could not be delivered to one',
    'or more recipients. Its headers are attached below.',
    '',
    ...input.recipients.map((r) => clip(`<${r.address}>: ${r.explanation}`)),
    '',
  ].join('\r\n');
}

/**
 * The bounce message. RFC 3464 §2: "multipart/report; report-type=delivery-status" whose second
 * part is message/delivery-status; the third is text/rfc822-headers (RFC 6522 §4).
 * RFC 3834 §5: Auto-Submitted: auto-replied, so autoresponders stay quiet.
 */
export function buildDsn(input: DsnInput): Uint8Array {
  // RFC 2046 §5.1.1 bchars only; the id comes from the queue and could hold anything.
  const token = input.id.replace(/[^A-Za-z0-9'()+_,.\/:=?-]/g, '-');
  const boundary = `=_${token}/${input.reportingMta}`;
  const headers = [
    `Date: ${rfc5322Date(input.now)}`,
    `From: Mail Delivery System <MAILER-DAEMON@${input.reportingMta}>`,
    `To: <${input.to}>`,
    'Subject: Undelivered Mail Returned to Sender',
    `Message-ID: <${token.replace(/[^A-Za-z0-9.+_-]/g, '.')}@${input.reportingMta}>`,
    'Auto-Submitted: auto-replied',
    'MIME-Version: 1.0',
    `Content-Type: multipart/report; report-type=delivery-status;\r\n\tboundary="${boundary}"`,
    '',
    'This is a MIME-encapsulated message.',
    '',
  ];
  const human = humanPart(input);
  const text = [
    headers.join('\r\n'),
    `--${boundary}`,
    'Content-Description: Notification',
    'Content-Type: text/plain; charset=utf-8',
    // RFC 2045 §6.2: 8-bit text (a UTF-8 address or reply) must be labelled as such.
    ...(/[^\x00-\x7f]/.test(human) ? ['Content-Transfer-Encoding: 8bit'] : []),
    '',
    human,
    `--${boundary}`,
    'Content-Description: Delivery report',
    'Content-Type: message/delivery-status',
    '',
    deliveryStatus(input),
    `--${boundary}`,
    'Content-Description: Undelivered Message Headers',
    'Content-Type: text/rfc822-headers',
  ].join('\r\n');
  // The original headers go in byte for byte; 8-bit ones (RFC 6532) are declared as such.
  const original = headerSection(input.original);
  const cte = original.some((b) => b > 127) ? 'Content-Transfer-Encoding: 8bit\r\n' : '';
  return concatBytes([utf8Bytes(`${text}\r\n${cte}\r\n`), original, latin1Bytes(`\r\n--${boundary}--\r\n`)]);
}

/** Reads the fields of a message/delivery-status body back (for tests and the UI). */
export function parseDeliveryStatus(body: Uint8Array): Array<Record<string, string>> {
  return latin1Text(body)
    .split(/\r\n\r\n/)
    .filter((block) => block.trim())
    .map((block) => Object.fromEntries(block.split('\r\n').map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1).trim()])));
}
