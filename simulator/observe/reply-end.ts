/**
 * When has the server finished answering a command? Per protocol, from the lines so far: the
 * final line of an SMTP reply, POP3's status line (and the "." of a multi-line answer), IMAP's
 * tagged completion or a "+" continuation request.
 */
import type { MailProtocol } from '../world/ports.ts';

export interface Expectation {
  protocol: MailProtocol;
  /** The line sent, or null for the greeting. */
  command: string | null;
}

const multiLinePop3 = (cmd: string): boolean => /^(CAPA|RETR|TOP)\b/i.test(cmd) || /^(LIST|UIDL)\s*$/i.test(cmd);

/** True once `lines` (the server's, since the command went out) complete the answer. */
export function replyComplete(e: Expectation, lines: readonly string[]): boolean {
  const last = lines.at(-1);
  if (last === undefined) return false;
  switch (e.protocol) {
    case 'smtp':
      return /^\d{3}(?: |$)/.test(last); // RFC 5321 §4.2.1: the last line has SP after the code
    case 'pop3': {
      const first = lines[0] ?? '';
      if (first === '+' || first.startsWith('+ ')) return true; // RFC 5034 §4 challenge
      if (!/^(\+OK|-ERR)\b/.test(first)) return false;
      // RFC 1939 §3: a multi-line answer ends with a line holding only ".".
      return first.startsWith('-ERR') || e.command === null || !multiLinePop3(e.command) || (lines.length > 1 && last === '.');
    }
    case 'imap': {
      if (e.command === null) return true; // the greeting is one untagged line (RFC 9051 §7.1)
      if (last === '+' || last.startsWith('+ ')) return true; // RFC 9051 §7.5
      const tag = /^(\S+) \S/.exec(e.command)?.[1];
      const done = /^(\S+) (OK|NO|BAD)\b/i.exec(last);
      if (!done || done[1] === '*') return false;
      return tag === undefined || done[1] === tag;
    }
  }
}

/** SMTP message content after 354 gets no reply line by line; only the final "." does (RFC 5321 §4.1.1.4). */
export function expectsReply(protocol: MailProtocol, inData: boolean, line: string): boolean {
  return !(protocol === 'smtp' && inData && line !== '.');
}
