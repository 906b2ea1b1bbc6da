import { rfc } from '../../fsm.ts';
import { COMMAND_STATES } from '../state.ts';
import type { ImapCommandSpec } from './command.ts';
import { done, untagged, type ImapEffect } from '../effects.ts';
import { HIERARCHY_DELIMITER } from '../../store/types.ts';
import { mailboxName, quote } from '../encode.ts';
import { patternMatcher, sortedMailboxes } from '../mailbox-list.ts';
import { ok } from '../responses.ts';

/**
 * @rfc 3501#6.3.9 LSUB: the subscribed names matching the pattern (IMAP4rev1; RFC 9051
 * Appendix E item 19 replaces it with LIST (SUBSCRIBED)).
 */
export const LSUB: ImapCommandSpec<'LSUB'> = {
  name: 'LSUB',
  verb: 'LSUB',
  states: COMMAND_STATES.LSUB,
  summary: 'List subscribed mailboxes (IMAP4rev1)',
  syntax: 'LSUB reference pattern',
  rfc: rfc(3501, '6.3.9'),
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
