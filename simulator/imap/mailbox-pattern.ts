/**
 * LIST/LSUB mailbox patterns (RFC 9051 §6.3.9) matched in O(pattern × name) steps, whatever the
 * pattern: the pattern is an automaton whose live positions are tracked together over one pass
 * of the name, never a backtracking regular expression (`"*****…Z"` took seconds that way).
 */
import { HIERARCHY_DELIMITER } from '../store/types.ts';

/** A compiled pattern: literal code points, `*` and `%` (runs of wildcards folded into one). */
export type MailboxPattern = readonly string[];

/** Counts the inner steps of matching, so a test can show the cost is bounded by construction. */
export interface MatchMeter {
  steps: number;
}

/**
 * @rfc 9051#6.3.9 "*" matches zero or more characters; "%" is like "*" but does not match a
 * hierarchy delimiter. A run of wildcards matches what its widest member does: `**` and `%*`
 * are `*`, `%%` is `%`, so an adversarial pattern shrinks before it is used.
 */
export function compilePattern(pattern: string): MailboxPattern {
  const out: string[] = [];
  for (const ch of pattern) {
    const last = out[out.length - 1];
    if ((ch === '*' || ch === '%') && (last === '*' || last === '%')) {
      if (ch === '*') out[out.length - 1] = '*';
      continue;
    }
    out.push(ch);
  }
  return out;
}

const isWildcard = (token: string | undefined): boolean => token === '*' || token === '%';

/** Marks the positions reachable by letting wildcards match nothing (left to right, one pass). */
function skipEmpty(pattern: MailboxPattern, live: Uint8Array): void {
  for (let j = 0; j < pattern.length; j++) if (live[j] && isWildcard(pattern[j])) live[j + 1] = 1;
}

/** Whether `name` matches: at most (pattern length + 1) × (name length + 1) steps. */
export function matchPattern(pattern: MailboxPattern, name: string, meter?: MatchMeter): boolean {
  const m = pattern.length;
  let live = new Uint8Array(m + 1);
  let next = new Uint8Array(m + 1);
  live[0] = 1;
  skipEmpty(pattern, live);
  for (const ch of name) {
    next.fill(0);
    let any = false;
    for (let j = 0; j < m; j++) {
      if (meter) meter.steps++;
      if (!live[j]) continue;
      const token = pattern[j];
      if (token === '*' || (token === '%' && ch !== HIERARCHY_DELIMITER)) next[j] = 1;
      else if (token === ch) next[j + 1] = 1;
      else continue;
      any = true;
    }
    if (!any) return false;
    skipEmpty(pattern, next);
    [live, next] = [next, live];
  }
  return live[m] === 1;
}
