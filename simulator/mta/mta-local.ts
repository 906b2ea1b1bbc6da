/**
 * Local delivery from the queue: a host retries its own users' mail (a full mailbox, say)
 * by storing it, not by relaying to itself.
 */
import { concatBytes, utf8Bytes } from '../wire/bytes.ts';
import type { QueuedMessage, QueuedRecipient } from '../world/queue.ts';
import type { World } from '../world/world.ts';

export type LocalVerdict =
  | { outcome: 'delivered'; reply: string }
  | { outcome: 'transient'; reason: string }
  | { outcome: 'permanent'; status: string; reason: string };

export function deliverLocally(world: World, message: QueuedMessage, recipient: QueuedRecipient, now: number): LocalVerdict {
  if (!world.store.account(recipient.address)) return { outcome: 'permanent', status: '5.1.1', reason: `no mailbox here for ${recipient.address}` };
  // RFC 5321 §4.4: the delivering host records the reverse-path as Return-Path.
  const raw = concatBytes([utf8Bytes(`Return-Path: <${message.from}>\r\n`), message.raw]);
  const stored = world.store.append(recipient.address, 'INBOX', raw, { internalDate: now, origin: 'mta' });
  if (stored.ok) return { outcome: 'delivered', reply: `stored in ${recipient.address}'s INBOX` };
  // RFC 3463 X.2.2 "Mailbox full" is temporary: the owner may make room.
  if (stored.error === 'quota') return { outcome: 'transient', reason: `4.2.2 mailbox full: ${stored.message}` };
  return { outcome: 'transient', reason: `local delivery failed: ${stored.message}` };
}
