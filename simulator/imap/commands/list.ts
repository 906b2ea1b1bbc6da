import { rfc } from '../../fsm.ts';
import type { ImapCommandSpec } from './command.ts';
import type { ArgParser } from '../parse/arg-parser.ts';
import type { Cmd, ListReturn, ListSelection } from '../parse/ast.ts';
import { parseListArgs } from '../parse/list.ts';
import { done, protocolError, untagged, type ImapEffect } from '../effects.ts';
import type { Mailbox } from '../../store/mailbox.ts';
import { HIERARCHY_DELIMITER } from '../../store/types.ts';
import { mailboxName, quote } from '../encode.ts';
import { hasChildren, mailboxAttributes, patternMatcher, sortedMailboxes } from '../mailbox-list.ts';
import { statusValues } from '../mailbox-status.ts';
import { ok } from '../responses.ts';
import type { Session } from '../session.ts';

export type ListCommand = Cmd<
  'LIST',
  {
    reference: string;
    patterns: string[];
    selection: ListSelection;
    returns: ListReturn;
    /** Any LIST-EXTENDED syntax was used (selection, multiple patterns or RETURN). */
    extended: boolean;
  }
>;

/** RFC 9051 §6.3.9 list (with RFC 5258 LIST-EXTENDED): ../parse/list.ts reads it. */
const parse: ArgParser<ListCommand> = (c, tag, opts) => ({ tag, name: 'LIST', ...parseListArgs(c, opts) });

/**
 * @rfc 9051#6.3.9 LIST with the LIST-EXTENDED selection and return options (RFC 5258),
 * RFC 6154 special-use, and RFC 5819 LIST-STATUS: "the server MUST return an untagged LIST
 * response followed by an untagged STATUS response".
 */
export const LIST: ImapCommandSpec<ListCommand> = {
  name: 'LIST',
  verb: 'LIST',
  order: 160,
  states: ['authenticated', 'selected'], // RFC 9051 §6.3; §6.4: also valid in the selected state
  summary: 'List mailboxes matching a pattern',
  syntax: 'LIST [(selection)] reference pattern [RETURN (options)]',
  rfc: rfc(9051, '6.3.9'),
  parse,
  handle(s, cmd) {
    const sel = cmd.selection;
    // §6.3.9.1: "The RECURSIVEMATCH option MUST NOT occur as the only selection option (or only with REMOTE)".
    if (sel.recursiveMatch && !sel.subscribed && !sel.specialUse) return [protocolError({ kind: 'argument', message: 'RECURSIVEMATCH needs another selection option such as SUBSCRIBED' })];
    if (!cmd.extended && cmd.patterns.length === 1 && cmd.patterns[0] === '') {
      // "an empty mailbox name argument is a special request to return the hierarchy delimiter".
      return [untagged(`LIST (\\Noselect) ${quote(HIERARCHY_DELIMITER)} ""`), done(ok('LIST completed'))];
    }
    const matchers = cmd.patterns.filter((p) => p !== '').map((p) => patternMatcher(cmd.reference, p));
    const account = s.user;
    const subscribedAttr = sel.subscribed || cmd.returns.subscribed;
    const effects: ImapEffect[] = [];
    for (const box of sortedMailboxes(account)) {
      if (!matchers.some((m) => m(box.name))) continue;
      const selected = (!sel.subscribed || box.subscribed) && (!sel.specialUse || box.specialUse !== null);
      const childInfo = !selected && sel.recursiveMatch && sel.subscribed && subscribedChild(s, box);
      if (!selected && !childInfo) continue;
      const attrs = mailboxAttributes(account, box, { subscribed: subscribedAttr });
      const extra = childInfo ? ' ("CHILDINFO" ("SUBSCRIBED"))' : '';
      effects.push(untagged(`LIST (${attrs.join(' ')}) ${quote(HIERARCHY_DELIMITER)} `, ...mailboxName(box.name, s.strings), extra));
      if (cmd.returns.status && selected) {
        effects.push(untagged('STATUS ', ...mailboxName(box.name, s.strings), ` (${statusValues(box, cmd.returns.status, s.view)})`));
      }
    }
    effects.push(done(ok('LIST completed')));
    return effects;
  },
};

/** RFC 9051 §6.3.9.6 CHILDINFO: a parent listed because a submailbox is subscribed. */
function subscribedChild(s: Session, box: Mailbox): boolean {
  if (!hasChildren(s.user, box)) return false;
  const prefix = box.name + HIERARCHY_DELIMITER;
  for (const b of s.user.mailboxes.values()) if (b.name.startsWith(prefix) && b.subscribed) return true;
  return false;
}
