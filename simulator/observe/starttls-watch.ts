/**
 * Notices the learner asking for TLS (STARTTLS, or STLS in POP3) and reads the server's answer,
 * so the terminal starts the handshake exactly when the server has agreed, as a mail client does.
 */
import type { MailProtocol } from '../world/ports.ts';
import { imapStatusLine, pop3StatusLine, smtpReplyLine } from './reply-lines.ts';

export type StartTlsVerdict = 'agreed' | 'refused';

interface Pending {
  protocol: MailProtocol;
  /** The IMAP tag of the STARTTLS command (its completion is the tagged reply). */
  tag: string | null;
}

export class StartTlsWatch {
  #pending: Pending | null = null;

  /** True between the learner's STARTTLS/STLS and the server's answer to it. */
  get pending(): boolean {
    return this.#pending !== null;
  }

  /** A line the learner sent; true when it asks the server to start TLS. */
  clientLine(protocol: MailProtocol, line: string): boolean {
    const text = line.trim();
    if (protocol === 'smtp' && /^STARTTLS$/i.test(text)) this.#pending = { protocol, tag: null }; // RFC 3207 §4
    else if (protocol === 'pop3' && /^STLS$/i.test(text)) this.#pending = { protocol, tag: null }; // RFC 2595 §4
    else {
      const m = protocol === 'imap' ? /^([^\s(){%*"\\\]]+) STARTTLS$/i.exec(text) : null; // RFC 9051 §6.2.1
      if (!m) return false;
      this.#pending = { protocol, tag: m[1] ?? '' };
    }
    return true;
  }

  /** A complete line from the server; the verdict once it answers the pending STARTTLS/STLS. */
  serverLine(line: string): StartTlsVerdict | null {
    const p = this.#pending;
    if (!p) return null;
    const verdict = answer(p, line);
    if (verdict) this.#pending = null;
    return verdict;
  }

  /** Forget a pending request (the connection closed). */
  reset(): void {
    this.#pending = null;
  }
}

function answer(p: Pending, line: string): StartTlsVerdict | null {
  switch (p.protocol) {
    case 'smtp': {
      // RFC 3207 §4: "220 Ready to start TLS"; only the last line of a reply (code then SP) counts.
      const reply = smtpReplyLine(line);
      return reply?.final ? (reply.code === 220 ? 'agreed' : 'refused') : null;
    }
    case 'pop3':
      // RFC 2595 §4: "A TLS negotiation begins immediately after the CRLF at the end of the +OK response"; -ERR refuses.
      const status = pop3StatusLine(line);
      return status ? (status.ok ? 'agreed' : 'refused') : null;
    case 'imap': {
      // RFC 9051 §6.2.1: the tagged OK starts the negotiation; untagged data does not answer.
      if (p.tag === null || !line.startsWith(`${p.tag} `)) return null;
      const status = imapStatusLine(line)?.status;
      return status === 'OK' ? 'agreed' : status ? 'refused' : null;
    }
  }
}

/**
 * For a console that does not track which protocol it speaks: did `reply` (the server's lines
 * after `line`) agree to the TLS that `line` asked for? The command's form names the protocol:
 * SMTP `STARTTLS`, POP3 `STLS`, IMAP `tag STARTTLS`.
 */
export function tlsAgreed(line: string, reply: string): boolean {
  for (const protocol of ['smtp', 'pop3', 'imap'] as const) {
    const watch = new StartTlsWatch();
    if (!watch.clientLine(protocol, line)) continue;
    for (const answer of reply.split(/\r?\n/)) {
      const verdict = watch.serverLine(answer);
      if (verdict) return verdict === 'agreed';
    }
  }
  return false;
}
