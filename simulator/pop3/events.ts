/** What the POP3 engine tells the UI (engine.ts `event` outputs). */
import type { EngineEvent } from '../engine.ts';

/** What a POP3 session tells the UI, besides the shared state/auth/tls events. */
export type Pop3Event =
  | EngineEvent
  /** RFC 1939 §6: the UPDATE state removed these messages (store UIDs) from the INBOX. */
  | { kind: 'update'; account: string; expunged: number[]; seen: number[] }
  /** The maildrop snapshot a login took (RFC 1939 §5 message numbers refer to it). */
  | { kind: 'maildrop'; account: string; messages: number; octets: number };
