import { rfc } from '../../fsm.ts';
import type { ImapCommandSpec } from './command.ts';
import { type TransferCommand, transferArgs } from '../parse/transfer.ts';
import { done, protocolError, untagged } from '../effects.ts';
import { copyUid, expungeIssued, pick } from '../message-set.ts';
import { Code, no, ok, storeRefusal } from '../responses.ts';

export type MoveCommand = TransferCommand<'MOVE'>;

/**
 * @rfc 6851#3.3 MOVE: a COPY then an EXPUNGE of the originals, atomically. "the server SHOULD
 * send ... an untagged OK response with COPYUID" before the untagged EXPUNGE responses, and the
 * tagged OK carries no COPYUID (RFC 6851 §4.3 / RFC 9051 §6.4.8).
 */
export const MOVE: ImapCommandSpec<MoveCommand> = {
  name: 'MOVE',
  verb: 'MOVE',
  order: 300,
  states: ['selected'], // RFC 9051 §6.4
  capability: 'MOVE',
  summary: 'Move messages to another mailbox',
  syntax: 'MOVE sequence-set mailbox',
  rfc: rfc(6851, '3.3'),
  parse: transferArgs('MOVE', false),
  parseUid: transferArgs('MOVE', true),
  handle(s, cmd) {
    const messages = pick(cmd, s);
    if (!Array.isArray(messages)) return [protocolError(messages)];
    const view = s.selected;
    if (view.readOnly) return [done(no('The mailbox is read-only (EXAMINE): messages cannot be moved out of it', Code.READ_ONLY))];
    const target = s.user.mailbox(cmd.mailbox);
    if (!target) return [done(no(`Mailbox ${cmd.mailbox} does not exist`, Code.TRYCREATE))];
    const issued = expungeIssued(messages, s);
    if (issued) return [done(issued)];
    const uids = messages.map((m) => m.uid);
    if (!uids.length) return [done(ok('No messages to move'))];
    const moved = s.ctx.backend.move(s.user.address, view.mailbox.name, uids, target.name, s.ctx.sessionId);
    if (!moved.ok) return [done(storeRefusal(moved.error, moved.message))];
    return [untagged(`OK [${copyUid(target.uidValidity, moved.value.pairs)}] Moved`), done(ok(`${cmd.uid ? 'UID MOVE' : 'MOVE'} completed`))];
  },
};
