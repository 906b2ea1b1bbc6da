/**
 * What happens to a message once the whole of it has arrived: trace headers, then local
 * recipients get it in their INBOX and the others go to the outbound queue for the MTA.
 * RFC 5321 §6.1: after the 250 the server is responsible for it, so every accepted recipient is
 * either delivered or queued (a failed local delivery is queued for a retry, never dropped).
 */
import type { OutboundMessage } from '../backend.ts';
import { concatBytes, utf8Bytes } from '../wire/bytes.ts';
import { event, reply, type SmtpEffect } from './effects.ts';
import { R250Accepted, R451LocalError, R552MailboxFull, R552TooManyRecipientsFull } from './replies.ts';
import type { Recipient, SmtpSession, Transaction } from './session.ts';
import { receivedHeader, returnPathHeader } from './trace.ts';

interface LocalResult {
  delivered: string[];
  failed: Array<{ recipient: Recipient; quota: boolean; why: string }>;
}

function deliverLocal(s: SmtpSession, tx: Transaction, raw: Uint8Array, now: number): LocalResult {
  const result: LocalResult = { delivered: [], failed: [] };
  const done = new Set<string>();
  for (const recipient of tx.recipients) {
    const account = recipient.account;
    if (!account) continue;
    // An alias (postmaster) and its owner in one envelope get one copy.
    if (done.has(account)) {
      result.delivered.push(recipient.mailbox.address);
      continue;
    }
    const stored = s.ctx.backend.append(account, 'INBOX', raw, { internalDate: now, origin: s.ctx.sessionId });
    if (stored.ok) {
      done.add(account);
      result.delivered.push(recipient.mailbox.address);
    } else {
      result.failed.push({ recipient, quota: stored.error === 'quota', why: stored.message });
    }
  }
  return result;
}

function enqueue(s: SmtpSession, tx: Transaction, id: string, raw: Uint8Array, recipients: Array<{ address: string; why?: string }>, now: number): void {
  const message: OutboundMessage = {
    id,
    fromHost: s.hostName,
    from: tx.from?.address ?? '',
    recipients: recipients.map((r) => ({
      address: r.address,
      status: 'pending',
      attempts: 0,
      nextAttempt: now,
      ...(r.why ? { lastReply: r.why } : {}),
    })),
    raw,
    queuedAt: now,
  };
  s.ctx.backend.relay(message);
}

/**
 * Accepts the message for the transaction's recipients and returns the reply to the final
 * dot (or BDAT LAST), after the `message` event. Only when no recipient at all could take it is
 * the message refused.
 */
export function acceptMessage(s: SmtpSession, content: Uint8Array, now: number): SmtpEffect[] {
  const tx = s.tx;
  if (!tx) throw new Error('message content without a transaction');
  const id = s.nextMessageId(now);
  const traced = concatBytes([utf8Bytes(receivedHeader(s, tx, id, now)), content]);
  const local = deliverLocal(s, tx, concatBytes([utf8Bytes(returnPathHeader(tx)), traced]), now);
  const remote = tx.recipients.filter((r) => !r.account).map((r) => ({ address: r.mailbox.address }));
  if (!local.delivered.length && !remote.length) {
    const first = local.failed[0];
    if (local.failed.every((f) => f.quota)) return [reply(local.failed.length === 1 && first ? R552MailboxFull(first.recipient.mailbox.address) : R552TooManyRecipientsFull)];
    return [reply(R451LocalError)];
  }
  // Queued under the account's own address, so the retry (simulator/mta/mta-local.ts) finds
  // the mailbox even when the envelope named an alias such as postmaster.
  const retry = local.failed.map((f) => ({ address: f.recipient.account ?? f.recipient.mailbox.address, why: `local delivery failed: ${f.why}` }));
  const queued = [...remote, ...retry];
  if (queued.length) enqueue(s, tx, id, traced, queued, now);
  const accepted = event({
    kind: 'message',
    id,
    from: tx.from?.address ?? '',
    recipients: tx.recipients.map((r) => r.mailbox.address),
    size: content.length,
    queued: queued.map((q) => q.address),
    delivered: local.delivered,
  });
  // As in Postfix, the error count is of errors "without delivering mail".
  s.errors = 0;
  return [accepted, reply(R250Accepted(id, content.length))];
}
