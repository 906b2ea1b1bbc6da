/** RFC 9051 §7.5.2 ENVELOPE from a message's header. */
import type { Address, Envelope, HeaderField, MimePart } from './types.ts';
import { findField } from './header.ts';
import { parseAddressList } from './address.ts';

/** "If ... absent ... NIL; if present but empty ... the empty string" (RFC 9051 §7.5.2). */
function text(header: readonly HeaderField[], name: string): string | null {
  return findField(header, name)?.value ?? null;
}

/** "If the From, To, Cc, and Bcc header fields are absent ... or are present but empty ... NIL". */
function addresses(header: readonly HeaderField[], name: string): Address[] | null {
  const value = text(header, name);
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
  return envelopeOfHeader(part.header);
}

/** The same from the header fields alone: a FETCH ENVELOPE needs no parse of the body. */
export function envelopeOfHeader(header: readonly HeaderField[]): Envelope {
  const from = addresses(header, 'from');
  return {
    date: text(header, 'date'),
    subject: text(header, 'subject'),
    from,
    sender: addresses(header, 'sender') ?? from,
    replyTo: addresses(header, 'reply-to') ?? from,
    to: addresses(header, 'to'),
    cc: addresses(header, 'cc'),
    bcc: addresses(header, 'bcc'),
    inReplyTo: text(header, 'in-reply-to'),
    messageId: text(header, 'message-id'),
  };
}
