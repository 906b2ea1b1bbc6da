/**
 * When has the server finished answering a command? Per protocol, from the lines so far: the
 * final line of an SMTP reply, POP3's status line (and the "." of a multi-line answer), IMAP's
 * tagged completion or a "+" continuation request.
 */
import type { MailProtocol } from '../world/ports.ts';
import { imapCommandTag, imapContinuation, imapStatusLine, POP3_END, pop3Challenge, pop3CommandIsMultiLine, pop3StatusLine, smtpReplyLine } from './reply-lines.ts';

export interface Expectation {
  protocol: MailProtocol;
  /** The line sent, or null for the greeting. */
  command: string | null;
}

/** True once `lines` (the server's, since the command went out) complete the answer. */
export function replyComplete(e: Expectation, lines: readonly string[]): boolean {
  const last = lines.at(-1);
  if (last === undefined) return false;
  switch (e.protocol) {
    case 'smtp':
      return smtpReplyLine(last)?.final ?? false;
    case 'pop3': {
      const first = lines[0] ?? '';
      if (pop3Challenge(first)) return true;
      const status = pop3StatusLine(first);
      if (!status) return false;
      // RFC 1939 §3: a multi-line answer ends with a line holding only ".".
      return !status.ok || e.command === null || !pop3CommandIsMultiLine(e.command) || (lines.length > 1 && last === POP3_END);
    }
    case 'imap': {
      if (e.command === null) return true; // the greeting is one untagged line (RFC 9051 §7.1)
      if (imapContinuation(last)) return true;
      const tag = imapCommandTag(e.command);
      const done = imapStatusLine(last);
      if (!done || done.tag === '*') return false;
      return tag === null || done.tag === tag;
    }
  }
}

/** SMTP message content after 354 gets no reply line by line; only the final "." does (RFC 5321 §4.1.1.4). */
export function expectsReply(protocol: MailProtocol, inData: boolean, line: string): boolean {
  return !(protocol === 'smtp' && inData && line !== '.');
}
