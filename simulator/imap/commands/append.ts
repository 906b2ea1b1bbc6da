import { rfc } from '../../fsm.ts';
import type { ImapCommandSpec } from './command.ts';
import type { ArgParser } from '../parse/arg-parser.ts';
import type { Cmd, Flag, ImapDateTime } from '../parse/ast.ts';
import { parseDateTime } from '../parse/dates.ts';
import { parseFlagList } from '../parse/flags.ts';
import { parseMailbox } from '../parse/mailbox.ts';
import { done, protocolError } from '../effects.ts';
import { flagProblem } from '../flags.ts';
import { Code, no, ok, storeRefusal } from '../responses.ts';

/** RFC 9051 §9 date-time with its zone → milliseconds since the epoch. */
function dateTimeMs(d: ImapDateTime): number {
  return Date.UTC(d.year, d.month - 1, d.day, d.hour, d.minute, d.second) - d.zoneMinutes * 60_000;
}

/** `binary` is true for a literal8 `~{n}` (RFC 3516). */
export type AppendCommand = Cmd<'APPEND', { mailbox: string; flags: Flag[]; date: ImapDateTime | null; message: Uint8Array; binary: boolean }>;

/** RFC 9051 §6.3.12 APPEND mailbox [SP flag-list] [SP date-time] SP literal (literal8: RFC 3516). */
const parse: ArgParser<AppendCommand> = (c, tag, opts) => {
  c.sp('APPEND');
  const mailbox = parseMailbox(c, opts);
  c.sp('the mailbox name');
  let flags: string[] = [];
  if (c.peek() === 0x28) {
    flags = parseFlagList(c);
    c.sp('the flag list');
  }
  let date: ImapDateTime | null = null;
  if (c.peek() === 0x22) {
    date = parseDateTime(c);
    c.sp('the date-time');
  }
  const b = c.peek();
  if (b !== 0x7b && b !== 0x7e) c.fail('the message as a literal, as in {310}');
  const { bytes, binary } = c.literalWithKind('message', true);
  c.end();
  return { tag, name: 'APPEND', mailbox, flags, date, message: bytes, binary };
};

/**
 * @rfc 9051#6.3.12 APPEND: "If the destination mailbox does not exist, a server MUST return an
 * error, and MUST NOT automatically create the mailbox ... [TRYCREATE]". Without a date-time
 * the internal date is now. RFC 4315 §3: the OK carries `APPENDUID uidvalidity uid`. An APPEND
 * to the selected mailbox is reported with EXISTS like any new message.
 */
export const APPEND: ImapCommandSpec<AppendCommand> = {
  name: 'APPEND',
  verb: 'APPEND',
  order: 200,
  states: ['authenticated', 'selected'], // RFC 9051 §6.3; §6.4: also valid in the selected state
  summary: 'Add a message to a mailbox',
  syntax: 'APPEND mailbox [(flags)] [date-time] {size}',
  rfc: rfc(9051, '6.3.12'),
  parse,
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
