import { rfc } from '../../fsm.ts';
import { COMMAND_STATES } from '../state.ts';
import type { ImapCommandSpec } from './command.ts';
import { done, protocolError } from '../effects.ts';
import { flagProblem } from '../flags.ts';
import type { ImapDateTime } from '../parse/ast.ts';
import { Code, no, ok, storeRefusal } from '../responses.ts';

/** RFC 9051 §9 date-time with its zone → milliseconds since the epoch. */
function dateTimeMs(d: ImapDateTime): number {
  return Date.UTC(d.year, d.month - 1, d.day, d.hour, d.minute, d.second) - d.zoneMinutes * 60_000;
}

/**
 * @rfc 9051#6.3.12 APPEND: "If the destination mailbox does not exist, a server MUST return an
 * error, and MUST NOT automatically create the mailbox ... [TRYCREATE]". Without a date-time
 * the internal date is now. RFC 4315 §3: the OK carries `APPENDUID uidvalidity uid`. An APPEND
 * to the selected mailbox is reported with EXISTS like any new message.
 */
export const APPEND: ImapCommandSpec<'APPEND'> = {
  name: 'APPEND',
  verb: 'APPEND',
  states: COMMAND_STATES.APPEND,
  summary: 'Add a message to a mailbox',
  syntax: 'APPEND mailbox [(flags)] [date-time] {size}',
  rfc: rfc(9051, '6.3.12'),
  handle(s, cmd) {
    const problem = cmd.flags.map(flagProblem).find((p) => p !== null);
    if (problem) return [protocolError({ kind: 'argument', message: problem })];
    const box = s.user.mailbox(cmd.mailbox);
    if (!box) return [done(no(`Mailbox ${cmd.mailbox} does not exist`, Code.TRYCREATE))];
    // Zero octets are no message a client meant to store (Dovecot refuses them the same way).
    if (cmd.message.length === 0) return [done(no('An empty message cannot be stored', Code.CANNOT))];
    const limit = s.ctx.host.settings.maxMessageSize;
    if (cmd.message.length > limit) return [done(no(`The message is larger than this server's limit of ${limit} octets`, 'TOOBIG'))];
    const internalDate = cmd.date ? dateTimeMs(cmd.date) : s.now;
    const added = s.ctx.backend.append(s.user.address, box.name, cmd.message, { flags: cmd.flags, internalDate, origin: s.ctx.sessionId });
    if (!added.ok) return [done(storeRefusal(added.error, added.message))];
    return [done(ok('APPEND completed', `APPENDUID ${box.uidValidity} ${added.value.uid}`))];
  },
};
