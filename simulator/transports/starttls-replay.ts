/**
 * Leads a fresh connection back to the point where TLS starts, for a session that falls back to
 * TLS at the relay after a server refused the page's TLS 1.3 hello on STARTTLS/STLS: the server's
 * greeting, SMTP's EHLO (with the learner's own name), then STARTTLS/STLS and its go-ahead. The
 * learner already saw that dialogue once; this second one is not shown.
 */
import { protocolFromGreeting, StartTlsWatch } from '../observe/index.ts';
import { upgradeVerb, type MailProtocol } from '../world/ports.ts';

export type ReplayStep = { type: 'send'; line: string } | { type: 'agreed' } | { type: 'failed'; reason: string };

type Stage = 'greeting' | 'ehlo' | 'starttls' | 'done';

export class StartTlsReplay {
  #stage: Stage = 'greeting';
  #partial = '';
  readonly #watch = new StartTlsWatch();
  readonly #decoder = new TextDecoder();
  readonly #ehloName: string;

  constructor(
    private protocol: MailProtocol | null,
    /** What the learner sent before STARTTLS on the first connection. */
    sentBefore: string,
  ) {
    this.#ehloName = /^(?:EHLO|HELO)[ \t]+(\S+)/im.exec(sentBefore)?.[1] ?? 'localhost';
  }

  /** Bytes from the server; the step they lead to, if any. */
  server(bytes: Uint8Array): ReplayStep | null {
    const lines = (this.#partial + this.#decoder.decode(bytes, { stream: true })).split('\n');
    this.#partial = lines.pop() ?? '';
    for (const raw of lines) {
      const step = this.#line(raw.endsWith('\r') ? raw.slice(0, -1) : raw);
      if (step) return step;
    }
    return null;
  }

  #line(line: string): ReplayStep | null {
    switch (this.#stage) {
      case 'greeting': {
        this.protocol ??= protocolFromGreeting(line);
        if (!this.protocol || !protocolFromGreeting(line)) return this.#fail(`the server's greeting was "${line}"`);
        // RFC 5321 §4.2.1: a multiline reply ends with the line that has a space after the code.
        if (this.protocol === 'smtp' && /^220-/.test(line)) return null;
        if (this.protocol !== 'smtp') return this.#startTls();
        this.#stage = 'ehlo';
        return { type: 'send', line: `EHLO ${this.#ehloName}\r\n` };
      }
      case 'ehlo':
        if (/^250-/.test(line)) return null;
        return /^250(?: |$)/.test(line) ? this.#startTls() : this.#fail(`the server answered EHLO with "${line}"`);
      case 'starttls': {
        const verdict = this.#watch.serverLine(line);
        if (!verdict) return null;
        this.#stage = 'done';
        return verdict === 'agreed' ? { type: 'agreed' } : this.#fail(`the server answered STARTTLS with "${line}"`);
      }
      case 'done':
        return null;
    }
  }

  #startTls(): ReplayStep {
    this.#stage = 'starttls';
    // IMAP's commands carry a tag (RFC 9051 §2.2.1).
    const line = this.protocol === 'imap' ? 'r1 STARTTLS' : upgradeVerb(this.protocol!);
    this.#watch.clientLine(this.protocol!, line);
    return { type: 'send', line: `${line}\r\n` };
  }

  #fail(reason: string): ReplayStep {
    this.#stage = 'done';
    return { type: 'failed', reason };
  }
}
