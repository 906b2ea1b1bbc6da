/** The mail store's data model, shared by SMTP delivery, POP3 and IMAP. */

/** RFC 9051 §2.3.2 system flags; any other atom is a keyword. */
export const SYSTEM_FLAGS = ['\\Seen', '\\Answered', '\\Flagged', '\\Deleted', '\\Draft'] as const;
export type SystemFlag = (typeof SYSTEM_FLAGS)[number];

/** RFC 6154 §2 special-use attributes. */
export type SpecialUse = '\\All' | '\\Archive' | '\\Drafts' | '\\Flagged' | '\\Junk' | '\\Sent' | '\\Trash';

/** RFC 9051 §5.1: the hierarchy delimiter of this store. */
export const HIERARCHY_DELIMITER = '/';

export interface StoredMessage {
  /** RFC 9051 §2.3.1.1: strictly ascending within a mailbox, never reused under one UIDVALIDITY. */
  readonly uid: number;
  /** The message exactly as delivered: RFC 5322 octets with CRLF line ends. */
  readonly raw: Uint8Array;
  flags: ReadonlySet<string>;
  /** RFC 9051 §2.3.3 internal date, milliseconds since the epoch. */
  readonly internalDate: number;
  /** Modification sequence of the last change (RFC 7162 style counter; shown in the UI). */
  modseq: number;
}

/** What changed in the store, for sessions that watch a mailbox (IMAP, the UI). */
export type StoreChange =
  | { kind: 'append'; account: string; mailbox: string; uid: number; origin?: string }
  | { kind: 'expunge'; account: string; mailbox: string; uids: number[]; origin?: string }
  | { kind: 'flags'; account: string; mailbox: string; uid: number; flags: string[]; origin?: string }
  | { kind: 'mailbox-created'; account: string; mailbox: string; origin?: string }
  | { kind: 'mailbox-deleted'; account: string; mailbox: string; origin?: string }
  | { kind: 'mailbox-renamed'; account: string; mailbox: string; to: string; origin?: string };

export type StoreListener = (change: StoreChange) => void;

/** Why a store operation was refused; engines map these to their protocol's replies. */
export type StoreError =
  | 'nonexistent'
  | 'already-exists'
  | 'quota'
  | 'cannot'
  | 'in-use';

export type StoreResult<T> = { ok: true; value: T } | { ok: false; error: StoreError; message: string };
