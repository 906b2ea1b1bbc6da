/** What the IMAP client is told (account settings) and what it reports, event by event. */
import type { EngineEvent } from '../engine.ts';
import type { ImapReplica, PendingOp } from './imap-replica.ts';
import type { WireLine } from './transcript.ts';

export interface ImapClientOptions {
  user: string;
  password: string;
  /** 'implicit': port 993 (RFC 8314 §3.3); 'starttls': STARTTLS when offered (port 143); 'none'. */
  tls: 'implicit' | 'starttls' | 'none';
  replica: ImapReplica;
  /** After syncing, stay connected in IDLE on INBOX for push (RFC 2177); else LOGOUT. */
  stayIdle: boolean;
}

export type ImapClientEvent =
  | EngineEvent
  | { kind: 'wire'; lines: WireLine[] }
  /** A message was downloaded into the replica. */
  | { kind: 'fetched'; folder: string; uid: number }
  /** The server's flags for a cached message differ from ours: ours now follow. */
  | { kind: 'flags'; folder: string; uid: number; flags: string[] }
  /** The server no longer has a cached message (EXPUNGE, or missing at a full flag fetch). */
  | { kind: 'expunged'; folder: string; uid: number }
  /** A local change is now on the server. */
  | { kind: 'pushed'; op: PendingOp }
  | { kind: 'push-failed'; op: PendingOp; reason: string }
  /** RFC 9051 §2.3.1.1: the folder's UIDs changed meaning; the cache was emptied. */
  | { kind: 'uidvalidity-reset'; folder: string; from: number; to: number; dropped: number }
  | { kind: 'synced'; folders: string[] }
  | { kind: 'idling'; folder: string }
  | { kind: 'failed'; reason: string }
  | { kind: 'done' };
