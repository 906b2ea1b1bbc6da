/** The MTA's settings and what it reports about each attempt. */

export interface MtaOptions {
  /** The port relays are made to (RFC 5321 §2.3: 25). */
  port: number;
  /**
   * Minutes to wait after the 1st, 2nd, … failed attempt; the last entry repeats.
   * RFC 5321 §4.5.4.1 asks for at least 30 minutes between tries; the simulator starts faster
   * so a learner sees retries happen, then backs off.
   */
  retryMinutes: readonly number[];
  /** Attempts after which a deferred recipient fails. */
  maxAttempts: number;
  /** RFC 5321 §4.5.4.1: "the give-up time generally needs to be at least 4-5 days". */
  giveUpAfterMs: number;
}

export const DEFAULT_MTA_OPTIONS: MtaOptions = {
  port: 25,
  retryMinutes: [1, 5, 15, 60, 120, 240, 480, 960],
  maxAttempts: 12,
  giveUpAfterMs: 5 * 24 * 60 * 60_000,
};

export type MtaEvent =
  /** A connection to `exchange` for these recipients (sessionId names the recorded session). */
  | { kind: 'attempt'; messageId: string; domain: string; exchange: string; recipients: string[]; sessionId: string | null; error?: string }
  | { kind: 'delivered'; messageId: string; recipient: string; exchange: string; reply: string }
  | { kind: 'deferred'; messageId: string; recipient: string; reason: string; attempts: number; nextAttempt: number }
  | { kind: 'failed'; messageId: string; recipient: string; status: string; reason: string }
  /** A bounce went to the sender: into the local mailbox, or into the queue for another host. */
  | { kind: 'bounced'; messageId: string; to: string; bounceId: string; delivery: 'local' | 'queued' }
  /** No bounce is possible: the message was itself a bounce (RFC 5321 §4.5.5), or the sender is gone. */
  | { kind: 'bounce-dropped'; messageId: string; reason: string }
  /** Every recipient is delivered or failed: the message left the queue. */
  | { kind: 'done'; messageId: string };
