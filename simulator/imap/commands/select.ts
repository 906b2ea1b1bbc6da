import { rfc } from '../../fsm.ts';
import type { ImapCommandSpec } from './command.ts';
import { type OpenCommand, openArgs } from '../parse/select.ts';
import { mailboxName, quote } from '../encode.ts';
import { flagList, flagsInUse, PERMANENT_FLAGS } from '../flags.ts';
import { mailboxAttributes } from '../mailbox-list.ts';
import { Code, no, ok } from '../responses.ts';
import { done, enter, event, protocolError, untagged, type ImapEffect } from '../effects.ts';
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
export function openMailbox(s: Session, cmd: OpenCommand<'SELECT' | 'EXAMINE'>): readonly ImapEffect[] {
  const readOnly = cmd.name === 'EXAMINE';
  // RFC 4466 §2.2: select parameters of extensions this server lacks (CONDSTORE, QRESYNC) are errors.
  if (cmd.params.length) return [protocolError({ kind: 'argument', message: `${cmd.name} parameters are not supported here: ${cmd.params.join(' ')}` })];
  const effects: ImapEffect[] = [];
  if (s.view) {
    s.dropView();
    // §7.1 CLOSED: the previously selected mailbox is closed before the new one's responses.
    if (s.rev2) effects.push(untagged('OK [CLOSED] Previous mailbox is now closed'));
  }
  const box = s.user.mailbox(cmd.mailbox);
  if (!box) {
    if (s.state === 'selected') effects.push(enter('SELECT-failed'));
    effects.push(done(no(`Mailbox ${cmd.mailbox} does not exist`, Code.NONEXISTENT)));
    return effects;
  }
  const view = new SessionView(s.ctx.backend, s.user.address, box, { readOnly, recent: s.recentFor(box), sessionId: s.ctx.sessionId });
  s.view = view;
  const flags = flagsInUse(box.messages);
  const permanent = readOnly ? [] : [...flags, ...PERMANENT_FLAGS.filter((f) => !flags.includes(f))];
  effects.push(
    untagged(`FLAGS ${flagList(flags)}`),
    untagged(`OK [PERMANENTFLAGS ${flagList(permanent)}] ${readOnly ? 'No permanent flags: read-only' : 'Flags and keywords are stored'}`),
    untagged(`${view.exists} EXISTS`),
  );
  if (!s.rev2) {
    effects.push(untagged(`${view.recentCount} RECENT`));
    const firstUnseen = view.all().findIndex((m) => !m.flags.has('\\Seen'));
    if (firstUnseen >= 0) effects.push(untagged(`OK [UNSEEN ${firstUnseen + 1}] Message ${firstUnseen + 1} is the first unseen`));
  }
  effects.push(untagged(`OK [UIDVALIDITY ${box.uidValidity}] UIDs valid`), untagged(`OK [UIDNEXT ${box.uidNext}] Predicted next UID`));
  if (s.rev2) {
    const attrs = mailboxAttributes(s.user, box, { subscribed: false });
    effects.push(untagged(`LIST (${attrs.join(' ')}) ${quote(HIERARCHY_DELIMITER)} `, ...mailboxName(box.name, s.strings)));
  }
  effects.push(
    enter(readOnly ? 'EXAMINE' : 'SELECT'),
    event({ kind: 'selected', mailbox: box.name, readOnly }),
    done(ok(`${cmd.name} completed`, readOnly ? Code.READ_ONLY : Code.READ_WRITE)),
  );
  return effects;
}

export type SelectCommand = OpenCommand<'SELECT'>;

export const SELECT: ImapCommandSpec<SelectCommand> = {
  name: 'SELECT',
  verb: 'SELECT',
  order: 90,
  states: ['authenticated', 'selected'], // RFC 9051 §6.3; §6.4: also valid in the selected state
  summary: 'Open a mailbox to work on its messages',
  syntax: 'SELECT mailbox',
  rfc: rfc(9051, '6.3.2'),
  parse: openArgs('SELECT'),
  handle: openMailbox,
};
