/** Each recipient's fate, from the replies the session collected. */
import { replyClass, replyText, type SmtpReply } from './client-reply.ts';
import type { SmtpClientState } from './client-state.ts';
import type { RecipientResult, SessionFailure } from './client-types.ts';

export interface CollectedReplies {
  to: readonly string[];
  /** The reply to MAIL FROM, if one came. */
  mail: SmtpReply | null;
  /** The reply to each RCPT TO, by recipient. */
  rcpts: ReadonlyArray<SmtpReply | null>;
  /** The reply that settled the accepted recipients: a refused DATA or the end-of-data reply. */
  final: { reply: SmtpReply; stage: SmtpClientState } | null;
  failure: SessionFailure | null;
  state: SmtpClientState;
}

/**
 * RFC 5321 §3.3: a refused MAIL fails everyone; a refused RCPT fails that recipient; for the
 * accepted ones the reply after the data decides (§4.1.1.4, one reply for all of them).
 */
export function recipientResults(c: CollectedReplies): RecipientResult[] {
  return c.to.map((address, i) => {
    const rcpt = c.rcpts[i] ?? null;
    if (c.mail && replyClass(c.mail.code) !== 'positive') return fromReply(address, c.mail, 'mail');
    if (rcpt && replyClass(rcpt.code) !== 'positive') return fromReply(address, rcpt, 'rcpt');
    if (rcpt && c.final) return fromReply(address, c.final.reply, c.final.stage);
    const f = c.failure;
    const text = f ? `${f.reason}${f.reply ? ': ' + replyText(f.reply) : ''}` : 'the session ended before the message was sent';
    return {
      address,
      outcome: f?.permanent ? 'permanent' : 'transient',
      code: f?.reply?.code ?? null,
      enhanced: f?.reply?.enhanced ?? null,
      text,
      stage: f?.stage ?? c.state,
    };
  });
}

function fromReply(address: string, reply: SmtpReply, stage: SmtpClientState): RecipientResult {
  const cls = replyClass(reply.code);
  const outcome = cls === 'positive' ? 'delivered' : cls === 'permanent' ? 'permanent' : 'transient';
  return { address, outcome, code: reply.code, enhanced: reply.enhanced, text: replyText(reply), stage };
}
