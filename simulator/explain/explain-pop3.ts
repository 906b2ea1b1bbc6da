/**
 * POP3 lines cut into explained spans: +OK/-ERR and an RFC 2449 §8 [CODE]; the lines of a
 * multi-line reply (CAPA tags, scan and unique-id listings, ".", byte-stuffing, RFC 1939 §3);
 * SASL "+ " challenges and client commands (RFC 5034 §4).
 */
import { decodeStrict, displayBytes, looksLikeText } from './base64-text.ts';
import { lookup } from './knowledge.ts';
import { SpanBuilder } from './spans.ts';
import type { LineContext } from './types.ts';

const VERBS = new Set([
  'USER',
  'PASS',
  'APOP',
  'AUTH',
  'STLS',
  'CAPA',
  'STAT',
  'LIST',
  'RETR',
  'DELE',
  'NOOP',
  'RSET',
  'TOP',
  'UIDL',
  'QUIT',
]);
/** Replies whose following lines are message content, not listings (RFC 1939 §5 RETR, §7 TOP). */
const CONTENT = new Set(['RETR', 'TOP']);

export function explainPop3Server(b: SpanBuilder, context: LineContext): void {
  const status = b.match(/\+OK|-ERR/, 'status');
  if (status) {
    b.spans[b.spans.length - 1]!.explanation = lookup('pop3', status, 'status');
    b.space();
    const code = /^\[([^\]\s]*)\]/.exec(b.rest);
    if (code) b.take(code[0].length, 'response-code', responseCode(code[1]!));
    if (status === '+OK' && !context.command) apopTimestamp(b);
    return;
  }
  if (b.rest === '+' || b.rest.startsWith('+ ')) {
    b.take(1, 'continuation', lookup('pop3', '+', 'status'));
    b.space();
    return base64(b, true);
  }
  if (b.rest === '.') return void b.take(1, 'terminator', lookup('pop3', '.', 'wire'));
  if (b.rest.startsWith('..')) return void b.take(1, 'dot-stuffing', lookup('pop3', '..', 'wire'));
  if (context.command && CONTENT.has(context.command.toUpperCase())) return;
  if (listing(b, context)) return;
  capaLine(b, context);
}

/** RFC 1939 §7: a greeting's msg-id style timestamp, the APOP challenge. */
function apopTimestamp(b: SpanBuilder): void {
  const m = /<[^<>\s@]+@[^<>\s]+>/.exec(b.rest);
  if (!m) return;
  b.take(m.index, 'text');
  b.take(m[0].length, 'argument', lookup('pop3', '<timestamp>', 'wire'));
}

/** RFC 2449 §8: "the response code is hierarchical"; unknown detail falls back to its parent. */
function responseCode(code: string) {
  const parts = code.split('/');
  for (let n = parts.length; n > 0; n--) {
    const found = lookup('pop3', parts.slice(0, n).join('/'), 'response-code');
    if (found) return found;
  }
  return undefined;
}

/** "1 120" (scan listing, RFC 1939 §5 LIST) or "1 whqtswO00WBw418f9t5JxYwZ" (unique-id listing, §7 UIDL). */
function listing(b: SpanBuilder, context: LineContext): boolean {
  const m = /^(\d+) (\S+)$/.exec(b.rest);
  if (!m) return false;
  const verb = context.command?.toUpperCase() ?? (/^\d+$/.test(m[2]!) ? 'LIST' : 'UIDL');
  if (verb !== 'LIST' && verb !== 'UIDL') return false;
  b.take(b.rest.length, 'listing', lookup('pop3', verb, 'command'));
  return true;
}

function capaLine(b: SpanBuilder, context: LineContext): void {
  const tag = /^[A-Za-z0-9][A-Za-z0-9-]*(?= |$)/.exec(b.rest)?.[0];
  if (!tag) return;
  const known = lookup('pop3', tag, 'capability');
  if (!known && context.command?.toUpperCase() !== 'CAPA') return;
  b.take(tag.length, 'capability', known);
  while (!b.done) {
    b.space();
    const param = /^\S+/.exec(b.rest)?.[0] ?? '';
    b.take(param.length, 'parameter', known?.token === 'SASL' ? lookup('pop3', param, 'sasl-mechanism') : undefined);
  }
}

function base64(b: SpanBuilder, always: boolean): void {
  const text = b.rest;
  if (text === '=') return void b.take(1, 'base64', undefined, '(empty)');
  const bytes = decodeStrict(text);
  if (bytes && (always || looksLikeText(bytes))) b.take(text.length, 'base64', undefined, displayBytes(bytes));
}

export function explainPop3Client(b: SpanBuilder, context: LineContext): void {
  if (context.inAuth) {
    if (b.rest === '*') return void b.take(1, 'command', lookup('pop3', '*', 'wire'));
    return base64(b, true);
  }
  const verb = /^[A-Za-z]+(?= |$)/.exec(b.rest)?.[0] ?? '';
  if (!VERBS.has(verb.toUpperCase())) return base64(b, false);
  b.take(verb.length, 'command', lookup('pop3', verb, 'command'));
  b.space();
  if (verb.toUpperCase() === 'AUTH') {
    b.match(/\S+/, 'parameter', lookup('pop3', /^\S*/.exec(b.rest)![0], 'sasl-mechanism'));
    b.space();
    return base64(b, true);
  }
  while (!b.done) {
    b.space();
    b.match(/\S+/, /^\d+$/.test(/^\S*/.exec(b.rest)![0]) ? 'number' : 'argument');
  }
}
