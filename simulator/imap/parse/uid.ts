/**
 * RFC 9051 §6.4.9 UID SP (copy / move / fetch / search / store / uid-expunge): the prefix that
 * makes a message command take UIDs. Which commands it takes comes from their specs (`parseUid`,
 * gathered by ../registry.ts), so a new one is its own file's business.
 */
import type { ArgParser } from './arg-parser.ts';
import { SyntaxFault } from './lexer.ts';

/**
 * The order the RFC 9051 §9 `uid` rule writes its alternatives in, which the messages below
 * follow (a command the rule does not name goes after them). It orders text only: what UID takes
 * is `forms`.
 */
const UID_RULE = ['COPY', 'MOVE', 'FETCH', 'SEARCH', 'STORE', 'EXPUNGE'];

const ruleRank = (verb: string): number => (UID_RULE.includes(verb) ? UID_RULE.indexOf(verb) : UID_RULE.length);

/** "COPY, MOVE or FETCH". */
function alternatives(verbs: readonly string[]): string {
  const sorted = [...verbs].sort((a, b) => ruleRank(a) - ruleRank(b));
  return sorted.length > 1 ? `${sorted.slice(0, -1).join(', ')} or ${sorted.at(-1)}` : (sorted[0] ?? '');
}

/** The UID verb's grammar over `forms`: the verb after UID → its `parseUid`. */
export function uidArgs<C>(forms: Readonly<Record<string, ArgParser<C>>>): ArgParser<C> {
  const names = alternatives(Object.keys(forms));
  return (c, tag, opts) => {
    c.sp('UID');
    const verb = c.keyword(`${names} after UID`);
    const parser = forms[verb];
    if (!parser) throw new SyntaxFault(`UID must be followed by ${names}, got "${verb}"`);
    return parser(c, tag, opts);
  };
}
