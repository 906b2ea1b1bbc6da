/** What the IMAP engine tells the UI besides bytes. */
import type { EngineEvent } from '../engine.ts';

export type ImapEvent =
  | EngineEvent
  /** A mailbox was selected (read-write) or examined (read-only). */
  | { kind: 'selected'; mailbox: string; readOnly: boolean }
  | { kind: 'idle'; active: boolean }
  /** A command finished: its name and the tagged status, for the UI's log. */
  | { kind: 'command'; tag: string; name: string; status: 'OK' | 'NO' | 'BAD' };
