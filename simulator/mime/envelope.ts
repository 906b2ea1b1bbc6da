/** RFC 9051 §7.5.2 ENVELOPE from a message's header. */
import type { Address, Envelope, MimePart } from './types.ts';
import { findField } from './header.ts';
import { parseAddressList } from './address.ts';

/** "If ... absent ... NIL; if present but empty ... the empty string" (RFC 9051 §7.5.2). */
function text(part: MimePart, name: string): string | null {
  return findField(part.header, name)?.value ?? null;
}

/** "If the From, To, Cc, and Bcc header fields are absent ... or are present but empty ... NIL". */
function addresses(part: MimePart, name: string): Address[] | null {
  const value = text(part, name);
  if (value === null) return null;
  const list = parseAddressList(value);
  return list.length ? list : null;
}

/**
 * @rfc 9051#7.5.2 ENVELOPE: date, subject, from, sender, reply-to, to, cc, bcc, in-reply-to,
 * message-id. "If the Sender or Reply-To header fields are absent ... or are present but
 * empty, the server sets the corresponding member of the envelope to be the same value as
 * the from member".
 */
export function envelope(part: MimePart): Envelope {
  const from = addresses(part, 'from');
  return {
    date: text(part, 'date'),
    subject: text(part, 'subject'),
    from,
    sender: addresses(part, 'sender') ?? from,
    replyTo: addresses(part, 'reply-to') ?? from,
    to: addresses(part, 'to'),
    cc: addresses(part, 'cc'),
    bcc: addresses(part, 'bcc'),
    inReplyTo: text(part, 'in-reply-to'),
    messageId: text(part, 'message-id'),
  };
}
