import { rfc } from '../../fsm.ts';
import { COMMAND_STATES } from '../state.ts';
import type { CommandOf, ImapCommandSpec } from './command.ts';
import { mailboxName, quote } from '../encode.ts';
import { flagList, flagsInUse, PERMANENT_FLAGS } from '../flags.ts';
import { mailboxAttributes } from '../mailbox-list.ts';
import { bad, Code, no, ok, type TaggedResult } from '../responses.ts';
import { SessionView } from '../session-view.ts';
import type { Session } from '../session.ts';
import { HIERARCHY_DELIMITER } from '../../store/types.ts';

/**
 * @rfc 9051#6.3.2 SELECT / §6.3.3 EXAMINE. Required untagged responses: FLAGS, EXISTS, LIST
 * (IMAP4rev2), OK [PERMANENTFLAGS], OK [UIDNEXT], OK [UIDVALIDITY]; IMAP4rev1 clients also get
 * RECENT and OK [UNSEEN n] (RFC 3501 §6.3.1). "If the client is permitted to modify the mailbox,
 * the server SHOULD prefix the text of the tagged OK response with the "[READ-WRITE]" response code."
 * A failed SELECT leaves no mailbox selected.
 */
export function openMailbox(s: Session, cmd: CommandOf<'SELECT' | 'EXAMINE'>): TaggedResult {
  const readOnly = cmd.name === 'EXAMINE';
  // RFC 4466 §2.2: select parameters of extensions this server lacks (CONDSTORE, QRESYNC) are errors.
  if (cmd.params.length) return bad(`${cmd.name} parameters are not supported here: ${cmd.params.join(' ')}`);
  if (s.view) {
    s.dropView();
    // §7.1 CLOSED: the previously selected mailbox is closed before the new one's responses.
    if (s.rev2) s.untagged('OK [CLOSED] Previous mailbox is now closed');
  }
  const box = s.user.mailbox(cmd.mailbox);
  if (!box) {
    if (s.state === 'selected') s.enter('SELECT-failed');
    return no(`Mailbox ${cmd.mailbox} does not exist`, Code.NONEXISTENT);
  }
  const view = new SessionView(s.ctx.backend, s.user.address, box, { readOnly, recent: s.recentFor(box), sessionId: s.ctx.sessionId });
  s.view = view;
  const flags = flagsInUse(box.messages);
  s.untagged(`FLAGS ${flagList(flags)}`);
  const permanent = readOnly ? [] : [...flags, ...PERMANENT_FLAGS.filter((f) => !flags.includes(f))];
  s.untagged(`OK [PERMANENTFLAGS ${flagList(permanent)}] ${readOnly ? 'No permanent flags: read-only' : 'Flags and keywords are stored'}`);
  s.untagged(`${view.exists} EXISTS`);
  if (!s.rev2) {
    s.untagged(`${view.recentCount} RECENT`);
    const firstUnseen = view.all().findIndex((m) => !m.flags.has('\\Seen'));
    if (firstUnseen >= 0) s.untagged(`OK [UNSEEN ${firstUnseen + 1}] Message ${firstUnseen + 1} is the first unseen`);
  }
  s.untagged(`OK [UIDVALIDITY ${box.uidValidity}] UIDs valid`);
  s.untagged(`OK [UIDNEXT ${box.uidNext}] Predicted next UID`);
  if (s.rev2) {
    const attrs = mailboxAttributes(s.user, box, { subscribed: false });
    s.untagged(`LIST (${attrs.join(' ')}) ${quote(HIERARCHY_DELIMITER)} `, ...mailboxName(box.name, s.strings));
  }
  s.enter(readOnly ? 'EXAMINE' : 'SELECT');
  s.event({ kind: 'selected', mailbox: box.name, readOnly });
  return ok(`${cmd.name} completed`, readOnly ? Code.READ_ONLY : Code.READ_WRITE);
}

export const SELECT: ImapCommandSpec<'SELECT'> = {
  name: 'SELECT',
  verb: 'SELECT',
  states: COMMAND_STATES.SELECT,
  summary: 'Open a mailbox to work on its messages',
  syntax: 'SELECT mailbox',
  rfc: rfc(9051, '6.3.2'),
  handle: openMailbox,
};
