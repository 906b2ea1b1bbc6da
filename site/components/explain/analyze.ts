/**
 * A pasted transcript explained line by line, as the lab explains a live session: every token's
 * meaning (explainLine), the protocol state after each line (the dialogue inference the terminal
 * uses for live servers), refusals with the rule they enforce (explainRuleBreak), what a failure
 * tells the client to do (retry on 4xx and temporary codes, stop on 5xx), and credentials masked.
 */
import { explainEnhanced, explainLine, explainRuleBreak, lookup } from '../../../simulator/explain/index.ts';
import { ref } from '../../../simulator/explain/rfc.ts';
import { parseTranscript } from '../../../simulator/explain/transcript/parse.ts';
import type { ParsedTranscript } from '../../../simulator/explain/transcript/types.ts';
import type { Explanation, LineContext, Protocol, RfcRef, Side, Span } from '../../../simulator/explain/types.ts';
import { dialogueState, imapStatusLine, pop3StatusLine, smtpReplyLine, type DialogueState } from '../../../simulator/observe/index.ts';
import { decodeBase64 } from '../../../simulator/wire/base64.ts';
import { findSecret, type Secret, type SecretContext } from './secrets.ts';

export interface Callout {
  tone: 'refusal' | 'retry' | 'stop' | 'warning';
  title: string;
  text: string;
  rfc: RfcRef;
  quote?: string;
}

export interface ExplainedLine {
  n: number;
  side: Side | 'note';
  text: string;
  spans: Span[];
  /** The protocol state once this line is through (null before the greeting, or for notes). */
  state: string | null;
  tls: boolean;
  secret: Secret | null;
  callouts: Callout[];
}

export interface ExplainedTranscript {
  parsed: ParsedTranscript;
  lines: ExplainedLine[];
}

const GREETING: Record<Protocol, string> = { smtp: '220 ', pop3: '+OK', imap: '* OK' };

/** A command waiting for its reply, with the state it was sent in (for the rule it may break). */
interface Waiting {
  text: string;
  state: string;
}

function enhancedOf(reply: string): Explanation | undefined {
  const m = /^\d{3}[ -](\d\.\d{1,3}\.\d{1,3})\b/.exec(reply);
  return m ? explainEnhanced(m[1]!) : undefined;
}

/** What a failure tells the client to do, beyond the rule a refusal enforces. */
function failureCallout(protocol: Protocol, reply: string): Callout | null {
  if (protocol === 'smtp') {
    const code = /^([45])\d\d /.exec(reply)?.[1];
    if (!code) return null;
    const enhanced = enhancedOf(reply);
    const detail = enhanced ? ` ${enhanced.token}: ${enhanced.title}.` : '';
    return code === '4'
      ? { tone: 'retry', title: 'Temporary failure (4xx): try again later', text: `The request was fine but cannot be done now; a client or MTA keeps the message and retries.${detail}`, rfc: ref(5321, '4.2.1') }
      : { tone: 'stop', title: 'Permanent failure (5xx): do not repeat it', text: `The same command will fail the same way; change something first (the address, the login, TLS).${detail}`, rfc: ref(5321, '4.2.1') };
  }
  if (protocol === 'pop3') {
    if (!reply.startsWith('-ERR')) return null;
    const code = /^-ERR \[([^\]]+)\]/.exec(reply)?.[1]?.toUpperCase().replace(/^(SYS\/(?:TEMP|PERM)).*$/, '$1');
    const entry = code ? lookup('pop3', code, 'response-code') : undefined;
    if (entry) {
      const temporary = code === 'IN-USE' || code === 'LOGIN-DELAY' || code === 'SYS/TEMP';
      return { tone: temporary ? 'retry' : 'stop', title: `-ERR [${code}]: ${temporary ? 'temporary, try again later' : entry.title}`, text: entry.meaning, rfc: entry.rfc };
    }
    return { tone: 'stop', title: '-ERR: the command failed', text: 'POP3 says no more than that; the text after -ERR is for people, and the session goes on.', rfc: ref(1939, '3') };
  }
  const m = /^\S+ (NO|BAD)\b(?: \[([^\]\s]+))?/i.exec(reply);
  if (!m || m[0].startsWith('*')) return null;
  const code = m[2]?.toUpperCase();
  const entry = code ? lookup('imap', code, 'response-code') : undefined;
  if (m[1]!.toUpperCase() === 'BAD') {
    return { tone: 'stop', title: 'BAD: the server did not understand the command', text: entry?.meaning ?? 'A syntax error, or a command this state does not allow; sending it again unchanged fails again.', rfc: entry?.rfc ?? ref(9051, '7.1.5') };
  }
  const temporary = code === 'UNAVAILABLE' || code === 'INUSE' || code === 'OVERQUOTA';
  return {
    tone: temporary ? 'retry' : 'stop',
    title: code ? `NO [${code}]${temporary ? ': temporary, try again later' : ''}` : 'NO: the command failed',
    text: entry?.meaning ?? 'The server understood the command and refused it.',
    rfc: entry?.rfc ?? ref(9051, '7.1.2'),
  };
}

