/**
 * Test-only helpers: build messages from lines and print ENVELOPE / BODYSTRUCTURE in IMAP's
 * parenthesised notation (RFC 9051 §9 grammar) so tests can compare with the RFC's examples.
 */
import type { Address, BodyStructure, Disposition, Envelope } from './types.ts';

export function msg(lines: readonly string[], eol = '\r\n'): Uint8Array {
  return new TextEncoder().encode(lines.join(eol));
}

export function str(bytes: Uint8Array | null): string | null {
  return bytes === null ? null : new TextDecoder().decode(bytes);
}

function q(s: string | null): string {
  return s === null ? 'NIL' : `"${s.replace(/(["\\])/g, '\\$1')}"`;
}

function params(p: Record<string, string>): string {
  const entries = Object.entries(p);
  return entries.length ? `(${entries.map(([k, v]) => `${q(k)} ${q(v)}`).join(' ')})` : 'NIL';
}

function addresses(list: Address[] | null): string {
  if (!list) return 'NIL';
  return `(${list.map((a) => `(${q(a.name)} ${q(a.adl)} ${q(a.mailbox)} ${q(a.host)})`).join('')})`;
}

export function envelopeForm(e: Envelope): string {
  const parts = [q(e.date), q(e.subject), addresses(e.from), addresses(e.sender), addresses(e.replyTo),
    addresses(e.to), addresses(e.cc), addresses(e.bcc), q(e.inReplyTo), q(e.messageId)];
  return `(${parts.join(' ')})`;
}

function disposition(d: Disposition | null): string {
  return d ? `(${q(d.type)} ${params(d.params)})` : 'NIL';
}

function language(l: string[] | null): string {
  if (!l) return 'NIL';
  return l.length === 1 ? q(l[0] as string) : `(${l.map(q).join(' ')})`;
}

/** BODY (extended=false) or BODYSTRUCTURE (extended=true) notation. */
export function bodyForm(b: BodyStructure, extended: boolean): string {
  if (b.kind === 'multipart') {
    const ext = extended ? ` ${params(b.params)} ${disposition(b.disposition)} ${language(b.language)} ${q(b.location)}` : '';
    return `(${b.parts.map((p) => bodyForm(p, extended)).join('')} ${q(b.subtype)}${ext})`;
  }
  let out = `${q(b.type)} ${q(b.subtype)} ${params(b.params)} ${q(b.id)} ${q(b.description)} ${q(b.encoding)} ${b.size}`;
  if (b.kind === 'message') out += ` ${envelopeForm(b.envelope)} ${bodyForm(b.body, extended)} ${b.lines}`;
  if (b.kind === 'text') out += ` ${b.lines}`;
  if (extended) out += ` ${q(b.md5)} ${disposition(b.disposition)} ${language(b.language)} ${q(b.location)}`;
  return `(${out})`;
}
