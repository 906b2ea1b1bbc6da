/**
 * The narrow mail backend the protocol engines talk to (go-imap's `imapserver.Session` /
 * go-smtp's `Backend`): accounts and authentication, mailboxes, messages, and the hand-off of mail
 * for other domains. Engines see this and nothing else of the world: not its hosts, its DNS or its
 * queue. The world's implementation is `worldBackend` (simulator/world/world-backend.ts).
 */
import type { Account } from './store/account.ts';
import type { MailStore } from './store/mail-store.ts';
import type { StoreChange } from './store/types.ts';

/**
 * One change of the mail store (a message appended, expunged or reflagged, a mailbox made, renamed
 * or deleted), tagged with the session that made it. Engines that show other sessions' changes
 * (IMAP) take these as an input, `ServerEngine.storeChanged`, fed by whoever drives them.
 */
export type MailChange = StoreChange;

/** One recipient of a message handed on for relay (RFC 5321 §4.5.4.1 retry bookkeeping). */
export interface OutboundRecipient {
  address: string;
  status: 'pending' | 'delivered' | 'deferred' | 'failed';
  attempts: number;
  /** When the next attempt is due (ms since the epoch). */
  nextAttempt: number;
  /** The last reply from the receiving server, or why no attempt could be made. */
  lastReply?: string;
}

/** A message an SMTP server accepted for recipients it does not hold (RFC 5321 §6.1: now its duty). */
export interface OutboundMessage {
  id: string;
  /** The host that accepted the message and will relay it. */
  fromHost: string;
  /** RFC 5321 reverse-path; '' is the null path `<>`. */
  from: string;
  recipients: OutboundRecipient[];
  /** The message with this host's trace headers already added. */
  raw: Uint8Array;
  queuedAt: number;
}

export interface MailBackend {
  // ── Accounts and authentication ──
  /** The account a login and password open on a host serving `domains`, or null (never saying which part was wrong: RFC 1939 §13). */
  authenticate: MailStore['authenticate'];
  /** The account a login name means on a host serving `domains`. */
  resolveLogin: MailStore['resolveLogin'];
  account: MailStore['account'];
  /** The accounts of one domain, by address (RFC 5321 §4.5.1 postmaster falls back to the first). */
  accountsOf(domain: string): Account[];
  /** RFC 1939 §8: the maildrop lock. */
  lock: MailStore['lock'];
  unlock: MailStore['unlock'];
  /** RFC 2449 §6.5 LOGIN-DELAY: when `address` last logged in over POP3. */
  lastLogin(address: string): number | undefined;
  recordLogin(address: string, at: number): void;

  // ── Mailboxes ──
  mailbox: MailStore['mailbox'];
  createMailbox: MailStore['createMailbox'];
  deleteMailbox: MailStore['deleteMailbox'];
  renameMailbox: MailStore['renameMailbox'];
  setSubscribed: MailStore['setSubscribed'];

  // ── Messages ──
  append: MailStore['append'];
  setFlags: MailStore['setFlags'];
  expunge: MailStore['expunge'];
  copy: MailStore['copy'];
  move: MailStore['move'];

  // ── Delivery ──
  /** Hands a message on for relay to other domains (the outbound queue of the host). */
  relay(message: OutboundMessage): void;
}
