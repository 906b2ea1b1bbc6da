import { rfc } from '../../fsm.ts';
import type { ImapCommandSpec } from './command.ts';
import type { ArgParser } from '../parse/arg-parser.ts';
import type { Cmd, SequenceSet } from '../parse/ast.ts';
import { SyntaxFault } from '../parse/lexer.ts';
import { parseSequenceSet } from '../parse/sequence-set.ts';
import { done } from '../effects.ts';
import { Code, no, ok } from '../responses.ts';

/** `set` is only present for UID EXPUNGE (RFC 4315 §2.1, RFC 9051 §6.4.9). */
export type ExpungeCommand = Cmd<'EXPUNGE', { uid: boolean; set: SequenceSet | null }>;

/** RFC 9051 §9 expunge = "EXPUNGE"; uid-expunge = "UID" SP "EXPUNGE" SP sequence-set (RFC 4315 §2.1). */
const expungeArgs =
  (uid: boolean): ArgParser<ExpungeCommand> =>
  (c, tag) => {
    if (!uid) {
      if (!c.atEnd()) {
        c.accept(0x20);
        throw new SyntaxFault(`EXPUNGE takes no arguments (UID EXPUNGE takes a set), got ${c.describeHere()}`);
      }
      return { tag, name: 'EXPUNGE', uid, set: null };
    }
    c.sp('UID EXPUNGE');
    const set = parseSequenceSet(c);
    c.end();
    return { tag, name: 'EXPUNGE', uid, set };
  };

/**
 * @rfc 9051#6.4.3 EXPUNGE: "permanently removes all messages that have the \Deleted flag set
 * from the currently selected mailbox. Before returning an OK to the client, an untagged
 * EXPUNGE response is sent for each message that is removed."
 * @rfc 4315#2.1 UID EXPUNGE: only those of the given UIDs that have \Deleted (RFC 9051 §6.4.9).
 */
export const EXPUNGE: ImapCommandSpec<ExpungeCommand> = {
  name: 'EXPUNGE',
  verb: 'EXPUNGE',
  order: 250,
  states: ['selected'], // RFC 9051 §6.4
  summary: 'Remove the \\Deleted messages and say which',
  syntax: 'EXPUNGE | UID EXPUNGE uid-set',
  rfc: rfc(9051, '6.4.3'),
  parse: expungeArgs(false),
  parseUid: expungeArgs(true),
  handle(s, cmd) {
    const view = s.selected;
    if (view.readOnly) return [done(no('The mailbox is read-only (EXAMINE): nothing can be expunged', Code.READ_ONLY))];
    const candidates = cmd.set ? view.byUid(cmd.set) : view.all();
    const doomed = candidates.filter((m) => m.flags.has('\\Deleted')).map((m) => m.uid);
    // The store announces the removal; the server then sends the EXPUNGE responses (§7.5.1).
    if (doomed.length) s.ctx.backend.expunge(s.user.address, view.mailbox.name, doomed, s.ctx.sessionId);
    return [done(ok(`${cmd.uid ? 'UID EXPUNGE' : 'EXPUNGE'} completed`))];
  },
};
