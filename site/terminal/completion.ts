/** Tab completion of the command word: slash commands, or the connected protocol's verbs. */

export interface Completion {
  /** How many characters before the cursor the completion replaces. */
  replace: number;
  /** The text to put there (the word, completed as far as it is unambiguous). */
  insert: string;
  /** Every candidate, when more than one still fits (to list them). */
  candidates: string[];
}

/** What Tab may complete on the line being typed. */
export interface CompletionSource {
  words: readonly string[];
  /** Which word of the line is completed: 0, or 1 for an IMAP command, which follows a tag. */
  wordIndex?: number;
  /** The words are whole lines (IDLE's DONE, a SASL cancel "*"): nothing follows, so no space is added. */
  wholeLine?: boolean;
}

/** `before` is the text left of the cursor. */
export function complete(before: string, { words, wordIndex = 0, wholeLine = false }: CompletionSource): Completion | null {
  const parts = before.trimStart().split(/\s+/);
  if (parts.length - 1 !== wordIndex) return null;
  const typed = parts[wordIndex] ?? '';
  const matches = words.filter((w) => w.toUpperCase().startsWith(typed.toUpperCase()));
  if (matches.length === 0) return null;
  const common = commonPrefix(matches);
  // Keep the learner's case: "ehl" completes to "ehlo", "EHL" to "EHLO".
  const lower = typed !== '' && typed === typed.toLowerCase() && typed !== typed.toUpperCase();
  const fit = (w: string): string => (lower ? w.toLowerCase() : w);
  if (matches.length === 1) {
    const word = matches[0] ?? '';
    return { replace: typed.length, insert: fit(word) + (wholeLine || word.endsWith(':') ? '' : ' '), candidates: [] };
  }
  return { replace: typed.length, insert: fit(common.length > typed.length ? common : typed), candidates: matches };
}

function commonPrefix(words: string[]): string {
  let prefix = words[0] ?? '';
  for (const w of words) {
    let i = 0;
    while (i < prefix.length && i < w.length && prefix[i]?.toUpperCase() === w[i]?.toUpperCase()) i++;
    prefix = prefix.slice(0, i);
  }
  return prefix;
}