const credentialsInClear = (): Callout => ({
  tone: 'warning',
  title: 'A password sent without TLS',
  text: 'This line went over the network unencrypted: anyone on the path can read it. Mail clients should not send credentials before TLS.',
  rfc: ref(8314, '5.2'),
});

class Walker {
  readonly dlg: DialogueState;
  tls: boolean;
  started = false;
  inData = false; // SMTP message content, POP3 multi-line data
  literal = 0; // IMAP literal octets still to come
  sasl: SecretContext = { saslTurn: false };
  readonly waiting: Waiting[] = [];
  readonly tags = new Map<string, Waiting>();

  constructor(
    readonly protocol: Protocol,
    implicitTls: boolean,
  ) {
    this.dlg = dialogueState(protocol);
    this.tls = implicitTls;
  }

  client(text: string, tls: boolean): Pick<ExplainedLine, 'spans' | 'secret' | 'callouts'> {
    if (!this.started) {
      // The paste starts after the greeting (s_client -starttls reads it itself).
      this.dlg.server(GREETING[this.protocol]);
      this.started = true;
    }
    if (tls) this.tls = true;
    const context: LineContext = { inAuth: this.sasl.saslTurn, inData: this.inData || this.literal > 0 };
    const spans = explainLine(this.protocol, text, 'client', context);
    const secret = context.inData ? null : findSecret(this.protocol, text, this.sasl);
    const callouts = secret && !this.tls ? [credentialsInClear()] : [];
    if (this.literal > 0) {
      this.literal -= text.length + 2;
      return { spans, secret, callouts };
    }
    if (this.protocol === 'smtp' && this.inData) {
      if (text === '.') this.inData = false; // RFC 5321 §4.1.1.4
      else return { spans, secret, callouts };
    }
    const state = this.dlg.state ?? '';
    const auth = /^(?:\S+ )?(?:AUTH|AUTHENTICATE) (\S+)/i.exec(text);
    if (auth && !this.sasl.saslTurn) this.sasl = { saslTurn: false, mechanism: auth[1]!.toUpperCase() };
    if (this.sasl.saslTurn) this.sasl = { ...this.sasl, saslTurn: false };
    else {
      const waiting = { text, state };
      if (this.protocol === 'imap') {
        const tag = /^(\S+) /.exec(text)?.[1];
        if (tag) this.tags.set(tag, waiting);
      } else this.waiting.push(waiting);
    }
    this.dlg.client(text);
    return { spans, secret, callouts };
  }

  server(text: string, tls: boolean): Pick<ExplainedLine, 'spans' | 'callouts'> {
    this.started = true;
    if (tls) this.tls = true;
    const head = this.protocol === 'imap' ? undefined : this.waiting[0];
    const verb = head ? (/^\s*(\S+)/.exec(head.text)?.[1] ?? '').toUpperCase() : undefined;
    const data = this.inData || this.literal > 0;
    const spans = explainLine(this.protocol, text, 'server', { ...(verb ? { command: verb } : {}), inData: data });
    const callouts: Callout[] = [];
    if (this.literal > 0) {
      this.literal -= text.length + 2;
      this.dlg.server(text);
      return { spans, callouts };
    }
    if (this.protocol === 'pop3' && this.inData) {
      if (text === '.') this.inData = false;
      this.dlg.server(text);
      return { spans, callouts };
    }
    const answered = this.answered(text);
    if (answered) {
      const rule = explainRuleBreak(this.protocol, answered.state, answered.text, text);
      if (rule) callouts.push({ tone: 'refusal', title: 'Which rule this enforces', text: rule.rule, rfc: rule.rfc, ...(rule.quote ? { quote: rule.quote } : {}) });
      const failure = failureCallout(this.protocol, text);
      if (failure) callouts.push(failure);
      this.afterReply(answered.text, text);
    }
    this.challenge(text);
    this.dlg.server(text);
    return { spans, callouts };
  }

