/**
 * "did you mean EHLO?": when a server refuses a line whose command word it does not know, the
 * terminal (never the server) names the protocol's command the learner most likely meant. The
 * server's reply is printed untouched before it; this only adds the terminal's own note.
 */
import type { MailProtocol } from '../../simulator/world/ports.ts';
import { PROTOCOL_COMMANDS } from './protocol-commands.ts';

/** The command words of a protocol ("MAIL FROM:" is the verb MAIL). */
function verbsOf(protocol: MailProtocol): string[] {
  return [...new Set(PROTOCOL_COMMANDS[protocol].map((c) => c.split(/[\s:]/)[0] ?? c))];
}

/**
 * Optimal string alignment distance: insertions, deletions, substitutions, and a swap of two
 * neighbouring letters counted as one edit (EHOL → EHLO is 1, not 2).
 */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * The command word: the first word, or for IMAP the one after the tag (RFC 9051 §2.2.1). As
 * simulator/explain's `commandVerb`, without pulling the explanations into every terminal's code.
 */
function verbOf(protocol: MailProtocol, line: string): string {
  const words = line.trim().split(/\s+/);
  return ((protocol === 'imap' ? words[1] : words[0]) ?? '').replace(/:.*$/, '');
}

/**
 * The protocol's command closest to `verb`, when it is close enough to be a slip of the fingers:
 * one edit for words of up to four letters, two for longer ones. Null for a known verb, a word
 * that is not letters (a SASL response, a number) or nothing close.
 */
export function closestCommand(protocol: MailProtocol, verb: string): string | null {
  const word = verb.toUpperCase();
  if (!/^[A-Z]{2,}$/.test(word)) return null;
  const verbs = verbsOf(protocol);
  if (verbs.includes(word)) return null;
  const limit = word.length <= 4 ? 1 : 2;
  let best: { verb: string; distance: number } | null = null;
  for (const v of verbs) {
    const distance = editDistance(word, v);
    if (distance <= limit && (!best || distance < best.distance)) best = { verb: v, distance };
  }
  return best?.verb ?? null;
}

/**
 * Whether a server line refuses a command as unknown or malformed: SMTP 500/502 (RFC 5321 §4.2.2,
 * §4.2.4), POP3 -ERR (RFC 1939 §3), IMAP tagged BAD (RFC 9051 §7.1.3).
 */
export function refusesCommand(protocol: MailProtocol, reply: string): boolean {
  if (protocol === 'smtp') return /^50[02](?: |$)/.test(reply);
  if (protocol === 'pop3') return /^-ERR\b/.test(reply);
  return /^[^\s*+]+ BAD\b/i.test(reply);
}

/** The terminal's note after `reply` answered `sent`, or null when there is nothing to suggest. */
export function didYouMean(protocol: MailProtocol, sent: string, reply: string): string | null {
  if (!refusesCommand(protocol, reply)) return null;
  const guess = closestCommand(protocol, verbOf(protocol, sent));
  return guess ? `mailwire: did you mean ${guess}?` : null;
}
