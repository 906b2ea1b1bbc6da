/** What the POP3 client is told to do (a real client's account settings) and what it reports. */
import type { EngineEvent } from '../engine.ts';
import type { Pop3ClientState } from './pop3-client-state.ts';
import type { WireLine } from './transcript.ts';

/** The settings found in every POP3 client's account dialog (Thunderbird, Outlook, Apple Mail). */
export interface Pop3Settings {
  /** "Leave a copy of messages on the server": off means DELE after download. */
  leaveOnServer: boolean;
  /** "Remove from server after N days" (only with leaveOnServer); null: keep for ever. */
  removeAfterDays: number | null;
  /** "Remove from server when I delete it here" (only with leaveOnServer). */
  removeWhenDeleted: boolean;
  /** USER/PASS (RFC 1939 §7) or AUTH PLAIN with an initial response (RFC 5034, RFC 4616). */
  auth: 'USER' | 'PLAIN';
  /**
   * 'implicit': TLS from the first byte (port 995, RFC 8314 §3.3); 'starttls': STLS when CAPA
   * offers it (port 110, RFC 2595 §4); 'none': never.
   */
  tls: 'implicit' | 'starttls' | 'none';
}

export const DEFAULT_POP3_SETTINGS: Pop3Settings = {
  leaveOnServer: false,
  removeAfterDays: null,
  removeWhenDeleted: false,
  auth: 'USER',
  tls: 'starttls',
};

/** A message this device has downloaded before, known by its UIDL (RFC 1939 §7). */
export interface KnownMessage {
  uidl: string;
  downloadedAt: number;
  /** The user deleted it on this device (for "remove from server when deleted here"). */
  deletedLocally: boolean;
}

export interface Pop3CheckOptions {
  user: string;
  password: string;
  settings: Pop3Settings;
  /** The UIDLs this device has already downloaded: they are not downloaded again. */
  known: ReadonlyMap<string, KnownMessage>;
}

export interface Pop3Failure {
  stage: Pop3ClientState;
  reason: string;
  /** The RFC 2449 §8 response code of the reply that ended it (`IN-USE`, `AUTH` …). */
  code: string | null;
}

export interface Pop3CheckResult {
  ok: boolean;
  failure: Pop3Failure | null;
  /** The maildrop was locked by another session (RFC 2449 §8.1.1 [IN-USE]). */
  inUse: boolean;
  /** What UIDL listed, in message-number order. */
  serverUidls: string[];
  /** Downloaded in this run. */
  downloaded: string[];
  /** Removed from the server: DELE'd and then committed by QUIT's +OK (RFC 1939 §6). */
  deletedOnServer: string[];
  tls: boolean;
}

/** Why a DELE was sent. */
export type DeleteReason = 'no-copy-kept' | 'older-than-limit' | 'deleted-here';

export type Pop3ClientEvent =
  | EngineEvent
  /** Lines the client read from the server, for the transcript. */
  | { kind: 'wire'; lines: WireLine[] }
  | { kind: 'downloaded'; uidl: string; number: number; raw: Uint8Array }
  | { kind: 'marked'; uidl: string; number: number; reason: DeleteReason }
  | { kind: 'done'; result: Pop3CheckResult };
