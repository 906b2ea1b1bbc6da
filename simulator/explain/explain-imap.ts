/**
 * IMAP lines cut into explained spans: tag, status, [response code], untagged data with its
 * atoms (flags, attributes, capabilities, FETCH items), strings, literals (RFC 9051 §2.2, §4, §7);
 * client lines: tag, command, arguments, AUTHENTICATE's base64 (§6.2.2).
 */
import { decodeStrict, displayBytes, looksLikeText } from './base64-text.ts';
import { lookup } from './knowledge.ts';
import { SpanBuilder } from './spans.ts';
import type { EntryKind, LineContext, SpanKind } from './types.ts';

const STATUSES = new Set(['OK', 'NO', 'BAD', 'PREAUTH', 'BYE']);

/** Which kinds of entry the atoms after a keyword are, by the keyword. */
const VOCABULARY: Record<string, readonly EntryKind[]> = {
  CAPABILITY: ['capability'],
  ENABLED: ['capability'],
  ENABLE: ['capability'],
  FLAGS: ['flag'],
  PERMANENTFLAGS: ['flag'],
  FETCH: ['fetch-item', 'flag'],
  STORE: ['flag'],
  APPEND: ['flag'],
  LIST: ['mailbox-attribute', 'flag'],
  LSUB: ['mailbox-attribute'],
  CREATE: ['mailbox-attribute'],
  STATUS: ['status-item'],
};

const SPAN_OF: Partial<Record<EntryKind, SpanKind>> = {
  capability: 'capability',
  flag: 'flag',
  'mailbox-attribute': 'attribute',
  'fetch-item': 'keyword',
  'status-item': 'keyword',
  wire: 'atom',
};

export function explainImapServer(b: SpanBuilder, context: LineContext): void {
  if (b.rest === '+' || b.rest.startsWith('+ ')) {
    b.take(1, 'continuation', lookup('imap', '+', 'status'));
    b.space();
    return base64(b, context.inAuth === true);
  }
  if (b.rest.startsWith('* ')) return untagged(b);
  const tag = b.match(/[^\s]+/, 'tag', lookup('imap', 'tag', 'status'));
  if (!tag) return;
  b.space();
  const status = /^[A-Za-z]+/.exec(b.rest)?.[0] ?? '';
  if (!STATUSES.has(status.toUpperCase())) return;
  b.take(status.length, 'status', lookup('imap', status, 'status'));
  respText(b);
}

/** RFC 9051 §7.1: resp-text = ["[" resp-text-code "]" SP] [text]. */
function respText(b: SpanBuilder): void {
  b.space();
  if (!b.rest.startsWith('[')) return;
  b.take(1, 'punctuation');
  const code = /^[^\s\]]+/.exec(b.rest)?.[0] ?? '';
  b.take(code.length, 'response-code', lookup('imap', code, 'response-code'));
  tokens(b, VOCABULARY[code.toUpperCase()] ?? [], ']');
  if (b.rest.startsWith(']')) b.take(1, 'punctuation');
  b.space();
}

function untagged(b: SpanBuilder): void {
  b.take(1, 'untagged', lookup('imap', '*', 'status'));
  b.space();
  const number = b.match(/\d+(?= )/, 'number');
  if (number) b.space();
  const word = /^[A-Za-z][A-Za-z0-9.-]*/.exec(b.rest)?.[0] ?? '';
  if (!number && STATUSES.has(word.toUpperCase())) {
    b.take(word.length, 'status', lookup('imap', word, 'status'));
    return respText(b);
  }
  b.take(word.length, 'untagged', lookup('imap', word, 'untagged'));
  tokens(b, VOCABULARY[word.toUpperCase()] ?? []);
}

/** The generic IMAP token stream (RFC 9051 §4): atoms, numbers, strings, lists, literals, NIL. */
function tokens(b: SpanBuilder, vocabulary: readonly EntryKind[], stop?: string): void {
  while (!b.done && !(stop && b.rest.startsWith(stop))) {
    if (b.match(/\s+/, 'separator')) continue;
    if (b.match(/[()]/, 'punctuation')) continue;
    if (b.match(/"(?:[^"\\]|\\.)*"?/, 'string')) continue;
    if (b.match(/~?\{\d+\+?\}/, 'literal', lookup('imap', '{n}', 'wire'))) continue;
    const atom = /^[^\s()"{[\]]+(?:\[[^\]]*\](?:<[\d.]+>)?)?/.exec(b.rest)?.[0];
    if (atom) atomSpan(b, atom, vocabulary);
    else b.take(1, 'text');
  }
}

function atomSpan(b: SpanBuilder, atom: string, vocabulary: readonly EntryKind[]): void {
  if (/^\d+$/.test(atom)) return void b.take(atom.length, 'number');
  if (atom.toUpperCase() === 'NIL') return void b.take(atom.length, 'atom', lookup('imap', 'NIL', 'wire'));
  const base = atom.replace(/[[<].*$/, '').replace(/\.PEEK$/i, '');
  for (const kind of vocabulary) {
    const found = lookup('imap', base, kind);
    if (found) return void b.take(atom.length, SPAN_OF[kind] ?? 'atom', found);
  }
  b.take(atom.length, atom.startsWith('\\') ? 'flag' : 'atom');
}

function base64(b: SpanBuilder, always: boolean): void {
  const text = b.rest;
  if (text === '=') return void b.take(1, 'base64', undefined, '(empty)');
  const bytes = decodeStrict(text);
  if (bytes && (always || looksLikeText(bytes))) b.take(text.length, 'base64', undefined, displayBytes(bytes));
}

export function explainImapClient(b: SpanBuilder, context: LineContext): void {
  if (context.inAuth) {
    if (b.rest === '*') return void b.take(1, 'command', lookup('imap', '*', 'wire'));
    return base64(b, true);
  }
  if (/^DONE$/i.test(b.rest)) return void b.take(4, 'command', lookup('imap', 'DONE', 'command'));
  // RFC 9051 §9: tag = 1*<any ASTRING-CHAR except "+">
  if (!b.match(/[^\s(){%*"\\\]+]+/, 'tag', lookup('imap', 'tag', 'status'))) return base64(b, false);
  b.space();
  let verb = /^[A-Za-z]+/.exec(b.rest)?.[0] ?? '';
  b.take(verb.length, 'command', lookup('imap', verb, 'command'));
  if (verb.toUpperCase() === 'UID') {
    b.space();
    verb = /^[A-Za-z]+/.exec(b.rest)?.[0] ?? '';
    b.take(verb.length, 'command', lookup('imap', verb, 'command'));
  }
  b.space();
  if (verb.toUpperCase() === 'AUTHENTICATE') {
    b.match(/\S+/, 'parameter', lookup('imap', /^\S*/.exec(b.rest)![0], 'sasl-mechanism'));
    b.space();
    return base64(b, true);
  }
  tokens(b, VOCABULARY[verb.toUpperCase()] ?? []);
}
