import { rfc } from '../../fsm.ts';
import { reply, enter } from '../effects.ts';
import type { SmtpCommand } from '../command.ts';
import { parseRcptTo, RCPT_SYNTAX } from '../parse.ts';
import { recipientCheck } from '../policy.ts';
import { R250RecipientOk, R452TooManyRecipients, R553NonAsciiRecipient, R555UnsupportedParameter } from '../replies.ts';
import { MAX_RECIPIENTS } from '../session.ts';

/**
 * RFC 5321 §4.1.1.3 RCPT: adds one forward-path. Local addresses must exist; other domains only
 * for logged-in users (no open relay: RFC 5321 §3.6.2, §7.1).
 * @rfc 5321#4.1.1.3
 * @rfc 5321#4.5.3.1.10 too many recipients is 452, not 552.
 */
export const RCPT: SmtpCommand = {
  verb: 'RCPT',
  order: 60,
  states: ['mail', 'rcpt'],
  syntax: RCPT_SYNTAX,
  rfc: rfc(5321, '4.1.1.3'),
  summary: 'add a recipient (forward-path); repeat for each one',
  handle(s, args) {
    const tx = s.tx;
    if (!tx) throw new Error('RCPT in a transaction state without a transaction');
    const parsed = parseRcptTo(args, s.ctx.host.domains[0] ?? s.hostName);
    if (!parsed.ok) return [reply(parsed.reply)];
    const mailbox = parsed.mailbox;
    if (!mailbox) throw new Error('parseRcptTo returned the null path');
    // No RCPT parameters are offered (DSN's NOTIFY/ORCPT would be one).
    const param = parsed.params[0];
    if (param) return [reply(R555UnsupportedParameter(param.keyword))];
    if (mailbox.nonAscii && !tx.smtputf8) return [reply(R553NonAsciiRecipient)];
    const already = tx.recipients.some((r) => r.mailbox.address.toLowerCase() === mailbox.address.toLowerCase());
    if (!already && tx.recipients.length >= MAX_RECIPIENTS) return [reply(R452TooManyRecipients)];
    const result = recipientCheck(s, mailbox, tx.declaredSize);
    if ('code' in result) return [reply(result)];
    if (!already) tx.recipients.push(result);
    return [reply(R250RecipientOk), enter('RCPT')];
  },
};
