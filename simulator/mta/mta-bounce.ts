/**
 * Returning a bounce to the sender: straight into the mailbox when the sender's domain is served
 * by the reporting host, else through the queue like any other mail, always with the null
 * reverse-path.
 */
import { concatBytes, utf8Bytes } from '../wire/bytes.ts';
import { buildDsn, type DsnRecipient } from './dsn.ts';
import type { MtaEvent } from './mta-types.ts';
import type { QueuedMessage } from '../world/queue.ts';
import { hostForDomain, type World } from '../world/world.ts';

export function bounce(world: World, message: QueuedMessage, failed: DsnRecipient[], now: number, seq: number): MtaEvent {
  // RFC 5321 §6.1: "SMTP servers MUST NOT send notification messages about problems
  // transporting notification messages" — a null reverse-path marks one (§4.5.5).
  if (message.from === '') return { kind: 'bounce-dropped', messageId: message.id, reason: 'the message was itself a bounce (null reverse-path)' };
  const bounceId = `${message.id}.bounce${seq}`;
  const raw = buildDsn({
    reportingMta: message.fromHost,
    to: message.from,
    id: bounceId,
    arrivalDate: message.queuedAt,
    now,
    recipients: failed,
    original: message.raw,
  });
  const domain = message.from.slice(message.from.lastIndexOf('@') + 1).toLowerCase();
  if (hostForDomain(world, domain)?.name === message.fromHost) {
    // RFC 5321 §4.4: final delivery records the reverse-path, here the null one.
    const delivered = world.store.append(message.from, 'INBOX', concatBytes([utf8Bytes('Return-Path: <>\r\n'), raw]), { internalDate: now, origin: 'mta' });
    if (!delivered.ok) return { kind: 'bounce-dropped', messageId: message.id, reason: `the sender's mailbox refused the bounce: ${delivered.message}` };
    return { kind: 'bounced', messageId: message.id, to: message.from, bounceId, delivery: 'local' };
  }
  world.queue.push({
    id: bounceId,
    fromHost: message.fromHost,
    from: '',
    recipients: [{ address: message.from, status: 'pending', attempts: 0, nextAttempt: now }],
    raw,
    queuedAt: now,
  });
  return { kind: 'bounced', messageId: message.id, to: message.from, bounceId, delivery: 'queued' };
}
