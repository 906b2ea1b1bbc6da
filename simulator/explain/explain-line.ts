/**
 * `explainLine`: one line of a session as spans that tile it exactly, each with the knowledge-base
 * entry for its token. `decodeAuthLine`: the base64 of a SASL step, decoded for display.
 */
import { decodeStrict } from './base64-text.ts';
import { explainImapClient, explainImapServer } from './explain-imap.ts';
import { explainPop3Client, explainPop3Server } from './explain-pop3.ts';
import { explainSmtpClient, explainSmtpServer } from './explain-smtp.ts';
import { lookup } from './knowledge.ts';
import { SpanBuilder, splitLineEnd } from './spans.ts';
import type { LineContext, Protocol, Side, Span } from './types.ts';

type Explainer = (b: SpanBuilder, context: LineContext) => void;

const EXPLAINERS: Record<Protocol, Record<Side, Explainer>> = {
  smtp: { server: explainSmtpServer, client: explainSmtpClient },
  pop3: { server: explainPop3Server, client: explainPop3Client },
  imap: { server: explainImapServer, client: explainImapClient },
};

/**
 * Explains one line (with or without its CRLF). A transcript prefix `C: ` or `S: ` is allowed
 * and decides the side. Never throws: what it cannot classify is a `text` span.
 */
export function explainLine(protocol: Protocol, line: string, side: Side, context: LineContext = {}): Span[] {
  const { body, end } = splitLineEnd(line);
  const b = new SpanBuilder(body);
  const prefix = /^(C[:>]|S:) /.exec(body); // transcript notation; "C> " is a pipelined client line
  if (prefix) {
    b.take(3, 'punctuation');
    side = prefix[1]!.startsWith('C') ? 'client' : 'server';
  }
  if (context.inData) messageLine(b, protocol);
  else if (!b.done) EXPLAINERS[protocol][side](b, context);
  const spans = b.finish('text');
  if (end) {
    const span: Span = { start: body.length, end: line.length, text: end, kind: 'line-end' };
    const crlf = lookup(protocol, 'CRLF', 'wire');
    if (crlf) span.explanation = crlf;
    spans.push(span);
  }
  return spans;
}

/** A line of message content: only the end marker and dot-stuffing mean anything (RFC 5321 §4.5.2, RFC 1939 §3). */
function messageLine(b: SpanBuilder, protocol: Protocol): void {
  if (protocol === 'imap') return;
  if (b.rest === '.') b.take(1, 'terminator', lookup(protocol, '.', 'wire'));
  else if (b.rest.startsWith('..')) b.take(1, 'dot-stuffing', lookup(protocol, '..', 'wire'));
}

export interface DecodedAuth {
  /** Where the base64 sits in the line. */
  start: number;
  end: number;
  base64: string;
  bytes: Uint8Array;
  /** `\0alice\0wonderland`, `Username:`, `(empty)` for "=". */
  display: string;
}

/**
 * The SASL payload of an AUTH/AUTHENTICATE line: SMTP `334 …`, POP3/IMAP `+ …`, an initial
 * response after the mechanism, or a bare client response. Null when the line carries none.
 */
export function decodeAuthLine(protocol: Protocol, line: string, side: Side, context: LineContext = {}): DecodedAuth | null {
  const span = explainLine(protocol, line, side, context).find((s) => s.kind === 'base64');
  if (!span || span.decoded === undefined) return null;
  const bytes = span.text === '=' ? new Uint8Array(0) : decodeStrict(span.text);
  if (!bytes) return null;
  return { start: span.start, end: span.end, base64: span.text, bytes, display: span.decoded };
}
