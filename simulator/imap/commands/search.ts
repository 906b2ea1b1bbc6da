import { rfc } from '../../fsm.ts';
import type { ImapCommandSpec } from './command.ts';
import type { ArgParser } from '../parse/arg-parser.ts';
import type { Cmd, SearchKey, SearchReturnOption } from '../parse/ast.ts';
import { parseSearchArgs } from '../parse/search.ts';
import { done, untagged } from '../effects.ts';
import { quote } from '../encode.ts';
import { compactSequenceSet, formatSequenceSet } from '../parse/sequence-set.ts';
import { isUtf8Charset } from '../parse/search.ts';
import { beginPass } from '../message-cache.ts';
import { no, ok } from '../responses.ts';
import { SearchRun } from '../search/evaluate.ts';
import type { StoredMessage } from '../../store/types.ts';

export type SearchCommand = Cmd<
  'SEARCH',
  {
    uid: boolean;
    charset: string | null;
    /** null: no RETURN, answer with SEARCH (rev1) / ESEARCH ALL. []: RETURN () means ALL. */
    returns: SearchReturnOption[] | null;
    /** Implicitly ANDed (RFC 9051 §6.4.4). */
    criteria: SearchKey[];
  }
>;

/** RFC 9051 §6.4.4 search = "SEARCH" [search-return-opts] SP search-program: ../parse/search.ts reads it. */
const searchArgs =
  (uid: boolean): ArgParser<SearchCommand> =>
  (c, tag) => ({ tag, name: 'SEARCH', uid, ...parseSearchArgs(c) });

/**
 * @rfc 9051#6.4.4 SEARCH with the RFC 4731 ESEARCH result options. "Servers MUST support
 * US-ASCII and UTF-8 charsets"; another is NO [BADCHARSET (...)]. IMAP4rev1 sessions that ask
 * for no RETURN options get the old `* SEARCH` response (RFC 3501 §7.2.5); IMAP4rev2 sessions
 * always get ESEARCH ("If no result option is specified ..., ALL is assumed").
 */
export const SEARCH: ImapCommandSpec<SearchCommand> = {
  name: 'SEARCH',
  verb: 'SEARCH',
  order: 260,
  states: ['selected'], // RFC 9051 §6.4
  summary: 'Find messages by flags, dates, headers or text',
  syntax: 'SEARCH [RETURN (MIN MAX ALL COUNT SAVE)] [CHARSET UTF-8] criteria...',
  rfc: rfc(9051, '6.4.4'),
  parse: searchArgs(false),
  parseUid: searchArgs(true),
  handle(s, cmd) {
    if (!isUtf8Charset(cmd.charset)) {
      if (cmd.returns?.includes('SAVE')) s.selected.saved = []; // §6.4.4.1: a failed SEARCH empties $
      return [done(no(`Charset ${cmd.charset} is not supported`, 'BADCHARSET (US-ASCII UTF-8)'))];
    }
    beginPass(s.selected.exists);
    const found = new SearchRun(s.selected).run(cmd.criteria);
    const numbers = found.map((m) => (cmd.uid ? m.uid : s.selected.seqOf(m.uid)));
    const returns = cmd.returns ?? (s.rev2 ? [] : null);
    const completed = done(ok(`${cmd.uid ? 'UID SEARCH' : 'SEARCH'} completed`));
    if (returns === null) return [untagged(['SEARCH', ...numbers].join(' ')), completed];
    const options: SearchReturnOption[] = returns.length ? returns : ['ALL'];
    if (options.includes('SAVE')) s.selected.saved = saved(found, options);
    return options.some((o) => o !== 'SAVE') ? [untagged(esearch(cmd, numbers, options)), completed] : [completed];
  },
};

/** RFC 4731 §3.1 / RFC 9051 §7.3.4: `ESEARCH (TAG "a1") UID MIN 2 MAX 9 COUNT 3 ALL 2,4,9`. */
function esearch(cmd: SearchCommand, numbers: number[], options: SearchReturnOption[]): string {
  const parts = [`ESEARCH (TAG ${quote(cmd.tag)})`];
  if (cmd.uid) parts.push('UID');
  // Messages are in sequence order, which is also UID order: the ends are MIN and MAX.
  const has = numbers.length > 0;
  for (const option of options) {
    if (option === 'MIN' && has) parts.push(`MIN ${numbers[0]}`);
    if (option === 'MAX' && has) parts.push(`MAX ${numbers[numbers.length - 1]}`);
    if (option === 'COUNT') parts.push(`COUNT ${numbers.length}`);
    if (option === 'ALL' && has) parts.push(`ALL ${formatSequenceSet(compactSequenceSet(numbers))}`);
  }
  return parts.join(' ');
}

/**
 * RFC 9051 §6.4.4.1: with SAVE and only MIN and/or MAX the saved result is those messages;
 * with ALL or COUNT (or SAVE alone), all matching messages.
 */
function saved(found: StoredMessage[], options: SearchReturnOption[]): number[] {
  if (!found.length) return [];
  const onlyMinMax = !options.includes('ALL') && !options.includes('COUNT') && (options.includes('MIN') || options.includes('MAX'));
  if (!onlyMinMax) return found.map((m) => m.uid);
  const picks: number[] = [];
  if (options.includes('MIN')) picks.push(found[0]!.uid);
  if (options.includes('MAX')) picks.push(found[found.length - 1]!.uid);
  return [...new Set(picks)];
}

