/**
 * SMTP lines cut into explained spans. Server: code, "-" or " ", enhanced code, then EHLO
 * keywords, base64 challenges or text (RFC 5321 §4.2, RFC 2034 §4, RFC 4954 §4). Client: verb,
 * FROM:/TO:, the path, parameters, AUTH's base64 (RFC 5321 §4.1.1, RFC 4954 §4).
 */
import { decodeStrict, displayBytes, looksLikeText } from './base64-text.ts';
import { lookup } from './knowledge.ts';
import { SpanBuilder } from './spans.ts';
import type { Explanation, LineContext } from './types.ts';

const VERBS = new Set(['EHLO', 'HELO', 'MAIL', 'RCPT', 'DATA', 'BDAT', 'RSET', 'NOOP', 'QUIT', 'VRFY', 'EXPN', 'HELP', 'STARTTLS', 'AUTH']);

export function explainSmtpServer(b: SpanBuilder, context: LineContext): void {
  const code = b.match(/[0-9]{3}/, 'reply-code');
  if (!code) return;
  b.spans[b.spans.length - 1]!.explanation = lookup('smtp', code, 'reply-code');
  if (b.rest.startsWith('-')) b.take(1, 'separator', lookup('smtp', '-', 'wire'));
  else if (b.rest.startsWith(' ')) b.take(1, 'separator', lookup('smtp', 'SP', 'wire'));
  const enhanced = new RegExp(`${code[0]}\\.(?:0|[1-9]\\d{0,2})\\.(?:0|[1-9]\\d{0,2})(?= |$)`);
  const status = b.match(enhanced, 'enhanced-code');
  if (status) {
    b.spans[b.spans.length - 1]!.explanation = lookup('smtp', status, 'enhanced-code');
    b.space();
  }
  if (code === '334') return base64(b, true);
  if (code === '250' && !status) ehloLine(b, context);
}

/** RFC 5321 §4.1.1.1 ehlo-line = ehlo-keyword *( SP ehlo-param ). */
function ehloLine(b: SpanBuilder, context: LineContext): void {
  const m = /^([A-Za-z0-9][A-Za-z0-9-]*)(?= |$)/.exec(b.rest);
  if (!m) return;
  const keyword = lookup('smtp', m[1]!, 'ehlo-keyword');
  if (!keyword && context.command !== 'EHLO') return;
  if (!keyword && /\./.test(m[1]!)) return; // the first line's domain
  b.take(m[1]!.length, 'keyword', keyword);
  while (!b.done) {
    b.space();
    const param = /^\S+/.exec(b.rest)?.[0] ?? '';
    const mech = keyword?.token === 'AUTH' ? lookup('smtp', param, 'sasl-mechanism') : undefined;
    b.take(param.length, 'parameter', mech);
  }
}

/** A base64 SASL payload at the cursor (334 challenge, AUTH initial response, bare response). */
function base64(b: SpanBuilder, always: boolean): void {
  const text = b.rest;
  if (text === '=') {
    b.take(1, 'base64', undefined, '(empty)');
    return;
  }
  const bytes = decodeStrict(text);
  if (bytes && (always || looksLikeText(bytes))) b.take(text.length, 'base64', undefined, displayBytes(bytes));
}

export function explainSmtpClient(b: SpanBuilder, context: LineContext): void {
  if (context.inAuth) {
    if (b.rest === '*') b.take(1, 'command', lookup('smtp', '*', 'wire'));
    else base64(b, true);
    return;
  }
  if (b.rest === '.') return void b.take(1, 'terminator', lookup('smtp', '.', 'wire'));
  if (b.rest.startsWith('..')) return void b.take(1, 'dot-stuffing', lookup('smtp', '..', 'wire'));
  const verb = /^[A-Za-z]+(?= |:|$)/.exec(b.rest)?.[0] ?? '';
  if (!VERBS.has(verb.toUpperCase())) return base64(b, false);
  b.take(verb.length, 'command', lookup('smtp', verb, 'command'));
  b.space();
  switch (verb.toUpperCase()) {
    case 'MAIL':
    case 'RCPT':
      return pathAndParameters(b, lookup('smtp', verb, 'command'));
    case 'AUTH':
      b.match(/\S+/, 'parameter', lookup('smtp', /^\S*/.exec(b.rest)![0], 'sasl-mechanism'));
      b.space();
      return base64(b, true);
    case 'BDAT':
      b.match(/\d+/, 'number');
      b.space();
      b.match(/LAST/i, 'keyword');
      return;
    default:
      while (!b.done) {
        b.space();
        b.match(/\S+/, 'argument');
      }
  }
}

/** "FROM:<path> PARAM=value …" (RFC 5321 §4.1.1.2, §4.1.1.3; parameters per extension). */
function pathAndParameters(b: SpanBuilder, command: Explanation | undefined): void {
  b.match(/(?:FROM|TO):/i, 'keyword', command);
  b.space();
  const path = b.match(/<[^>]*>|\S+/, 'address');
  if (path === '<>') b.spans[b.spans.length - 1]!.explanation = lookup('smtp', '<>', 'wire');
  while (!b.done) {
    b.space();
    const word = /^\S+/.exec(b.rest)?.[0] ?? '';
    const name = word.split('=')[0]!;
    b.take(word.length, 'parameter', lookup('smtp', name, 'mail-parameter'));
  }
}
