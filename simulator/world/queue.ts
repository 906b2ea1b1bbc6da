/** The outbound mail queue: messages a host accepted for other domains, waiting for the MTA; saved with the World. */
import { arr, list, int, num, obj, octets, oneOf, str, type RawOctets } from '../wire/json-read.ts';

export type RecipientStatus = 'pending' | 'delivered' | 'deferred' | 'failed';

export interface QueuedRecipient {
  address: string;
  status: RecipientStatus;
  attempts: number;
  /** When the next attempt is due (ms since the epoch); RFC 5321 §4.5.4.1 retry strategy. */
  nextAttempt: number;
  /** The last reply from the receiving server, or why no attempt could be made. */
  lastReply?: string;
}

export interface QueuedMessage {
  id: string;
  /** The host that accepted the message and will relay it. */
  fromHost: string;
  /** RFC 5321 reverse-path; '' is the null path `<>` (bounces). */
  from: string;
  recipients: QueuedRecipient[];
  /** The message with this host's trace headers already added. */
  raw: Uint8Array;
  queuedAt: number;
}

/** A queued message as saved: its octets base64 in JSON, or bytes. */
export type SerializedQueuedMessage<R extends RawOctets = string> = Omit<QueuedMessage, 'raw'> & { raw: R };

export function serializeQueue<R extends RawOctets>(queue: readonly QueuedMessage[], encode: (raw: Uint8Array) => R): SerializedQueuedMessage<R>[] {
  return queue.map(({ raw, ...rest }) => ({ ...structuredClone(rest), raw: encode(raw) }));
}

const STATUSES = ['pending', 'delivered', 'deferred', 'failed'] as const satisfies readonly RecipientStatus[];

/** A saved queue, checked; throws InvalidData naming the first fault. */
export function readQueue(data: unknown, at: string): QueuedMessage[] {
  return list(data, at, readQueued);
}

function readQueued(data: unknown, at: string): QueuedMessage {
  const o = obj(data, at);
  str(o.id, `${at}.id`);
  str(o.fromHost, `${at}.fromHost`);
  str(o.from, `${at}.from`);
  num(o.queuedAt, `${at}.queuedAt`);
  arr(o.recipients, `${at}.recipients`).forEach((r, i) => {
    const w = `${at}.recipients[${i}]`;
    const ro = obj(r, w);
    str(ro.address, `${w}.address`);
    oneOf(ro.status, STATUSES, `${w}.status`);
    int(ro.attempts, `${w}.attempts`, 0);
    num(ro.nextAttempt, `${w}.nextAttempt`);
    if (ro.lastReply !== undefined) str(ro.lastReply, `${w}.lastReply`);
  });
  const raw = octets(o.raw, `${at}.raw`);
  return { ...(structuredClone(o) as unknown as QueuedMessage), raw };
}