  /** The command a final reply answers, taken off the queue; null for an intermediate line. */
  answered(text: string): Waiting | null {
    if (this.protocol === 'smtp') {
      const reply = smtpReplyLine(text);
      return reply?.final && reply.code !== 334 ? (this.waiting.shift() ?? null) : null;
    }
    if (this.protocol === 'pop3') return pop3StatusLine(text) ? (this.waiting.shift() ?? null) : null;
    const tag = imapStatusLine(text)?.tag;
    if (!tag || tag === '*') return null;
    const w = this.tags.get(tag) ?? null;
    this.tags.delete(tag);
    return w;
  }

  /** Data that follows a reply, and TLS that starts after one (RFC 3207 §4, RFC 2595 §4, RFC 9051 §6.2.1). */
  afterReply(command: string, reply: string): void {
    const verb = (this.protocol === 'imap' ? command.split(/\s+/)[1] : command.split(/\s+/)[0])?.toUpperCase() ?? '';
    const args = command.trim().split(/\s+/).slice(1);
    if (this.protocol === 'smtp' && verb === 'DATA' && reply.startsWith('354')) this.inData = true;
    if (this.protocol === 'pop3' && reply.startsWith('+OK') && (['RETR', 'TOP', 'CAPA'].includes(verb) || ((verb === 'LIST' || verb === 'UIDL') && args.length === 0))) this.inData = true;
    const tlsNow =
      (this.protocol === 'smtp' && verb === 'STARTTLS' && reply.startsWith('220')) ||
      (this.protocol === 'pop3' && verb === 'STLS' && reply.startsWith('+OK')) ||
      (this.protocol === 'imap' && verb === 'STARTTLS' && /^\S+ OK\b/i.test(reply));
    if (tlsNow) {
      this.tls = true;
      this.dlg.tlsStarted();
    }
    if (/^(AUTH|AUTHENTICATE)$/.test(verb)) this.sasl = { saslTurn: false };
  }

  /** A SASL challenge (RFC 4954 §4 "334", RFC 5034 §4 and RFC 9051 §7.5 "+"), and literals announced by the server. */
  challenge(text: string): void {
    const challenge = this.protocol === 'smtp' ? /^334 ?(.*)$/.exec(text) : /^\+(?: (.*))?$/.exec(text);
    if (challenge && this.sasl.mechanism) {
      const bytes = decodeBase64((challenge[1] ?? '').trim());
      const decoded = bytes ? new TextDecoder().decode(bytes) : '';
      this.sasl = { ...this.sasl, saslTurn: true, askedPassword: /pass/i.test(decoded) };
    }
    const literal = this.protocol === 'imap' ? /\{(\d+)\}$/.exec(text) : null;
    if (literal) this.literal = Number(literal[1]);
  }
}

export function explainTranscript(paste: string): ExplainedTranscript {
  const parsed = parseTranscript(paste);
  const protocol = parsed.protocol;
  const walker = protocol ? new Walker(protocol, parsed.implicitTls) : null;
  const lines = parsed.lines.map((line): ExplainedLine => {
    const base = { n: line.n, side: line.side, text: line.text };
    if (!walker || line.side === 'note') return { ...base, spans: [], state: null, tls: false, secret: null, callouts: [] };
    const tlsBefore = walker.tls || line.tls === true;
    const result = line.side === 'client' ? walker.client(line.text, line.tls === true) : { ...walker.server(line.text, line.tls === true), secret: null };
    return { ...base, ...result, state: walker.dlg.state, tls: tlsBefore };
  });
  return { parsed, lines };
}
