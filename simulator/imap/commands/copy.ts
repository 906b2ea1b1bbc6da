import { rfc } from '../../fsm.ts';
import type { ImapCommandSpec } from './command.ts';
import { type TransferCommand, transferArgs } from '../parse/transfer.ts';
import { done, protocolError } from '../effects.ts';
import { copyUid, expungeIssued, pick } from '../message-set.ts';
import { Code, no, ok, storeRefusal } from '../responses.ts';

export type CopyCommand = TransferCommand<'COPY'>;

/**
 * @rfc 9051#6.4.7 COPY: "If the destination mailbox does not exist, a server SHOULD return an
 * error. It SHOULD NOT automatically create the mailbox ... the server MUST send the response
 * code "[TRYCREATE]"". With UIDPLUS (RFC 4315 §3) the tagged OK carries COPYUID.
 */
export const COPY: ImapCommandSpec<CopyCommand> = {
  name: 'COPY',
  verb: 'COPY',
  order: 290,
  states: ['selected'], // RFC 9051 §6.4
  summary: 'Copy messages to another mailbox',
  syntax: 'COPY sequence-set mailbox',
  rfc: rfc(9051, '6.4.7'),
  parse: transferArgs('COPY', false),
  parseUid: transferArgs('COPY', true),
  handle(s, cmd) {
    const messages = pick(cmd, s);
    if (!Array.isArray(messages)) return [protocolError(messages)];
    const target = s.user.mailbox(cmd.mailbox);
    if (!target) return [done(no(`Mailbox ${cmd.mailbox} does not exist`, Code.TRYCREATE))];
    const issued = expungeIssued(messages, s);
    if (issued) return [done(issued)];
    const uids = messages.map((m) => m.uid);
    if (!uids.length) return [done(ok('No messages to copy'))];
    const copied = s.ctx.backend.copy(s.user.address, s.selected.mailbox.name, uids, target.name, s.ctx.sessionId);
    if (!copied.ok) return [done(storeRefusal(copied.error, copied.message))];
    return [done(ok(`${cmd.uid ? 'UID COPY' : 'COPY'} completed`, copyUid(target.uidValidity, copied.value.pairs)))];
  },
};
