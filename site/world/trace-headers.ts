/**
 * What the trace and delivery header fields of a stored message say, for the message viewer.
 * Each entry cites the RFC section that defines the field.
 */
import { citation, ref, rfcHref } from '../../simulator/explain/rfc.ts';
import type { RfcRef } from '../../simulator/explain/types.ts';

export interface TraceHeader {
  title: string;
  meaning: string;
  rfc: string;
  url: string;
}

/** The citation and where it links: the site's RFC reader, or the RFC Editor for an RFC not kept locally. */
const cite = (r: RfcRef): { rfc: string; url: string } => ({ rfc: citation(r), url: rfcHref(r) });

export const TRACE_HEADERS: Record<string, TraceHeader> = {
  'return-path': {
    title: 'Return-Path: the envelope sender',
    meaning: 'Added by the server that made the final delivery: the MAIL FROM address of the transaction, where bounces go.',
    ...cite(ref(5321, '4.4')),
  },
  received: {
    title: 'Received: one hop',
    meaning: 'Each SMTP server that accepts the message adds one at the top: who it came from, who took it, with which protocol, and when. Read them bottom to top to follow the message.',
    ...cite(ref(5321, '4.4')),
  },
  'delivered-to': {
    title: 'Delivered-To: the mailbox it was delivered to',
    meaning: 'Added at final delivery with the recipient address; it helps detect mail loops.',
    ...cite(ref(9228, '4')),
  },
  'message-id': {
    title: 'Message-ID: the message’s unique identifier',
    meaning: 'Set by the author’s software (or the submission server, RFC 6409 §8.3) so replies and duplicates can refer to it.',
    ...cite(ref(5322, '3.6.4')),
  },
  date: {
    title: 'Date: when the author sent it',
    meaning: 'The origination date. A submission server may add it when the client did not (RFC 6409 §8.2).',
    ...cite(ref(5322, '3.6.1')),
  },
};

/** The explanation for a header field name, or undefined for ordinary fields. */
export function traceHeader(name: string): TraceHeader | undefined {
  return TRACE_HEADERS[name.toLowerCase()];
}
