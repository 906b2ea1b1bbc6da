/** What the SMTP engine tells the UI (engine.ts `event` outputs). */
import type { EngineEvent } from '../engine.ts';

/** What the SMTP server reports besides state, auth and TLS changes. */
export type SmtpEvent =
  | EngineEvent
  | {
      kind: 'message';
      id: string;
      from: string;
      recipients: string[];
      size: number;
      /** Recipients handed to the outbound queue (other domains). */
      queued: string[];
      /** Recipients whose mailbox now holds the message. */
      delivered: string[];
    };
