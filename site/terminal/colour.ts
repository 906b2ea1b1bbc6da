/**
 * Colour by meaning: the terminal's own notes, the client's lines and each class of server reply.
 * The SGR codes name ANSI colours; the page's xterm theme picks shades readable in light and dark.
 */
import type { MailProtocol } from '../../simulator/world/ports.ts';

export type LineKind =
  | 'client'
  | 'note'
  | 'error'
  /** SMTP 2yz, POP3 +OK, IMAP tagged OK */
  | 'positive'
  /** SMTP 3yz, and the "+ " continuation of IMAP and of POP3/SMTP SASL */
  | 'intermediate'
  /** SMTP 4yz, IMAP tagged NO */
  | 'transient'
  /** SMTP 5yz, POP3 -ERR, IMAP tagged BAD */
  | 'permanent'
  /** IMAP untagged "* " data */
  | 'untagged'
  | 'plain';

export const LINE_STYLE: Record<LineKind, string> = {
  client: '34',
  note: '90',
  error: '1;31',
  positive: '32',
  intermediate: '36',
  transient: '33',
  permanent: '31',
  untagged: '35',
  plain: '',
};

/** RFC 5321 §4.2: a reply line is three digits then SP (last line) or "-" (more lines follow). */
function smtpKind(line: string): LineKind | null {
  const m = /^([2-5])\d\d(?:[ -]|$)/.exec(line);
  if (!m) return null;
  return (['positive', 'intermediate', 'transient', 'permanent'] as const)[Number(m[1]) - 2] ?? null;
}

/** RFC 1939 §3: status indicators "+OK" and "-ERR"; RFC 5034 §4: "+ " SASL continuation. */
function pop3Kind(line: string): LineKind | null {
  if (/^\+OK\b/i.test(line)) return 'positive';
  if (/^-ERR\b/i.test(line)) return 'permanent';
  if (line === '+' || line.startsWith('+ ')) return 'intermediate';
  return null;
}

/** RFC 9051 §7.1: tagged status OK/NO/BAD; "*" untagged; "+" continuation request (§7.5). */
function imapKind(line: string): LineKind | null {
  if (line.startsWith('* ')) return 'untagged';
  if (line === '+' || line.startsWith('+ ')) return 'intermediate';
  const m = /^[^\s*+]+ (OK|NO|BAD)\b/i.exec(line);
  if (!m) return null;
  const status = (m[1] ?? '').toUpperCase();
  return status === 'OK' ? 'positive' : status === 'NO' ? 'transient' : 'permanent';
}

/** Classifies one line from a server; without a known protocol, tries each in turn. */
export function classifyServerLine(line: string, protocol: MailProtocol | null): LineKind {
  if (protocol === 'smtp') return smtpKind(line) ?? 'plain';
  if (protocol === 'pop3') return pop3Kind(line) ?? 'plain';
  if (protocol === 'imap') return imapKind(line) ?? 'plain';
  return smtpKind(line) ?? pop3Kind(line) ?? imapKind(line) ?? 'plain';
}

export function styled(kind: LineKind, text: string): string {
  const style = LINE_STYLE[kind];
  return style && text ? `\x1b[${style}m${text}\x1b[0m` : text;
}

/**
 * Makes untrusted text safe to print: C0 controls and DEL (a server could send escape sequences
 * that move the cursor or retitle the window) become visible `\xHH`; tabs stay.
 */
export function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\x00-\x08\x0a-\x1f\x7f\x9b]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
