/**
 * What the trace and delivery header fields of a stored message say, for the message viewer.
 * Each entry cites the RFC section that defines the field.
 */
export interface TraceHeader {
  title: string;
  meaning: string;
  rfc: string;
  url: string;
}

const rfc = (n: number, section: string): { rfc: string; url: string } => ({
  rfc: `RFC ${n} §${section}`,
  url: `https://www.rfc-editor.org/rfc/rfc${n}#section-${section}`,
});

export const TRACE_HEADERS: Record<string, TraceHeader> = {
  'return-path': {
    title: 'Return-Path: the envelope sender',
    meaning: 'Added by the server that made the final delivery: the MAIL FROM address of the transaction, where bounces go.',
    ...rfc(5321, '4.4'),
  },
  received: {
    title: 'Received: one hop',
    meaning: 'Each SMTP server that accepts the message adds one at the top: who it came from, who took it, with which protocol, and when. Read them bottom to top to follow the message.',
    ...rfc(5321, '4.4'),
  },
  'delivered-to': {
    title: 'Delivered-To: the mailbox it was delivered to',
    meaning: 'Added at final delivery with the recipient address; it helps detect mail loops.',
    ...rfc(9228, '4'),
  },
  'message-id': {
    title: 'Message-ID: the message’s unique identifier',
    meaning: 'Set by the author’s software (or the submission server, RFC 6409 §8.3) so replies and duplicates can refer to it.',
    ...rfc(5322, '3.6.4'),
  },
  date: {
    title: 'Date: when the author sent it',
    meaning: 'The origination date. A submission server may add it when the client did not (RFC 6409 §8.2).',
    ...rfc(5322, '3.6.1'),
  },
};

/** The explanation for a header field name, or undefined for ordinary fields. */
export function traceHeader(name: string): TraceHeader | undefined {
  return TRACE_HEADERS[name.toLowerCase()];
}
