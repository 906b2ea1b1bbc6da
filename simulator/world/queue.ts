/** The outbound mail queue: messages a host accepted for other domains, waiting for the MTA. */

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
