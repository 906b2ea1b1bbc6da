import { rfc } from '../../fsm.ts';
import type { ImapCommandSpec } from './command.ts';
import type { ArgParser } from '../parse/arg-parser.ts';
import type { Cmd } from '../parse/ast.ts';
import { parseLsubArgs } from '../parse/list.ts';
import { done, untagged, type ImapEffect } from '../effects.ts';
import { HIERARCHY_DELIMITER } from '../../store/types.ts';
import { mailboxName, quote } from '../encode.ts';
import { patternMatcher, sortedMailboxes } from '../mailbox-list.ts';
import { ok } from '../responses.ts';

export type LsubCommand = Cmd<'LSUB', { reference: string; pattern: string }>;

/** RFC 3501 §6.3.9 lsub = "LSUB" SP mailbox SP list-mailbox: ../parse/list.ts reads it. */
const parse: ArgParser<LsubCommand> = (c, tag, opts) => ({ tag, name: 'LSUB', ...parseLsubArgs(c, opts) });

/**
 * @rfc 3501#6.3.9 LSUB: the subscribed names matching the pattern (IMAP4rev1; RFC 9051
 * Appendix E item 19 replaces it with LIST (SUBSCRIBED)).
 */
export const LSUB: ImapCommandSpec<LsubCommand> = {
  name: 'LSUB',
  verb: 'LSUB',
  order: 170,
  states: ['authenticated', 'selected'], // RFC 3501 §6.3.9 (deprecated by RFC 9051 Appendix E item 19)
  summary: 'List subscribed mailboxes (IMAP4rev1)',
  syntax: 'LSUB reference pattern',
  rfc: rfc(3501, '6.3.9'),
  parse,
  handle(s, cmd) {
    const matches = patternMatcher(cmd.reference, cmd.pattern);
    const effects: ImapEffect[] = [];
    for (const box of sortedMailboxes(s.user)) {
      if (!box.subscribed || !matches(box.name)) continue;
      effects.push(untagged(`LSUB () ${quote(HIERARCHY_DELIMITER)} `, ...mailboxName(box.name, s.strings)));
    }
    effects.push(done(ok('LSUB completed')));
    return effects;
  },
};
