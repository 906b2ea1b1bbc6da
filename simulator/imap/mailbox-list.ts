/**
 * Which mailboxes a LIST/LSUB pattern names and the attributes each LIST response carries
 * (RFC 9051 §6.3.9 and §7.3.1, RFC 6154 special-use, RFC 3348 CHILDREN).
 */
import type { Account } from '../store/account.ts';
import type { Mailbox } from '../store/mailbox.ts';
import { HIERARCHY_DELIMITER } from '../store/types.ts';
import { compilePattern, matchPattern } from './mailbox-pattern.ts';

/**
 * @rfc 9051#6.3.9 "*" matches zero or more characters at this position; "%" is like "*" but
 * does not match a hierarchy delimiter. INBOX matches without regard to case (§5.1).
 * Linear in the name for a given pattern (mailbox-pattern.ts): no command can stall the server.
 */
export function patternMatcher(reference: string, pattern: string): (name: string) => boolean {
  const canonical = reference + pattern;
  const compiled = compilePattern(canonical);
  const spelt = canonical.slice(0, 5);
  const inboxPattern = spelt.toUpperCase() === 'INBOX';
  return (name) => {
    // Only the INBOX part is case-insensitive: test the name spelt the way the pattern spells it.
    if (inboxPattern && (name === 'INBOX' || name.startsWith('INBOX' + HIERARCHY_DELIMITER))) return matchPattern(compiled, spelt + name.slice(5));
    return matchPattern(compiled, name);
  };
}

export function hasChildren(account: Account, box: Mailbox): boolean {
  const prefix = box.name + HIERARCHY_DELIMITER;
  for (const name of account.mailboxes.keys()) if (name.startsWith(prefix)) return true;
  return false;
}

export interface AttributeOptions {
  /** Add \Subscribed (RETURN (SUBSCRIBED), or the SUBSCRIBED selection option). */
  subscribed: boolean;
}

/**
 * RFC 9051 §7.3.1 name attributes: \HasChildren or \HasNoChildren (RFC 3348 is folded in),
 * the RFC 6154 special-use attribute, and \Subscribed when asked for.
 */
export function mailboxAttributes(account: Account, box: Mailbox, opts: AttributeOptions): string[] {
  const attrs = [hasChildren(account, box) ? '\\HasChildren' : '\\HasNoChildren'];
  if (opts.subscribed && box.subscribed) attrs.push('\\Subscribed');
  if (box.specialUse) attrs.push(box.specialUse);
  return attrs;
}

/** The account's mailboxes in a stable order: INBOX first, then by name. */
export function sortedMailboxes(account: Account): Mailbox[] {
  return [...account.mailboxes.values()].sort((a, b) => {
    if (a.name === 'INBOX') return -1;
    if (b.name === 'INBOX') return 1;
    return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
  });
}
